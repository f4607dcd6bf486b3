/**
 * Builds the article as a reader sees it, for the popup and the reader alike: header (site, title, byline,
 * date, reading time), the sanitised body, and removed blocks shown in place on request. Blocks are found by
 * the engine's ids (data-ro-block), never by their text. Every piece of page-derived HTML passes through the
 * core's one sanitizer here, whatever the engine already did.
 */
import { blockSelector, sanitizeToFragment } from '../core/sanitize.ts';
import type { Block, BlockId, CleanResult, Removal } from '../core/types.ts';
import { t, uiLanguage } from '../platform/i18n.ts';
import { formatDate, readingMinutes, textParagraphs } from './format.ts';
import { explain, ruleName } from './removal-labels.ts';

export interface ArticleView {
  element: HTMLElement;
  body: HTMLElement;
  /** The kept blocks in reading order: where to look when a block's own element is missing from `body`. */
  blocks: readonly Block[];
}

function el<K extends keyof HTMLElementTagNameMap>(
  doc: Document,
  tag: K,
  className?: string,
  text?: string,
): HTMLElementTagNameMap[K] {
  const node = doc.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/**
 * The page's ids and names, moved out of the view's own: an article element with id="content" or
 * name="copy-text" would otherwise answer the view's getElementById and match its #id styles (a page's
 * id="content" sat beside the popup's main#content). In-page links follow their targets.
 */
export const PAGE_ID_PREFIX = 'ro-page-';

function namespacePageIds(fragment: DocumentFragment): void {
  for (const node of fragment.querySelectorAll('[id], [name]')) {
    for (const attr of ['id', 'name']) {
      const value = node.getAttribute(attr);
      if (value !== null && !value.startsWith(PAGE_ID_PREFIX)) node.setAttribute(attr, PAGE_ID_PREFIX + value);
    }
  }
  for (const link of fragment.querySelectorAll('a[href^="#"]')) {
    const target = link.getAttribute('href')!.slice(1);
    if (target !== '' && !target.startsWith(PAGE_ID_PREFIX)) link.setAttribute('href', `#${PAGE_ID_PREFIX}${target}`);
  }
}

/**
 * Page-derived HTML as a fragment owned by `doc`, through the core's sanitizer, with the page's ids kept apart
 * from the view's; links to other pages open in a new tab, links within the article (footnotes, a table of
 * contents) scroll to their place.
 */
export function sanitizedFragment(doc: Document, html: string): DocumentFragment {
  const fragment = sanitizeToFragment(doc, html);
  namespacePageIds(fragment);
  // An extension page must not navigate itself away; the sanitizer already made every link noreferrer.
  for (const link of fragment.querySelectorAll('a[href]')) {
    if (!link.getAttribute('href')!.startsWith('#')) link.setAttribute('target', '_blank');
  }
  for (const img of fragment.querySelectorAll('img')) {
    img.setAttribute('decoding', 'async');
    if (!img.hasAttribute('alt')) img.setAttribute('alt', '');
  }
  return fragment;
}

/** The element in `body` that carries kept block `id`, or null (a view has no element for a bad id). */
export function blockElement(view: ArticleView, id: BlockId): Element | null {
  const selector = blockSelector(id);
  if (selector === null) return null;
  for (const found of view.body.querySelectorAll(selector)) if (!found.closest('.ro-removed')) return found;
  return null;
}

export function renderArticle(doc: Document, result: CleanResult, notes: string[] = []): ArticleView {
  const article = el(doc, 'article', 'ro-article');
  if (result.lang) article.lang = result.lang;

  const header = el(doc, 'header', 'ro-header');
  if (result.siteName) header.append(el(doc, 'p', 'ro-site', result.siteName));
  header.append(el(doc, 'h1', 'ro-title', result.title));

  const meta = el(doc, 'p', 'ro-meta');
  const items: Node[] = [];
  if (result.byline) {
    items.push(doc.createTextNode(/^by\s/i.test(result.byline) ? result.byline : t('byline', result.byline)));
  }
  if (result.publishedTime) {
    const time = el(doc, 'time', 'ro-date', formatDate(result.publishedTime, uiLanguage()));
    time.dateTime = result.publishedTime;
    items.push(time);
  }
  items.push(doc.createTextNode(t('readingTime', String(readingMinutes(result.blocks)))));
  items.forEach((item, i) => {
    if (i > 0) meta.append(doc.createTextNode(' · '));
    // Each item keeps its own direction: "1 min read" in an Arabic article's header reads as written, not "min read 1".
    const isolated = el(doc, 'bdi');
    isolated.append(item);
    meta.append(isolated);
  });
  header.append(meta);
  for (const note of notes) {
    const line = el(doc, 'p', 'ro-note', note);
    line.dir = 'auto';
    header.append(line);
  }
  article.append(header);

  const body = el(doc, 'div', 'ro-body');
  // A thread is shown as posts under their author lines, a listing as cards (article.css). A class, not a
  // data attribute: the hostile suites allow no data attribute but the blocks' ids in what is shown.
  if (PAGE_CLASSES.has(result.pageType)) body.classList.add(`ro-page-${result.pageType}`);
  body.append(sanitizedFragment(doc, result.html));
  article.append(body);
  return { element: article, body, blocks: result.blocks };
}

/** The kinds of page the article's stylesheet lays out in a way of their own. */
const PAGE_CLASSES: ReadonlySet<string> = new Set(['thread', 'listing']);

/**
 * Puts a removed block back where it was, marked as removed: right after the kept block it stood after
 * (`removal.after`), or right before the first kept block when none came before it. Removals at the same
 * place keep their page order whatever order they are shown in. Beside a list item the marker is a list
 * item, beside a table cell a cell of the same kind, so a list or a table row stays well formed.
 */
export function showRemovalInPlace(view: ArticleView, removal: Removal, index: number): HTMLElement {
  const doc = view.body.ownerDocument;
  const anchor = anchorFor(view, removal.after);
  const first = anchor ? null : firstKept(view);
  const beside = anchor ?? first;
  const tag = beside?.localName === 'li' ? 'li' : beside?.localName === 'td' || beside?.localName === 'th' ? beside.localName : 'div';
  const marker = doc.createElement(tag);
  marker.className = 'ro-removed';
  marker.dataset.removal = String(index);
  marker.dataset.kind = removal.kind;
  marker.setAttribute('data-ro-block', removal.id);
  const label = el(doc, 'span', 'ro-removed-label', t('removedLabel', ruleName(removal.reason)));
  label.dir = 'auto';
  marker.append(label);
  marker.title = explain(removal.explanation);
  const content = el(doc, 'div', 'ro-removed-text');
  content.append(removedContent(doc, removal));
  marker.append(content);

  if (anchor) {
    // After the anchor, past the markers of earlier removals already shown there.
    let before = anchor.nextSibling;
    while (isMarker(before, (shown) => shown < index)) before = before.nextSibling;
    anchor.parentNode!.insertBefore(marker, before);
  } else if (first) {
    // Before the first kept block, and before the markers of later removals already shown there.
    let before: ChildNode = first;
    while (isMarker(before.previousSibling, (shown) => shown > index)) before = before.previousSibling;
    first.parentNode!.insertBefore(marker, before);
  } else {
    view.body.prepend(marker);
  }
  return marker;
}

/** The kept block's element; when it has none in the body (the sanitizer took it), the nearest one before it. */
function anchorFor(view: ArticleView, after: BlockId | null): Element | null {
  if (after === null) return null;
  const at = view.blocks.findIndex((block) => block.id === after);
  for (let i = at; i >= 0; i--) {
    const found = blockElement(view, view.blocks[i]!.id);
    if (found) return found;
  }
  return null;
}

function firstKept(view: ArticleView): Element | null {
  for (const block of view.blocks) {
    const found = blockElement(view, block.id);
    if (found) return found;
  }
  return null;
}

function isMarker(node: ChildNode | null, shownIndex: (index: number) => boolean): node is HTMLElement {
  if (node?.nodeType !== 1) return false;
  const marker = node as HTMLElement;
  return marker.classList.contains('ro-removed') && shownIndex(Number(marker.dataset.removal));
}

/**
 * The removed block as it was, from its own sanitised HTML. Its element loses the block id (the marker carries
 * it); a list item gives its content (a bare <li> outside a list), a heading becomes strong text, so a removed
 * heading does not stand in the article's outline.
 */
function removedContent(doc: Document, removal: Removal): DocumentFragment {
  const fragment = sanitizedFragment(doc, removal.html);
  for (const marked of fragment.querySelectorAll('[data-ro-block]')) marked.removeAttribute('data-ro-block');
  const only = fragment.children.length === 1 ? fragment.firstElementChild : null;
  if (only && /^(li|h[1-6])$/u.test(only.localName)) {
    const replacement = only.localName === 'li' ? doc.createDocumentFragment() : doc.createElement('strong');
    replacement.append(...only.childNodes);
    only.replaceWith(replacement);
  }
  // The text a reader was told was removed, should its markup come out of the sanitizer empty.
  if (fragment.textContent?.trim() === '' && fragment.querySelector('img, svg, math, video, audio') === null) {
    fragment.append(removal.text);
  }
  return fragment;
}

/** The whole page text, offered when no article was found. */
export function renderPageText(doc: Document, text: string): HTMLElement {
  const article = el(doc, 'article', 'ro-article ro-page-text');
  const header = el(doc, 'header', 'ro-header');
  header.append(el(doc, 'h1', 'ro-title', t('wholeTextHeading')));
  article.append(header);
  const body = el(doc, 'div', 'ro-body');
  for (const paragraph of textParagraphs(text)) body.append(el(doc, 'p', undefined, paragraph));
  article.append(body);
  return article;
}
