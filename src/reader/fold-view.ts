/**
 * What the reader sees of the reading memory, in the popup and in reader mode alike: blocks read before fold
 * to one line per run ("Read 2 days ago on apnews.com · Show") that opens them in place; an article mostly read
 * elsewhere gets a banner naming and linking the earlier page; a page opened again says first how many
 * paragraphs are new since the last visit, and marks them. Folding is a view: the result is unchanged, so Copy
 * Markdown and Copy text still give the whole article; `onlyWhatIsNew` is the copy without the folded blocks.
 */
import { articleAsText } from '../core/format.ts';
import type { RepeatReport } from '../core/memory/types.ts';
import { toMarkdown } from '../core/render.ts';
import { sanitizeToFragment, blockSelector } from '../core/sanitize.ts';
import type { BlockId, CleanResult } from '../core/types.ts';
import { t } from '../platform/i18n.ts';
import { blockElement, type ArticleView } from './article-view.ts';

/** From this share of its words read on one earlier page, an article is "mostly read" and gets the banner. */
export const MOSTLY_READ = 0.5;

export interface FoldedView {
  /** The fold lines, in reading order. */
  folds: HTMLElement[];
  banner: HTMLElement | null;
  /** Opens every fold. */
  showAll(): void;
}

/** "5 minutes ago", "yesterday", "3 weeks ago" in the reader's language. */
export function readAgo(time: number, now: number, locale: string): string {
  const format = new Intl.RelativeTimeFormat(locale, { numeric: 'auto' });
  const seconds = Math.round((time - now) / 1000);
  const units: [Intl.RelativeTimeFormatUnit, number][] = [
    ['year', 365 * 86400],
    ['month', 30 * 86400],
    ['week', 7 * 86400],
    ['day', 86400],
    ['hour', 3600],
    ['minute', 60],
  ];
  for (const [unit, size] of units) if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  // "now" or "this minute" would read oddly after "Read": seconds, as a number.
  return new Intl.RelativeTimeFormat(locale, { numeric: 'always' }).format(Math.min(0, seconds), 'second');
}

/** "09:14" today, else "Nov 19, 09:14": when the page was last read. */
export function visitTime(time: number, now: number, locale: string): string {
  const at = new Date(time);
  const clock = at.toLocaleTimeString(locale, { hour: '2-digit', minute: '2-digit' });
  if (new Date(now).toDateString() === at.toDateString()) return clock;
  return `${at.toLocaleDateString(locale, { month: 'short', day: 'numeric' })}, ${clock}`;
}

function el<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export function foldRepeats(view: ArticleView, report: RepeatReport, now: number, locale: string): FoldedView {
  const doc = view.body.ownerDocument;
  const repeatOf = new Map(report.repeats.map((r) => [r.blockId, r]));
  // Runs of consecutive kept blocks read before on the same page: one line each.
  const runs: { url: string; ids: string[] }[] = [];
  let run: { url: string; ids: string[] } | null = null;
  for (const block of view.blocks) {
    const repeat = repeatOf.get(block.id);
    if (!repeat || !blockElement(view, block.id)) {
      run = null;
      continue;
    }
    if (run && run.url === repeat.url) run.ids.push(block.id);
    else runs.push((run = { url: repeat.url, ids: [block.id] }));
  }
  const folds = runs.map(({ ids }) => foldRun(view, ids.map((id) => [blockElement(view, id as BlockId)!, repeatOf.get(id)!] as const), now, locale));
  const fresh = new Set(report.fresh);
  if (report.lastVisit !== null) for (const id of fresh) blockElement(view, id as BlockId)?.classList.add('ro-new');
  const showAll = () => {
    for (const fold of folds) if (fold.dataset.open !== 'true') fold.querySelector<HTMLButtonElement>('button')?.click();
  };
  const banner = memoryBanner(doc, report, now, locale, folds.length > 0 ? showAll : null, () => firstNew(view, report));
  if (banner) view.body.before(banner);
  return { folds, banner, showAll };
}

