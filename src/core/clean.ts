/**
 * The pipeline: copy the page, prune its furniture, let Readability find the article, split it into blocks,
 * run the rules, render what is kept. The page given is never changed.
 */
import { Readability } from '@mozilla/readability';
import { Article, type Metadata } from './article.ts';
import { toIsoDate } from './dates.ts';
import { markRepeatsNow } from './memory/mark.ts';
import { dropEmptyListItems, paragraphsHoldingBlocksAsDivs, splitBlocks } from './blocks.ts';
import { textToArticle } from './plain-text.ts';
import { normalizeContent } from './normalize.ts';
import { type PageReading, readPage, settle } from './pages/index.ts';
import { isDocumentation } from './pages/docs.ts';
import { appendLeftovers, recordLeftovers } from './pages/leftovers.ts';
import { toMarkdown } from './render.ts';
import { applyRules } from './rules/index.ts';
import { BLOCK_ID_ATTR, sanitizeInPlace } from './sanitize.ts';
import { squash, wordCount } from './text.ts';
import { type Block, type BlockId, type CleanOptions, type CleanResult, type PageType, ReadOnceError, type Removal, tooLarge } from './types.ts';
import { type WorkingCopy, workingCopy } from './working-copy/index.ts';
import type { Restored } from './working-copy/left-out.ts';
import { restoreLeftOut } from './working-copy/09-restore.ts';
import { storyNavigation } from './working-copy/10-story-navigation.ts';
import { recordLeftOut } from './working-copy/11-record.ts';

/**
 * The most elements a page may have once its furniture is left out. Measured in Chromium: about 40,000
 * elements clean in under 10 s on a slow machine; beyond that a reader waits too long.
 */
