/**
 * The phrase lists (phrases/, one file a list, each by language) as matchers. Phrases are data; this file only
 * says how a block's text is compared with them: as a whole, as its beginning, or anywhere, always on
 * normalised words (lower-cased words, see text.ts normalize), so punctuation and case do not matter. Every
 * list covers at least en, de, fr, es, ru.
 */
import adLabels from './phrases/ad-labels.json' with { type: 'json' };
import authorRoles from './phrases/author-roles.json' with { type: 'json' };
import bylinePrefixes from './phrases/byline-prefixes.json' with { type: 'json' };
import callsToAction from './phrases/calls-to-action.json' with { type: 'json' };
import copyrightLines from './phrases/copyright-lines.json' with { type: 'json' };
import dateWords from './phrases/date-words.json' with { type: 'json' };
import keyPointsHeadings from './phrases/key-points-headings.json' with { type: 'json' };
import months from './phrases/months.json' with { type: 'json' };
import pageControls from './phrases/page-controls.json' with { type: 'json' };
import photoCredits from './phrases/photo-credits.json' with { type: 'json' };
import readAlsoPrefixes from './phrases/read-also-prefixes.json' with { type: 'json' };
import relatedHeadings from './phrases/related-headings.json' with { type: 'json' };
import relatedLabelWords from './phrases/related-label-words.json' with { type: 'json' };
import sharePrompts from './phrases/share-prompts.json' with { type: 'json' };
import siteNotices from './phrases/site-notices.json' with { type: 'json' };
import skipLinks from './phrases/skip-links.json' with { type: 'json' };
import threadChrome from './phrases/thread-chrome.json' with { type: 'json' };
import { normalize } from './text.ts';

/** The lists by name, with the code that reads each. */
const data = {
  skipLinks, // rules/skip-link
  relatedHeadings, // isRelatedLabel (rules/related-links, plain-text), rules/byline
  readAlsoPrefixes, // rules/read-also-teaser
  sharePrompts, // rules/share-prompt
  adLabels, // rules/advertisement-label
  copyrightLines, // rules/copyright-line
  bylinePrefixes, // rules/byline
  months, // rules/byline
  siteNotices, // rules/site-notice
  dateWords, // rules/byline
  photoCredits, // blocks (captions)
  authorRoles, // rules/author-bio
  callsToAction, // rules/share-prompt
  keyPointsHeadings, // rules/restating-summary
  threadChrome, // rules/thread-chrome
  pageControls, // rules/page-controls
};

/** Month names in every language, for the dates a byline carries. */
export const MONTH_NAMES: readonly string[] = Object.values(months).flat();

export type PhraseList = keyof typeof data;

const cache = new Map<PhraseList, Matcher>();

// Rules ask about the same short block text many times; normalising it once is enough. Phrases only matter
// in short blocks, so long texts are not kept (a cache of them would hold whole pages in memory).
const normalized = new Map<string, string>();
const MAX_CACHED = 2_000;
const MAX_CACHED_LENGTH = 400;

function norm(text: string): string {
  let out = normalized.get(text);
  if (out === undefined) {
    out = normalize(text);
    if (text.length <= MAX_CACHED_LENGTH) {
      if (normalized.size >= MAX_CACHED) normalized.clear();
      normalized.set(text, out);
    }
  }
  return out;
}

/**
 * A list's phrases, once normalised: as a set (is the text a phrase?) and by first word, longest first (does
 * a phrase start here?), so that a text is read once rather than searched once per phrase.
 */
interface Matcher {
  all: Set<string>;
  byFirstWord: Map<string, string[][]>;
}

function matcher(list: PhraseList): Matcher {
  let out = cache.get(list);
  if (!out) {
    const byLanguage = Object.entries(data[list] as Record<string, string | string[]>).filter(([key]) => !key.startsWith('$'));
    const all = new Set(byLanguage.flatMap(([, list]) => list as string[]).map(normalize).filter(Boolean));
    const byFirstWord = new Map<string, string[][]>();
    // Longest first, so that "read also" wins over "read" when a prefix is taken off.
    for (const phrase of [...all].sort((a, b) => b.length - a.length)) {
      const words = phrase.split(' ');
      const same = byFirstWord.get(words[0]!);
      if (same) same.push(words);
      else byFirstWord.set(words[0]!, [words]);
    }
    out = { all, byFirstWord };
    cache.set(list, out);
  }
  return out;
}

/** The longest phrase whose words stand in `words` from position `at`. */
function phraseAt(m: Matcher, words: readonly string[], at: number): string[] | undefined {
  return m.byFirstWord.get(words[at]!)?.find((phrase) => phrase.every((w, i) => words[at + i] === w));
}

/** The whole text is one of the phrases ("Latest", "Read also:", "Skip to content"). */
export function isPhrase(list: PhraseList, text: string): boolean {
  return matcher(list).all.has(norm(text));
}

/** The phrase the text starts with, as whole words, or undefined. */
export function leadingPhrase(list: PhraseList, text: string): string | undefined {
  const words = norm(text).split(' ');
  return phraseAt(matcher(list), words, 0)?.join(' ');
}

/** One of the phrases occurs in the text as whole words. */
export function containsPhrase(list: PhraseList, text: string): boolean {
  return findPhrase(list, text) !== undefined;
}

/** The first of the phrases found in the text as whole words, with the index of its first word. */
export function findPhrase(list: PhraseList, text: string): { words: string[]; at: number } | undefined {
  const m = matcher(list);
  const words = norm(text).split(' ');
  for (let i = 0; i < words.length; i++) {
    const phrase = phraseAt(m, words, i);
    if (phrase) return { words: phrase, at: i };
  }
  return undefined;
}

const LABEL_STARTS = new Set(relatedLabelWords.starts.map(normalize));
const LABEL_ENDS = new Set(relatedLabelWords.ends.map(normalize));

/** A short label of the shape "More … stories", "Top headlines": the head of a list of links. */
export function isRelatedLabel(text: string): boolean {
  // MediaWiki headings carry their section's edit link: "See also[edit]".
  text = text.replace(/\[\s*edit(?: source)?\s*\]\s*$/iu, '');
  const w = norm(text).split(' ');
  return isPhrase('relatedHeadings', text) || (w.length >= 2 && w.length <= 6 && LABEL_STARTS.has(w[0]!) && LABEL_ENDS.has(w.at(-1)!));
}
