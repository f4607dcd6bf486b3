/**
 * The reader's views (src/reader/) in jsdom, for the tests that render with them. The views reach the extension
 * through webextension-polyfill, which takes globalThis.browser as it is when that has a runtime id (as in
 * Firefox): standInForExtension puts one there whose i18n answers with the message key and its substitutions,
 * so a test reads which message a view chose. It must be in place before a view module is first imported:
 * importViews puts it there, then imports them.
 */
import { JSDOM, VirtualConsole } from 'jsdom';

function standInForExtension(): void {
  const g = globalThis as Record<string, unknown>;
  g.chrome ??= { runtime: { id: 'readonce-test' } };
  g.browser ??= { runtime: { id: 'readonce-test' }, i18n: { getMessage: (key: string, subs?: string | string[]) => [key, ...[subs ?? []].flat()].join(' '), getUILanguage: () => 'en' } };
}

/** An empty page for a view to render into. */
export function viewDocument(): Document {
  return new JSDOM('<!doctype html><body></body>', { virtualConsole: new VirtualConsole() }).window.document;
}

export interface Views {
  article: typeof import('../src/reader/article-view.ts');
  removals: typeof import('../src/reader/removals-view.ts');
  folds: typeof import('../src/reader/fold-view.ts');
}

/** The view modules, imported once the stand-in is in place (call it in a before hook). */
export async function importViews(): Promise<Views> {
  standInForExtension();
  const [article, removals, folds] = await Promise.all([
    import('../src/reader/article-view.ts'),
    import('../src/reader/removals-view.ts'),
    import('../src/reader/fold-view.ts'),
  ]);
  return { article, removals, folds };
}
