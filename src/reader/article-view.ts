/**
 * Builds the article as a reader sees it, for the popup and the reader overlay alike: header (site,
 * title, byline, date, reading time), the sanitized body, and removed blocks shown in place on request.
 * Every piece of page-derived HTML passes through DOMPurify here, whatever the engine already did.
 */
import DOMPurify from 'dompurify';
import type { CleanResult, Removal } from '../core/types.ts';
import { t, uiLanguage } from '../platform/i18n.ts';
import { formatDate, readingMinutes, reasonLabel, squash, textParagraphs } from './format.ts';

/** Elements that carry one block each, as the engine counts them. */
const BLOCK_SELECTOR = 'h1, h2, h3, h4, h5, h6, p, li, blockquote, pre, table, figcaption, dt, dd';

export interface ArticleView {
  element: HTMLElement;
  body: HTMLElement;
  /** blocks[i] -> its element in `body` (null when the HTML has no element with that text). */
  blockElements: (Element | null)[];
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

/** Sanitizes into a fragment owned by `doc` (never via innerHTML of a live element). */
export function sanitizedFragment(doc: Document, html: string): DocumentFragment {
  const fragment = DOMPurify.sanitize(html, {
    RETURN_DOM_FRAGMENT: true,
    FORBID_TAGS: ['style', 'form', 'input', 'button', 'textarea', 'select'],
    FORBID_ATTR: ['style', 'id', 'class'],
  });
  const adopted = doc.importNode(fragment, true);
  for (const link of adopted.querySelectorAll('a[href]')) {
    link.setAttribute('target', '_blank');
    link.setAttribute('rel', 'noopener noreferrer');
  }
  for (const img of adopted.querySelectorAll('img')) {
    img.setAttribute('loading', 'lazy');
    img.setAttribute('decoding', 'async');
    if (!img.hasAttribute('alt')) img.setAttribute('alt', '');
  }
  return adopted;
}

/** Ties each block to the first element, after the previous block's, whose text is the block's text. */
export function mapBlocks(body: HTMLElement, blocks: readonly { text: string }[]): (Element | null)[] {
  const candidates = [...body.querySelectorAll(BLOCK_SELECTOR)];
  const texts = candidates.map((node) => squash(node.textContent ?? ''));
  const found: (Element | null)[] = [];
  let cursor = 0;
  for (const block of blocks) {
    const want = squash(block.text);
    let hit = -1;
    for (let i = cursor; i < candidates.length; i++) {
      if (texts[i] === want) {
        hit = i;
        break;
      }
    }
    if (hit === -1) {
      found.push(null);
      continue;
    }
    found.push(candidates[hit] ?? null);
    cursor = hit + 1;
  }
  return found;
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
    meta.append(item);
  });
  header.append(meta);
  for (const note of notes) header.append(el(doc, 'p', 'ro-note', note));
  article.append(header);

  const body = el(doc, 'div', 'ro-body');
  body.append(sanitizedFragment(doc, result.html));
  article.append(body);
  return { element: article, body, blockElements: mapBlocks(body, result.blocks) };
}

/**
 * Puts a removed block back where it was, marked as removed. `removal.at` is the index of the first
 * kept block after it; a removal before the same kept block goes after the ones already shown there.
 */
export function showRemovalInPlace(view: ArticleView, removal: Removal, index: number): HTMLElement {
  const doc = view.body.ownerDocument;
  const anchor = removal.at < view.blockElements.length ? (view.blockElements[removal.at] ?? null) : null;
  const inList = anchor?.tagName === 'LI';
  const marker = el(doc, inList ? 'li' : 'div', 'ro-removed');
  marker.dataset.removal = String(index);
  marker.dataset.kind = removal.kind;
  marker.append(el(doc, 'span', 'ro-removed-label', t('removedLabel', reasonLabel(removal.reason))));
  const content = el(doc, removal.kind === 'heading' ? 'strong' : 'span', 'ro-removed-text', removal.text);
  marker.append(content);

  // Keep page order among removals shown before the same anchor.
  let before: Element | null = anchor;
  while (before?.previousElementSibling?.classList.contains('ro-removed')) {
    const previous: Element = before.previousElementSibling;
    if (Number((previous as HTMLElement).dataset.removal) < index) break;
    before = previous;
  }
  if (before?.parentNode) before.parentNode.insertBefore(marker, before);
  else view.body.append(marker);
  return marker;
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
