/** Addresses of the extension's own files. */
import { browser } from './browser.ts';

/**
 * The URL of a packaged file. In Chromium a web-accessible resource with use_dynamic_url gets a
 * per-session address here, so a page cannot probe for ReadOnce by loading a fixed URL.
 */
export function extensionUrl(path: string): string {
  return browser.runtime.getURL(path);
}
