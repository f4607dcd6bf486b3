/**
 * Runs the engine on the live page. cleanDocument clones the document, so the page itself is never
 * touched. Plain-text pages (a scraped dump shown as text/plain) go through the engine's text path.
 */
import { cleanDocument, cleanText } from '../core/index.ts';
import { REMOVAL_CATEGORIES, ReadOnceError, type CleanOptions } from '../core/types.ts';
import type { CleanReply } from '../platform/messages.ts';
import { keepsEverythingOn, type Settings } from '../platform/settings-schema.ts';
import { pageDirection } from './page-direction.ts';

/** Enough for any article; keeps the message small on a huge page. */
const PAGE_TEXT_LIMIT = 200_000;

function pageText(doc: Document): string {
  const body = doc.body;
  if (!body) return '';
  return (body.innerText || body.textContent || '').slice(0, PAGE_TEXT_LIMIT);
}

export function cleanPage(doc: Document, settings: Settings): CleanReply {
  if (doc.readyState === 'loading') return { ok: false, problem: 'loading' };
  const url = doc.location?.href ?? doc.URL;
  let hostname = '';
  try {
    hostname = new URL(url).hostname;
  } catch {
    // about:blank and the like have no host: no site rule applies.
  }
  const keptEverything = hostname !== '' && keepsEverythingOn(settings.keepEverythingOn, hostname);
  // The popup renders the Markdown only if Copy Markdown is pressed (markdownOf): the reader waits less. The
  // HTML is sanitised here, in the page's tab: an extension page never parses the page's raw markup, even in an
  // inert document, where Chromium still reports the inline handlers it refuses (e2e/hostile.test.ts).
  const options: CleanOptions = { url, keep: keptEverything ? [...REMOVAL_CATEGORIES] : settings.keep, markdown: false };
  const fromPlainText = doc.contentType === 'text/plain';
  try {
    const result = fromPlainText ? cleanText(pageText(doc), options) : cleanDocument(doc, options);
    return { ok: true, result, fromPlainText, keptEverything, url, dir: pageDirection(doc) };
  } catch (error) {
    if (error instanceof ReadOnceError) {
      if (error.code === 'no-article') {
        const text = pageText(doc).trim();
        return { ok: false, problem: 'no-article', detail: error.message, ...(text ? { pageText: text } : {}) };
      }
      return { ok: false, problem: error.code, detail: error.message };
    }
    return { ok: false, problem: 'failed', detail: error instanceof Error ? error.message : String(error) };
  }
}
