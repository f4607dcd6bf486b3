/**
 * The language to read an article in: the one the page declares (`result.lang`, from <html lang> or
 * Readability), else the one its letters give away when they are not Latin (a page without a lang attribute in
 * Japanese, Arabic or Russian), else the reader's own.
 */

const SCRIPTS: [RegExp, string][] = [
  [/[\p{Script=Hiragana}\p{Script=Katakana}]/u, 'ja'],
  [/\p{Script=Hangul}/u, 'ko'],
  [/\p{Script=Han}/u, 'zh'],
  [/\p{Script=Arabic}/u, 'ar'],
  [/\p{Script=Hebrew}/u, 'he'],
  [/\p{Script=Cyrillic}/u, 'ru'],
  [/\p{Script=Greek}/u, 'el'],
  [/\p{Script=Thai}/u, 'th'],
  [/\p{Script=Devanagari}/u, 'hi'],
];

/** The language the letters of `text` belong to, when they are of one non-Latin script; null otherwise. */
export function languageOfScript(text: string): string | null {
  const sample = text.slice(0, 2000);
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  if (letters === 0) return null;
  // Kana before Han: Japanese mixes both; Han alone is Chinese.
  for (const [script, lang] of SCRIPTS) {
    const count = sample.match(new RegExp(script.source, 'gu'))?.length ?? 0;
    if (count >= letters * 0.3 || (lang === 'ja' && count > 0 && /\p{Script=Han}/u.test(sample))) return lang;
  }
  return null;
}

export function articleLanguage(declared: string | null | undefined, text: string, uiLocale: string): string {
  const tag = declared?.trim();
  if (tag && /^[a-z]{2,3}([-_][a-z0-9]{1,8})*$/iu.test(tag)) return tag.replace(/_/gu, '-');
  return languageOfScript(text) ?? uiLocale.replace(/_/gu, '-');
}
