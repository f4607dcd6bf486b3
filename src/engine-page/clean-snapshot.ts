/**
 * The clean, in the engine's own document: the page's snapshot parsed into an inert document (DOMParser: no
 * script runs, nothing loads), cleaned in place (the copy is the engine's own, so no working copy is made),
 * sanitised by the engine before anything leaves. What the content script's clean did on the page's tab until
 * issue 18, with the same answers.
 */
import { cleanDocument, cleanText } from '../core/index.ts';
import { namesShadowMembers, unclobberedClone } from '../core/working-copy/01-served.ts';
import { type CleanOptions, REMOVAL_CATEGORIES, ReadOnceError } from '../core/types.ts';
import type { CleanReply, EngineRequest } from '../platform/messages.ts';
import { pageText } from './page-text.ts';
import { flattenShadowRoots } from './shadow-roots.ts';

/** The whole text offered when no article is found: enough for any article, small to send. */
const PAGE_TEXT_LIMIT = 200_000;

type Snapshot = EngineRequest['snapshot'];

export function cleanSnapshot(win: Window, request: EngineRequest): CleanReply {
  const { snapshot, keptEverything } = request;
  // The popup renders the Markdown only if Copy Markdown is pressed (markdownOf): the reader waits less. The
  // document given is this window's, so that DOMPurify is this window's: a parsed document has no window.
  const options: CleanOptions = { url: snapshot.url, keep: keptEverything ? [...REMOVAL_CATEGORIES] : request.keep, markdown: false, document: win.document };
  const fromPlainText = snapshot.contentType === 'text/plain';
  try {
    const result = fromPlainText
      // The text's article is built in an inert document (DOMPurify then takes this window, the global one).
      ? cleanText(snapshot.markup, { ...options, document: win.document.implementation.createHTMLDocument('') })
      : cleanDocument(parsedPage(win, snapshot), { ...options, copy: 'in-place' });
    return { ok: true, result, fromPlainText, keptEverything, url: snapshot.url, dir: snapshot.dir };
  } catch (error) {
    if (error instanceof ReadOnceError) {
      if (error.code === 'no-article') {
        // The clean changed its parse: the text is read from a fresh one.
        const text = (fromPlainText ? snapshot.markup : pageText(parsedPage(win, snapshot), PAGE_TEXT_LIMIT)).trim();
        return { ok: false, problem: 'no-article', detail: error.message, ...(text ? { pageText: text } : {}) };
      }
      return { ok: false, problem: error.code, detail: error.message };
    }
    return { ok: false, problem: 'failed', detail: error instanceof Error ? error.message : String(error) };
  }
}

/**
 * The snapshot as a document the engine may change. Named access works in any parsed HTML document
 * (`<img name="title">` makes its title an element, a form answers to its controls' names), so a page whose
 * elements name DOM members is read through the core's unclobbered clone, as the engine reads a live page.
 * Its documentURI and baseURI are the page's, not this document's: Readability resolves the article's links
 * against them, and leaves "#note-1" as it is where the page had no <base>.
 */
export function parsedPage(win: Window, snapshot: Snapshot): Document {
  let doc = new (win as Window & typeof globalThis).DOMParser().parseFromString(snapshot.markup, 'text/html');
  if (namesShadowMembers(doc)) doc = unclobberedClone(doc);
  flattenShadowRoots(doc);
  Object.defineProperties(doc, { documentURI: { value: snapshot.url }, baseURI: { value: snapshot.baseUrl } });
  return doc;
}