export const DEFAULT_MAX_ELEMENTS = 40_000;
/** How many times DEFAULT_MAX_ELEMENTS the served page may have before it is not even copied. */
const COPY_CEILING = 10;
const MIN_ARTICLE_WORDS = 20;
const MIN_SENTENCE_WORDS = 8;
const SENTENCE_END = /[.!?。！？…]["'”’»)]?$/u;

/**
 * A sign-in form's "Email Password" is not an article; the shortest news briefs run to a few sentences, and
 * a note or a post may be one or two (a Substack note, a post on X); "Please wait while the page is loading."
 * and "Forgot your password? Reset it here." are not.
 */
function isArticle(blocks: readonly Block[]): boolean {
  let words = 0;
  let sentence = false;
  for (const block of blocks) {
    const n = wordCount(block.text);
    words += n;
    if (n >= MIN_SENTENCE_WORDS && block.kind !== 'heading' && block.kind !== 'caption' && SENTENCE_END.test(block.text)) sentence = true;
    if (words >= MIN_ARTICLE_WORDS) return true;
  }
  return sentence;
}

const MIN_GALLERY_IMAGES = 3;

/**
 * A photo post or gallery is an article whose pictures carry it: a few figures under a line or two of text
 * that ends as a sentence. Logos and buttons sit in links; a sign-in form has no figures.
 */
function isGallery(root: Element, blocks: readonly Block[]): boolean {
  if (!blocks.some((b) => b.kind === 'paragraph' && SENTENCE_END.test(b.text))) return false;
  let pictures = 0;
  for (const img of root.getElementsByTagName('img')) {
    if (img.closest('a, button') || !img.closest('figure, picture')) continue;
    if (++pictures >= MIN_GALLERY_IMAGES) return true;
  }
  return false;
}

export function cleanDocument(document: Document, options: CleanOptions = {}): CleanResult {
  const win = document.defaultView ?? options.document?.defaultView ?? globalThis.window;
  if (!win) throw new Error('cleanDocument needs a document with a window (defaultView) for DOMPurify');
  const max = options.maxElements ?? DEFAULT_MAX_ELEMENTS;
  // The page as served may be far larger than what is left once its furniture is set aside: copying is
  // cheap next to Readability, so the limit applies to the copy, with a ceiling on what is copied at all.
  return withinStack(() => {
    const copy = workingCopy(document, options.copy, max * COPY_CEILING);
    const elements = copy.doc.getElementsByTagName('*').length;
    if (elements > max) throw tooLarge(elements, max);
    return cleanCopy(copy, win, options);
  });
}

/** A page nested thousands deep overflows the stack somewhere in the DOM code: that is a size problem. */
function withinStack<T>(run: () => T): T {
  try {
    return run();
  } catch (e) {
    if (e instanceof RangeError && /call stack/iu.test(e.message)) {
      throw new ReadOnceError('too-large', 'This page is nested too deeply to clean.');
    }
    throw e;
  }
}

function cleanCopy(copy: WorkingCopy, win: Window, options: CleanOptions): CleanResult {
  // Read on the copy (where no element shadows a document member), before Readability changes it.
  const pageTitle = squash(copy.doc.title);
  const pageLang = copy.doc.documentElement?.getAttribute('lang') || null;
  // Read before normalizeContent, which drops the headings' permalinks that tell documentation.
  const documentation = isDocumentation(copy.doc);
  normalizeContent(copy.doc);
  // Read before Readability, which takes the copy apart: a thread or another kind of page is read whole.
  const page = readPage(copy.doc, copy.structuredData, documentation);
  const parsed = new Readability<Element>(copy.doc, { serializer: (el) => el as Element, keepClasses: true }).parse();
  const picked = parsed?.content ?? null;
  const reading = settle(page, picked);
  if (reading) reading.leftovers = appendLeftovers(reading.root, picked);
  const root = reading?.root ?? picked;
  if (!root || squash(root.textContent ?? '') === '') {
    throw new ReadOnceError('no-article', 'No article found on this page.');
  }
  // A listing's or a thread's first byline and date are its first card's or post's, not the page's.
  const ofOne = reading?.type !== 'listing' && reading?.type !== 'thread';
  const meta: Metadata = {
    title: squash(parsed?.title ?? '') || pageTitle,
    byline: ofOne ? (clean(parsed?.byline) ?? copy.bylineHint) : null,
    siteName: clean(parsed?.siteName),
    publishedTime: ofOne ? toIsoDate(parsed?.publishedTime ?? '') : null,
    lang: clean(parsed?.lang) ?? pageLang,
    excerpt: clean(parsed?.excerpt),
  };
  if (reading) return finish(win, root, meta, options, [], reading);
  return finish(win, root, meta, options, [...restoreLeftOut(copy, root), ...storyNavigation(root)], null, page.pickType);
}

export function cleanText(text: string, options: CleanOptions = {}): CleanResult {
  const doc = options.document ?? globalThis.document;
  const win = doc?.defaultView ?? globalThis.window;
  if (!doc || !win) throw new Error('cleanText needs options.document where there is no global document');
  if (text.trim() === '') throw new ReadOnceError('empty-input', 'The text is empty.');
  const { root, title } = textToArticle(doc, text);
  const meta: Metadata = { title, byline: null, siteName: null, publishedTime: null, lang: null, excerpt: null };
  return finish(win, root, meta, options);
}

function clean(value: string | null | undefined): string | null {
  const text = squash(value ?? '');
  return text === '' ? null : text;
}

function finish(
  win: Window,
  root: Element,
  meta: Metadata,
  options: CleanOptions,
  restored: readonly Restored[] = [],
  reading: PageReading | null = null,
  pickType: PageType = 'article',
): CleanResult {
  const pageType = reading?.type ?? pickType;
  const article = new Article(root, splitBlocks(root), meta, pageType);
  // What the working copy left out but Readability keeps on the page itself is recorded, not lost.
  const chrome = recordLeftOut(article, restored, options.keep);
  if (reading && !options.keep?.includes('boilerplate')) recordLeftovers(article, reading);
  applyRules(article, options.keep);

  // A page may carry its own data-ro-block attributes: only the engine's ids may point a view at a block.
  for (const el of Array.from(root.querySelectorAll(`[${BLOCK_ID_ATTR}]`))) el.removeAttribute(BLOCK_ID_ATTR);
  const blocks: Block[] = [];
  const removed: Removal[] = [];
  const gone: Element[] = [];
  let after: BlockId | null = null;
  for (const block of article.blocks) {
    const id: BlockId = `b${block.index}`;
    block.el.setAttribute(BLOCK_ID_ATTR, id);
    const { removal } = block;
    if (!removal) {
      blocks.push({ id, kind: block.kind, text: block.text });
      after = id;
      continue;
    }
    removed.push({
      id,
      text: block.text,
      kind: block.kind,
      reason: removal.reason,
      category: removal.category,
      explanation: removal.explanation,
      ...(removal.duplicates ? { duplicates: removal.duplicates.text } : {}),
      after,
      html: '',
    });
    gone.push(block.el);
  }
  detachAll(gone, root);
  for (const el of chrome) el.remove();
  if (!isArticle(blocks) && !isGallery(root, blocks)) {
    throw new ReadOnceError('no-article', 'No article found on this page.');
  }

  sanitizeInPlace(win, root);
  dropEmptyListItems(root);
  removedHtml(win, gone).forEach((html, i) => (removed[i]!.html = html));
  const markdown = options.markdown === false ? '' : toMarkdown(article.meta.title, root);
  // After the Markdown, which reads a card linked as a whole by its <p> (render.ts).
  paragraphsHoldingBlocksAsDivs(root);
  return {
    pageType,
    title: article.meta.title,
    byline: article.meta.byline,
    siteName: article.meta.siteName,
    publishedTime: article.meta.publishedTime,
    lang: article.meta.lang,
    excerpt: article.meta.excerpt,
    blocks,
    removed,
    html: root.innerHTML,
    markdown,
    ...(options.memory ? { readBefore: markRepeatsNow({ blocks }, options.memory, options.url ?? '') } : {}),
  };
}

/**
 * Each removed element's HTML through the same sanitizer as the article. One pass over all of them: each in
 * its own plain <div> (which the sanitizer keeps as it is), all in one container.
 */
function removedHtml(win: Window, elements: readonly Element[]): string[] {
  if (elements.length === 0) return [];
  const doc = elements[0]!.ownerDocument;
  const container = doc.createElement('div');
  const boxes = elements.map((el) => {
    const box = doc.createElement('div');
    box.appendChild(el);
    return container.appendChild(box);
  });
  sanitizeInPlace(win, container);
  return boxes.map((box) => box.innerHTML);
}

/**
 * Removes the removed blocks' elements, and the containers they leave empty (a list without items). A
 * container with any element left (an image, a figure) stays. jsdom finds a child's index by walking its
 * siblings at every removal, so many removals from one long list are quadratic one by one; there, every
 * child is taken off the front (index 0) and the kept ones are put back, which is linear.
 */
function detachAll(elements: Element[], root: Element): void {
  const byParent = new Map<Element, Set<Node>>();
  for (const el of elements) {
    const parent = el.parentElement;
    if (!parent) continue;
    const siblings = byParent.get(parent) ?? new Set<Node>();
    byParent.set(parent, siblings.add(el));
  }
  for (const [parent, gone] of byParent) {
    if (gone.size < MANY_REMOVALS) {
      for (const el of gone) parent.removeChild(el);
    } else {
      const kept = root.ownerDocument.createDocumentFragment();
      while (parent.firstChild) {
        if (gone.has(parent.firstChild)) parent.removeChild(parent.firstChild);
        else kept.appendChild(parent.firstChild);
      }
      parent.appendChild(kept);
    }
    removeIfEmpty(parent, root);
  }
}

const MANY_REMOVALS = 16;

/** Removes `el` and then its ancestors below `root` while each is left with no element and no text. */
function removeIfEmpty(el: Element, root: Element): void {
  let parent: Element | null = el;
  while (parent && parent !== root && parent.firstElementChild === null && (parent.textContent ?? '').trim() === '') {
    const up: Element | null = parent.parentElement;
    parent.remove();
    parent = up;
  }
}
