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
    // The document is parsed for this call alone: the engine prunes it rather than copying it.
    return cleanDocument(document, { copy: 'in-place', ...options });
  } finally {
    closeWindow(document);
  }
}

/**
 * Frees the jsdom window, which otherwise keeps the page in memory. Teardown must never turn a finished clean
 * into a failure: jsdom's window.close() closes every frame it counts, and throws ("Cannot read properties of
 * undefined (reading 'close')") when the page's scripts-off DOM has a frame without a window of its own.
 */
export function closeWindow(document: Document): void {
  try {
    document.defaultView?.close();
  } catch {
    // What close() had not reached yet is left to the garbage collector with the rest of the window.
  }
}

export function cleanText(text: string, options: CleanOptions = {}): CleanResult {
  return cleanTextCore(text, { ...options, document: options.document ?? parseHtml('<!doctype html><title></title>') });
}
