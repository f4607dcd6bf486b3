/** Text helpers shared by the rules: normalisation, words, content-word stems and shingles. */

const ELLIPSIS = /(?:\.{3,}|…)\s*$/u;
const WORD = /[\p{L}\p{N}\p{M}_]+/gu;

/** Collapse white space, as a reader sees the text. */
export function squash(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** The length of squash(text), counted without building it. */
export function squashedLength(text: string): number {
  let length = 0;
  let space = false;
  for (let i = 0; i < text.length; i++) {
    if (isSpace(text.charCodeAt(i))) {
      space = length > 0;
    } else {
      if (space) length++;
      space = false;
      length++;
    }
  }
  return length;
}

/** The characters /\s/ matches. */
function isSpace(c: number): boolean {
  if (c <= 0x20) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  if (c < 0xa0) return false;
  return c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff;
}

/** Lower-case words only: punctuation, quotes and dashes do not make two copies differ. */
export function normalize(text: string): string {
  return words(text).join(' ');
}

// Scripts written without spaces between words: a run of them is many words, which only a dictionary tells apart.
const UNSPACED = /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\p{Script=Tibetan}]/u;
let segmenter: Intl.Segmenter | undefined;

/**
 * Text in Latin script with the usual typography (curly quotes, dashes, ellipsis, no-break spaces) has no
 * word character outside LATIN_WORD, which a plain character class matches several times faster than
 * WORD's Unicode properties; words are read on every block by several rules. BEYOND_LATIN finds any other
 * character, and then WORD reads the text.
 */
const LATIN_WORD = /[A-Za-z0-9_\u00AA\u00B2\u00B3\u00B5\u00B9\u00BA\u00BC-\u00BE\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u024F]+/gu;
const BEYOND_LATIN = /[^\t\n\v\f\r -\u024F\u2010-\u2027\u202F\u2030-\u205E]/u;

/**
 * The words of `text`: runs of letters, digits and marks; a run in a script without spaces (Chinese, Japanese,
 * Thai…) is cut into its words by Intl.Segmenter, so a CJK page counts as many words as it has, not one per
 * sentence. Space-separated text never reaches the segmenter.
 */
function wordRuns(text: string): string[] {
  if (!BEYOND_LATIN.test(text)) return text.match(LATIN_WORD) ?? [];
  const runs = text.match(WORD) ?? [];
  if (!UNSPACED.test(text)) return runs;
  const out: string[] = [];
  for (const run of runs) {
    if (!UNSPACED.test(run)) {
      out.push(run);
      continue;
    }
    segmenter ??= new Intl.Segmenter(undefined, { granularity: 'word' });
    for (const part of segmenter.segment(run)) if (part.isWordLike) out.push(part.segment);
  }
  return out;
}

export function words(text: string): string[] {
  return wordRuns(text.toLowerCase());
}

export function wordCount(text: string): number {
  return wordRuns(text).length;
}

export function endsWithEllipsis(text: string): boolean {
  return ELLIPSIS.test(text.trim());
}

export function stripEllipsis(text: string): string {
  return text.trim().replace(ELLIPSIS, '').trim();
}

// Function words of the five languages the phrase lists cover; they say nothing about what a text is about.
const STOP_WORDS = new Set(
  (
    'a an the and or but if of to in on at by for with from as is are was were be been being it its this that these those ' +
    'he she they we you i his her their our your my him them us me not no so than then there here which who whom whose what ' +
    'when where why how all any each both more most other some such only own same too very can will just should now also ' +
    'into over under after before about against between through during while has have had do does did would could may might ' +
    'der die das und oder aber ein eine einen einem einer eines den dem des zu im in am an auf aus bei mit nach von vor für ' +
    'über unter ist sind war waren sein hat haben nicht auch sich es er sie wir ihr ich wie als wenn dass so noch nur ' +
    'le la les un une des du de et ou mais en au aux dans par pour sur avec sans sous est sont était ce cette ces il elle ils ' +
    'elles nous vous je ne pas plus que qui quoi dont où se sa son ses leur leurs a été ' +
    'el los las unos unas y o pero del al en con sin por para sobre es son fue era este esta estos estas ese esa lo le les ' +
    'se su sus que quien como más muy ya ' +
    'и в во не что он на я с со как а то все она так его но да ты к у же вы за бы по только ее мне было вот от меня еще нет ' +
    'о из ему теперь когда даже ну вдруг ли если уже или ни быть был него до вас нибудь опять уж вам ведь там потом себя ' +
    'ничего ей может они тут где есть надо ней для мы тебя их чем была сам чтоб без будто чего раз тоже себе под будет ж ' +
    'тогда кто этот того потому этого какой совсем ним здесь этом один почти мой тем чтобы нее были куда зачем всех никогда ' +
    'можно при наконец два об другой хоть после над больше тот через эти нас про всего них какая много разве три эту моя ' +
    'впрочем хорошо свою этой перед иногда лучше чуть том нельзя такой им более всегда конечно всю между'
  ).split(' '),
);

/**
 * The words that carry meaning, cut to a crude stem (first five letters) so that "attacks" meets "attacking"
 * and "landing" meets "lands": enough to see that a key-points list paraphrases the body.
 */
export function stemsOf(lowerCaseWords: readonly string[]): string[] {
  const out: string[] = [];
  for (const w of lowerCaseWords) {
    if (w.length < 3 || STOP_WORDS.has(w) || /^\d+$/u.test(w)) continue;
    out.push(w.slice(0, 5));
  }
  return out;
}

/** Share of `part`'s distinct stems that also occur in `whole`. */
export function stemCoverage(part: readonly string[], whole: ReadonlySet<string>): number {
  const distinct = new Set(part);
  if (distinct.size === 0) return 0;
  let hits = 0;
  for (const s of distinct) if (whole.has(s)) hits++;
  return hits / distinct.size;
}
