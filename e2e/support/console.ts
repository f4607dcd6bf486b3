/**
 * What the browser's consoles show while a test runs: the popup's, the page's (where the reader frame and its
 * engine frame log), the service worker's. A Content Security Policy report there means an extension document
 * held something of the page that its CSP had to refuse: an inline handler or style parsed, a script or frame
 * adopted. Chromium reports those even for a document that is never shown (src/engine-page/index.ts).
 */
import type { ConsoleMessage, Page, Worker } from 'playwright';

/**
 * The one report the extension's pages still make for a page's article, and why it is none of those: the
 * sanitiser keeps an <audio>/<video> with an http(s) src, and the extension's CSP has no media-src, so the view
 * cannot load it. That is a feature missing, not page markup held.
 */
const MEDIA_LOAD = /^Loading media from /u;

export class ConsoleLog {
  readonly messages: string[] = [];

  /** Starts listening to `target`'s console (and its frames'), under `label`. */
  watch(label: string, target: Page | Worker): this {
    target.on('console', (m: ConsoleMessage) => this.messages.push(`${label} ${m.type()}: ${m.text()} @ ${m.location().url}`));
    if ('on' in target && 'frames' in target) target.on('pageerror', (e) => this.messages.push(`${label} pageerror: ${e.message}`));
    return this;
  }

  /** Every CSP report seen so far but the media loads above. */
  cspReports(): string[] {
    return this.messages.filter((m) => /Content Security Policy/iu.test(m) && !MEDIA_LOAD.test(m.replace(/^\S+ \w+: /u, '')));
  }
}
