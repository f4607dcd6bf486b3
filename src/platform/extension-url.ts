/** Addresses of the extension's own files. */
import { browser } from './browser.ts';
import { t } from './i18n.ts';
import { READER_PAGE, type ReaderFrameRef } from './messages.ts';

/**
 * The URL of a packaged file. In Chromium a web-accessible resource with use_dynamic_url gets a
 * per-session address here, so a page cannot probe for ReadOnce by loading a fixed URL.
 */
export function extensionUrl(path: string): string {
  return browser.runtime.getURL(path);
}

/** What the content script needs to open the reader frame. */
export function readerFrameRef(): ReaderFrameRef {
  return { url: extensionUrl(READER_PAGE), label: t('readerLabel') };
}
