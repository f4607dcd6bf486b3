/**
 * The article as the rules see it: its blocks in reading order, each tied to its element in the cleaned
 * copy, and the metadata the rules may fill in (a byline found in the body moves here).
 */
import { BlockIndex } from './block-index.ts';
import { authorLines } from './pages/thread.ts';
import { blockText } from './blocks.ts';
import type { BlockKind, PageType, RemovalCategory } from './types.ts';
import { endsWithEllipsis, normalize, squashedLength, stemsOf, words } from './text.ts';

export interface ArticleBlock {
  readonly index: number;
  readonly kind: BlockKind;
  readonly el: Element;
  /** Text as a reader sees it, white space collapsed. */
  readonly text: string;
  /** Lower-case words only: what duplicate rules compare. */
  readonly norm: string;
  readonly words: number;
  /** For a list item: the list it belongs to. */
  readonly list: Element | null;
  removal?: BlockRemoval;
}

export interface BlockRemoval {
  reason: string;
  category: RemovalCategory;
  explanation: string;
  duplicates?: ArticleBlock;
}

export interface Metadata {
  title: string;
  byline: string | null;
  siteName: string | null;
  publishedTime: string | null;
  lang: string | null;
  excerpt: string | null;
}

export class Article {
  readonly blocks: ArticleBlock[];
  readonly titleNorm: string;

  constructor(
    readonly root: Element,
    blocks: Array<Pick<ArticleBlock, 'kind' | 'el' | 'list'>>,
    readonly meta: Metadata,
    /** What kind of page the article was read from: rules that suit one kind ask. */
    readonly pageType: PageType = 'article',
  ) {
    this.blocks = blocks.map((b, index) => {
      const text = blockText(b.el, b.kind);
      const tokens = words(text);
      return { ...b, index, text, norm: tokens.join(' '), words: tokens.length };
    });
    this.titleNorm = normalize(meta.title);
  }

  private blockIndex?: BlockIndex;

  /** All blocks by their shingles, built on first use; rules skip the removed ones among what it finds. */
  get index(): BlockIndex {
    return (this.blockIndex ??= new BlockIndex(this.blocks));
  }

  private removals = 0;
  private keptNow?: { removals: number; blocks: readonly ArticleBlock[] };

  /** How many blocks rules have removed: what is worked out from the kept blocks holds until it changes. */
  get version(): number {
    return this.removals;
  }

  /** The blocks no rule has removed yet, in reading order; every rule asks, so it is kept until a removal. */
  kept(): readonly ArticleBlock[] {
    if (this.keptNow?.removals !== this.removals) this.keptNow = { removals: this.removals, blocks: this.blocks.filter((b) => !b.removal) };
    return this.keptNow.blocks;
  }

  remove(block: ArticleBlock, removal: BlockRemoval): void {
    // A post's author line is what a thread is made of: no rule takes it for a byline or a stale date.
    if (block.removal || authorLines.has(block.el)) return;
    block.removal = removal;
    this.removals++;
  }
}

const stems = new WeakMap<ArticleBlock, string[]>();

/** The block's content-word stems (stemsOf), read once from its normalised words. */
export function blockStems(block: ArticleBlock): string[] {
  let s = stems.get(block);
  if (!s) stems.set(block, (s = stemsOf(block.norm === '' ? [] : block.norm.split(' '))));
  return s;
}

const densities = new WeakMap<Element, number>();

/** Share of an element's text that sits inside links: high for lists of related stories. */
export function linkDensity(el: Element): number {
  let density = densities.get(el);
  if (density === undefined) {
    const total = squashedLength(el.textContent ?? '');
    let linked = 0;
    for (const a of el.getElementsByTagName('a')) linked += squashedLength(a.textContent ?? '');
    if (el.tagName === 'A') linked = total;
    density = total === 0 ? 0 : Math.min(1, linked / total);
    densities.set(el, density);
  }
  return density;
}

/** Every link in the element leads to a place in this page (#anchor): a table of contents, not related links. */
export function linksStayInPage(el: Element): boolean {
  const anchors = [...el.querySelectorAll('a[href]')];
  if (el.tagName === 'A' && el.hasAttribute('href')) anchors.push(el);
  return anchors.length > 0 && anchors.every((a) => (a.getAttribute('href') ?? '').startsWith('#'));
}

/** Prose: a paragraph long enough to be running text rather than a label, card or caption. */
export function isProse(block: ArticleBlock): boolean {
  return (block.kind === 'paragraph' || block.kind === 'quote') && block.words >= 20 && linkDensity(block.el) < 0.5;
}

/**
 * Where the running text begins and ends: the first and last prose block still kept. Truncated blocks ("…")
 * are teasers, not running text. Returns [-1, -1] for an article without prose.
 */
export function runningText(article: Article): readonly [number, number] {
  let known = running.get(article);
  if (known?.version !== article.version) running.set(article, (known = { version: article.version, range: findRunningText(article) }));
  return known.range;
}

const running = new WeakMap<Article, { version: number; range: readonly [number, number] }>();

function findRunningText(article: Article): [number, number] {
  let first = -1;
  let last = -1;
  for (const block of article.kept()) {
    if (!isProse(block) || endsWithEllipsis(block.text)) continue;
    if (first < 0) first = block.index;
    last = block.index;
  }
  return [first, last];
}

const REFRAIN_COPIES = 3;
const REFRAIN_MIN_WORDS = 4;

/**
 * Whether the page repeats on purpose: some sentence-like text stands three times or more (the same question
 * to each guest, a meal plan's recurring lines). On such a page, repeats and near-repeats are its pattern.
 */
export function hasRefrain(article: Article): boolean {
  const counts = new Map<string, number>();
  for (const block of article.kept()) {
    if (block.words < REFRAIN_MIN_WORDS || block.kind === 'code' || block.kind === 'table') continue;
    const n = (counts.get(block.norm) ?? 0) + 1;
    if (n >= REFRAIN_COPIES) return true;
    counts.set(block.norm, n);
  }
  return false;
}
