/**
 * The reader's views (src/reader/) in jsdom, for the tests that render with them. The views reach the extension
 * through webextension-polyfill, which takes globalThis.browser as it is when that has a runtime id (as in
 * Firefox): standInForExtension puts one there whose i18n answers with the message key and its substitutions,
 * so a test reads which message a view chose. It must run before a view module is first imported, so those
 * tests import the views dynamically, after it.
 */
import { JSDOM, VirtualConsole } from 'jsdom';

export function standInForExtension(): void {
  const g = globalThis as Record<string, unknown>;
  g.chrome ??= { runtime: { id: 'readonce-test' } };
  g.browser ??= { runtime: { id: 'readonce-test' }, i18n: { getMessage: (key: string, subs?: string | string[]) => [key, ...[subs ?? []].flat()].join(' '), getUILanguage: () => 'en' } };
}

/** An empty page for a view to render into. */
export function viewDocument(): Document {
  return new JSDOM('<!doctype html><body></body>', { virtualConsole: new VirtualConsole() }).window.document;
}
