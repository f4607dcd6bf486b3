/**
 * The phrase lists (phrases.json) as matchers. Phrases are data; this file only says how a block's text is
 * compared with them: as a whole, as its beginning, or anywhere, always on normalised words.
 */
import data from './phrases.json' with { type: 'json' };
import { normalize } from './text.ts';

export type PhraseList = Exclude<keyof typeof data, '$comment'>;

const cache = new Map<PhraseList, string[]>();

function phrases(list: PhraseList): string[] {
  let out = cache.get(list);
  if (!out) {
    const byLanguage = data[list] as Record<string, string[]>;
    out = [...new Set(Object.values(byLanguage).flat().map(normalize))].filter(Boolean);
    // Longest first, so that "read also" wins over "read" when a prefix is taken off.
    out.sort((a, b) => b.length - a.length);
    cache.set(list, out);
  }
  return out;
}

/** The whole text is one of the phrases ("Latest", "Read also:", "Skip to content"). */
export function isPhrase(list: PhraseList, text: string): boolean {
  const norm = normalize(text);
  return norm !== '' && phrases(list).includes(norm);
}

/** The phrase the text starts with, as whole words, or undefined. */
export function leadingPhrase(list: PhraseList, text: string): string | undefined {
  const norm = normalize(text);
  return phrases(list).find((p) => norm === p || norm.startsWith(p + ' '));
}

/** One of the phrases occurs in the text as whole words. */
export function containsPhrase(list: PhraseList, text: string): boolean {
  const norm = ` ${normalize(text)} `;
  return phrases(list).some((p) => norm.includes(` ${p} `));
}
