/**
 * Which way the article runs. An Arabic or Hebrew page is laid out right to left in the popup and reader mode,
 * from what the page says: its own `dir` (on <html> or <body>, or `direction: rtl` in its style sheet) first,
 * then its language. Pure, so the same answer is tested without a browser.
 */

export type TextDirection = 'ltr' | 'rtl';

/** Languages written right to left in their usual script (BCP 47 primary subtags). */
const RTL_LANGUAGES = new Set(['ar', 'arc', 'ckb', 'dv', 'fa', 'he', 'iw', 'ks', 'nqo', 'ps', 'sd', 'syr', 'ug', 'ur', 'yi']);
/** Scripts written right to left, as a language tag's script subtag names them ("pa-Arab", "az-Arab"). */
const RTL_SCRIPTS = new Set(['adlm', 'arab', 'hebr', 'mand', 'nkoo', 'rohg', 'syrc', 'thaa']);

/** 'rtl' or 'ltr' as the page gave it (any case, spaces around), else null ("auto" and nonsense included). */
export function explicitDirection(value: string | null | undefined): TextDirection | null {
  const dir = value?.trim().toLowerCase();
  return dir === 'rtl' || dir === 'ltr' ? dir : null;
}

/** The direction a language tag implies, or null when the tag says nothing about it (or is not a tag). */
export function languageDirection(lang: string | null | undefined): TextDirection | null {
  if (!lang) return null;
  const [primary, ...rest] = lang.trim().toLowerCase().split(/[-_]/u);
  if (!primary || !/^[a-z]{2,3}$/u.test(primary)) return null;
  const script = rest.find((part) => /^[a-z]{4}$/u.test(part));
  if (script) return RTL_SCRIPTS.has(script) ? 'rtl' : 'ltr';
  return RTL_LANGUAGES.has(primary) ? 'rtl' : 'ltr';
}

/**
 * The article's direction: the page's own dir when it set one, else its language's; null when neither is known
 * (the view then lets the browser judge by the text's first strong letter, dir="auto").
 */
export function articleDirection(pageDir: string | null | undefined, lang: string | null | undefined): TextDirection | null {
  return explicitDirection(pageDir) ?? languageDirection(lang);
}

/** Sets the article element's dir (and lang, when known). */
export function applyArticleDirection(article: HTMLElement, pageDir: string | null | undefined, lang: string | null | undefined): void {
  article.dir = articleDirection(pageDir, lang) ?? 'auto';
  if (lang) article.lang = lang;
}
