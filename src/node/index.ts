/**
 * The package's main export for Node: the engine with jsdom as its DOM. jsdom 27.0.1 is pinned: it is the DOM
 * Readability and DOMPurify are tested on, and later 27.x–29.x throw on an inline style of one dev-corpus page.
 */
import { JSDOM, VirtualConsole } from 'jsdom';
import { cleanDocument as cleanDocumentCore, cleanText as cleanTextCore } from '../core/index.ts';
import type { CleanOptions, CleanResult } from '../core/index.ts';

export * from '../core/index.ts';

/** Parses HTML without running its scripts or fetching anything; jsdom's console noise is dropped. */
export function parseHtml(html: string, url?: string): Document {
  const dom = new JSDOM(html, { url: url ?? 'about:blank', virtualConsole: new VirtualConsole() });
  return dom.window.document;
}

export function cleanDocument(document: Document, options?: CleanOptions): CleanResult {
  return cleanDocumentCore(document, options);
}

export function cleanHtml(html: string, options: CleanOptions = {}): CleanResult {
  const document = parseHtml(html, options.url);
  try {
    return cleanDocumentCore(document, options);
  } finally {
    document.defaultView?.close(); // an open jsdom window keeps the page in memory
  }
}

export function cleanText(text: string, options: CleanOptions = {}): CleanResult {
  return cleanTextCore(text, { ...options, document: options.document ?? parseHtml('<!doctype html><title></title>') });
}
