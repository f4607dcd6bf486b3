/**
 * A block's fingerprint: its word pairs hashed into a b-bit MinHash sketch (SKETCH_SIZE hashes, 8 bits kept of
 * each minimum). Two blocks that share most of their word pairs agree in most bytes, so a lede with a few
 * words changed, or set with other quotes, dashes and punctuation, still matches, and no text is kept.
 */
import type { Fingerprint } from './types.ts';

/** Hashes per sketch; one byte each. 64 bytes stored per block. */
export const SKETCH_SIZE = 64;
/** The lookup index cuts a sketch into bands of BAND_ROWS bytes: one 32-bit key each. */
export const BAND_ROWS = 4;
export const BANDS = SKETCH_SIZE / BAND_ROWS;
/**
 * Fewer words than this and a block never counts: "Photo: Reuters", a dateline, "Sign up for our newsletter",
 * "The Associated Press contributed to this report" recur on unrelated stories. Measured on the 88-page dev
 * corpus (`node --import tsx scripts/bench-memory.ts --calibrate`): see the README's reading-memory section.
 */
export const MIN_WORDS = 12;
/**
 * Estimated Jaccard similarity of the word-pair sets from which a block counts as read before. A 40-word lede
 * with four words changed keeps about 0.6 of its pairs; two unrelated paragraphs share almost none.
 */
export const MIN_SIMILARITY = 0.5;

// Scripts written without spaces between words: only Unicode's word segmentation (Intl.Segmenter, with its
// dictionaries) finds their words. It costs about ten times a regular expression, so other text takes the
// expression, which joins the same marks inside words as Unicode's rules do ("U.S.", "15,000", "don't").
const UNSPACED = /[\p{sc=Han}\p{sc=Hiragana}\p{sc=Katakana}\p{sc=Thai}\p{sc=Lao}\p{sc=Khmer}\p{sc=Myanmar}\p{sc=Tibetan}]/u;
const WORD = /[\p{L}\p{M}\p{N}_]+(?:['.:\u00B7][\p{L}\p{M}_]+|[.,;']\p{N}+)*/gu;
const segmenter = new Intl.Segmenter(undefined, { granularity: 'word' });
// Typographic apostrophes, so "don’t" and "don't" are one word.
const APOSTROPHES = /[\u2018\u2019\u02BC\u2032\uFF07`]/gu;

/** The block's words, lower-cased, in order: punctuation, quote styles and spacing do not count. */
export function memoryWords(text: string): string[] {
  const normal = text.normalize('NFKC').replace(APOSTROPHES, "'").toLowerCase();
  const out: string[] = [];
  if (UNSPACED.test(normal)) {
    for (const seg of segmenter.segment(normal)) if (seg.isWordLike) out.push(seg.segment.replace(/'/gu, ''));
  } else {
    for (const word of normal.match(WORD) ?? []) out.push(word.includes("'") ? word.replace(/'/gu, '') : word);
  }
  return out;
}

/** FNV-1a over a string's UTF-16 units: small, fast and the same in every engine. */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h >>> 0;
}

/** murmur3's finaliser: spreads every input bit over the output. */
export function mix32(x: number): number {
  x ^= x >>> 16;
  x = Math.imul(x, 0x85ebca6b);
  x ^= x >>> 13;
  x = Math.imul(x, 0xc2b2ae35);
  x ^= x >>> 16;
  return x >>> 0;
}

// One seed per hash function, fixed so that fingerprints stay comparable across versions and machines.
const SEEDS = Uint32Array.from({ length: SKETCH_SIZE }, (_, i) => mix32(0x9e3779b9 + Math.imul(i + 1, 0x7f4a7c15)));

/** The fingerprint of a run of words (at least one). */
export function sketchWords(words: readonly string[]): Fingerprint {
  const mins = new Uint32Array(SKETCH_SIZE).fill(0xffffffff);
  const pairs = words.length === 1 ? 1 : words.length - 1;
  for (let p = 0; p < pairs; p++) {
    const base = fnv1a(words.length === 1 ? words[0]! : `${words[p]!} ${words[p + 1]!}`);
    for (let i = 0; i < SKETCH_SIZE; i++) {
      const h = mix32(base ^ SEEDS[i]!);
      if (h < mins[i]!) mins[i] = h;
    }
  }
  const sketch = new Uint8Array(SKETCH_SIZE);
  for (let i = 0; i < SKETCH_SIZE; i++) sketch[i] = mins[i]! & 0xff;
  return sketch;
}

export function fingerprint(text: string): Fingerprint {
  return sketchWords(memoryWords(text));
}

/**
 * Estimated Jaccard similarity of the two blocks' word pairs. Two bytes agree by chance 1 time in 256, so the
 * raw share of agreeing bytes is corrected for that (Li and König's b-bit MinHash estimator).
 */
export function similarity(a: Fingerprint, b: Uint8Array, offsetB = 0): number {
  let same = 0;
  for (let i = 0; i < SKETCH_SIZE; i++) if (a[i] === b[offsetB + i]) same++;
  const chance = 1 / 256;
  return Math.max(0, (same / SKETCH_SIZE - chance) / (1 - chance));
}

/** The BAND_ROWS (4) bytes of a band as one 32-bit number. */
export function bandValue(bytes: Uint8Array, at: number): number {
  return (bytes[at]! | (bytes[at + 1]! << 8) | (bytes[at + 2]! << 16) | (bytes[at + 3]! << 24)) >>> 0;
}

/** The index keys of a sketch: one per band, its 4 bytes and the band's number mixed into 32 bits. */
export function bandKeys(sketch: Uint8Array, offset = 0): Uint32Array {
  const keys = new Uint32Array(BANDS);
  for (let band = 0; band < BANDS; band++) keys[band] = mix32(bandValue(sketch, offset + band * BAND_ROWS) ^ Math.imul(band + 1, 0x9e3779b9));
  return keys;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
const B64_INDEX = new Map([...B64].map((c, i) => [c, i]));

/** Base64 of the bytes: how sketches travel in JSON (the core uses no platform encoder). */
export function toBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i]! << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += B64[(n >> 18) & 63]! + B64[(n >> 12) & 63]!;
    out += i + 1 < bytes.length ? B64[(n >> 6) & 63]! : '=';
    out += i + 2 < bytes.length ? B64[n & 63]! : '=';
  }
  return out;
}

/** The bytes of a base64 string, or null when it is not base64. */
export function fromBase64(text: string): Uint8Array | null {
  if (text.length % 4 !== 0) return null;
  const pad = text.endsWith('==') ? 2 : text.endsWith('=') ? 1 : 0;
  const out = new Uint8Array((text.length / 4) * 3 - pad);
  let o = 0;
  for (let i = 0; i < text.length; i += 4) {
    let n = 0;
    for (let j = 0; j < 4; j++) {
      const c = text[i + j]!;
      const v = c === '=' && i + j >= text.length - pad ? 0 : B64_INDEX.get(c);
      if (v === undefined) return null;
      n = (n << 6) | v;
    }
    if (o < out.length) out[o++] = (n >> 16) & 255;
    if (o < out.length) out[o++] = (n >> 8) & 255;
    if (o < out.length) out[o++] = n & 255;
  }
  return out;
}
