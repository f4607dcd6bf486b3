/** UI strings come from _locales; the HTML pages name them with data-i18n attributes. */
import { browser } from './browser.ts';

export function t(key: string, substitutions?: string | string[]): string {
  const message = browser.i18n.getMessage(key, substitutions);
  // An empty answer means a missing key: show the key rather than a blank, so it gets noticed.
  return message === '' ? key : message;
}

/**
 * Fills elements marked `data-i18n="key"` (text), `data-i18n-title`, `data-i18n-aria-label`,
 * `data-i18n-placeholder` under `root`.
 */
export function localise(root: ParentNode): void {
  // The page speaks the language its strings came from: its <html> says which (each translation names itself:
  // @@ui_locale can say en-US while the browser picked the German strings, as Chromium does with --lang=de), and
  // which way it runs (@@bidi_dir is "rtl" for an Arabic or Hebrew interface), so screen readers pick the right
  // voice and the toolbars mirror. The article inside carries its own lang and dir (src/reader/direction.ts).
  const html = (root as Document).documentElement;
  if (html) {
    html.lang = browser.i18n.getMessage('uiLanguageTag') || html.lang;
    html.dir = browser.i18n.getMessage('@@bidi_dir') || 'ltr';
  }
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n]')) el.textContent = t(el.dataset.i18n ?? '');
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n-title]')) el.title = t(el.dataset.i18nTitle ?? '');
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n-aria-label]')) {
    el.setAttribute('aria-label', t(el.dataset.i18nAriaLabel ?? ''));
  }
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n-placeholder]')) {
    el.setAttribute('placeholder', t(el.dataset.i18nPlaceholder ?? ''));
  }
}

/**
 * The language to format dates, numbers and language names in: the browser's, when the strings shown are in
 * that language ("de-AT" for German strings), else the strings' own (Chromium started with --lang=de shows
 * German strings while it reports en-US).
 */
export function uiLanguage(): string {
  const browserLanguage = browser.i18n.getUILanguage();
  const shown = browser.i18n.getMessage('uiLanguageTag');
  if (!shown || browserLanguage.split(/[-_]/u)[0]?.toLowerCase() === shown.split('-')[0]?.toLowerCase()) return browserLanguage;
  return shown;
}
