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
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n]')) el.textContent = t(el.dataset.i18n ?? '');
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n-title]')) el.title = t(el.dataset.i18nTitle ?? '');
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n-aria-label]')) {
    el.setAttribute('aria-label', t(el.dataset.i18nAriaLabel ?? ''));
  }
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n-placeholder]')) {
    el.setAttribute('placeholder', t(el.dataset.i18nPlaceholder ?? ''));
  }
}

export function uiLanguage(): string {
  return browser.i18n.getUILanguage();
}