function foldRun(view: ArticleView, blocks: readonly (readonly [Element, RepeatReport['repeats'][number]])[], now: number, locale: string): HTMLElement {
  const doc = view.body.ownerDocument;
  const [first, repeat] = blocks[0]!;
  // Beside a list item the line is a list item, beside a table cell a cell: the list or the row stays well formed.
  const tag = first.localName === 'li' ? 'li' : first.localName === 'td' || first.localName === 'th' ? first.localName : 'div';
  const fold = doc.createElement(tag);
  fold.className = 'ro-fold';
  // Interface text inside the article: it runs the interface's way even in a right-to-left article.
  fold.dir = 'auto';
  fold.dataset.open = 'false';
  const when = readAgo(repeat.time, now, locale);
  const label = blocks.length === 1 ? t('foldOne', [when, repeat.site]) : t('foldMany', [String(blocks.length), when, repeat.site]);
  const text = el(doc, 'span', 'ro-fold-label', label);
  fold.title = repeat.title;
  const button = el(doc, 'button', 'ro-fold-toggle', t('foldShow'));
  button.type = 'button';
  button.setAttribute('aria-expanded', 'false');
  const ids = blocks.map(([element]) => element.getAttribute('data-ro-block') ?? '').join(' ');
  fold.dataset.blocks = ids;
  for (const [element] of blocks) (element as HTMLElement).hidden = true;
  button.addEventListener('click', () => {
    const open = fold.dataset.open !== 'true';
    fold.dataset.open = String(open);
    for (const [element] of blocks) {
      (element as HTMLElement).hidden = !open;
      element.classList.toggle('ro-unfolded', open);
    }
    button.textContent = open ? t('foldHide') : t('foldShow');
    button.setAttribute('aria-expanded', String(open));
  });
  fold.append(text, doc.createTextNode(' · '), button);
  first.before(fold);
  return fold;
}

function firstNew(view: ArticleView, report: RepeatReport): void {
  const id = report.fresh[0];
  if (id) blockElement(view, id as BlockId)?.scrollIntoView({ block: 'start' });
}

function memoryBanner(doc: Document, report: RepeatReport, now: number, locale: string, showAll: (() => void) | null, goToNew: () => void): HTMLElement | null {
  const box = el(doc, 'aside', 'ro-memory-banner');
  box.dir = 'auto';
  box.setAttribute('role', 'note');
  if (report.lastVisit !== null) {
    const when = visitTime(report.lastVisit, now, locale);
    const n = report.fresh.length;
    box.dataset.kind = 'new-since';
    box.append(el(doc, 'strong', 'ro-memory-headline', n === 0 ? t('newSinceNone', when) : n === 1 ? t('newSinceOne', when) : t('newSinceMany', [String(n), when])));
    if (n > 0) {
      const go = el(doc, 'button', 'ro-button ro-quiet', t('newSinceGo'));
      go.type = 'button';
      go.addEventListener('click', goToNew);
      box.append(' ', go);
    }
  } else if (report.earlier && report.earlier.share >= MOSTLY_READ) {
    const { earlier } = report;
    box.dataset.kind = 'mostly-read';
    const link = el(doc, 'a', 'ro-memory-link', earlier.title || earlier.url);
    // Only web pages are remembered; anything else in a stored record is not followed.
    if (/^https?:\/\//iu.test(earlier.url)) link.href = earlier.url;
    link.target = '_blank';
    link.rel = 'noreferrer noopener';
    box.append(
      el(doc, 'strong', 'ro-memory-headline', t('mostlyRead', [String(Math.round(earlier.share * 100)), readAgo(earlier.time, now, locale)])),
      ' ',
      link,
      ` (${earlier.site})`,
    );
  } else {
    return null;
  }
  if (showAll) {
    const all = el(doc, 'button', 'ro-button ro-quiet', t('foldShowAll'));
    all.type = 'button';
    all.addEventListener('click', () => {
      showAll();
      all.disabled = true;
    });
    box.append(' ', all);
  }
  return box;
}

/**
 * The article without the blocks read before: "Copy only what's new". Markdown comes from the engine's own
 * renderer over the article's HTML with those blocks taken out; text from the one text format.
 */
export function onlyWhatIsNew(doc: Document, result: CleanResult, report: RepeatReport): { markdown: string; text: string } {
  const read = new Set(report.repeats.map((r) => r.blockId));
  const root = doc.createElement('div');
  root.append(sanitizeToFragment(doc, result.html));
  for (const id of read) {
    const selector = blockSelector(id);
    if (selector) for (const found of root.querySelectorAll(selector)) found.remove();
  }
  return {
    markdown: toMarkdown(result.title, root),
    text: articleAsText({ title: result.title, blocks: result.blocks.filter((b) => !read.has(b.id)) }),
  };
}
