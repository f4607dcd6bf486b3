/**
 * Finds, for a block, the other blocks that contain its text or start with it, without comparing every pair:
 * blocks are indexed by their word 4-shingles, and a query looks only at the blocks that share its rarest
 * shingle. On a page of n blocks that keeps duplicate detection near-linear, 5,000 teaser cards included.
 * A shingle's key is a number made from its words' hashes rather than the words joined: no string is built per
 * shingle. Two shingles that share a key only add a block to check; the text comparison decides.
 */
import type { ArticleBlock } from './article.ts';

const SIZE = 4;
/**
 * Blocks shorter than this are never looked for inside others (contained-block asks from 6 words, truncated-teaser
 * from 5), so they are never the longer block either: they are not indexed.
 */
const MIN_INDEXED_WORDS = 5;

export class BlockIndex {
  private readonly postings = new Map<number, ArticleBlock[]>();
  private readonly starts = new Map<string, ArticleBlock[]>();

  constructor(blocks: readonly ArticleBlock[]) {
    for (const block of blocks) {
      if (block.words < MIN_INDEXED_WORDS) continue;
      for (const key of shingleKeys(block.norm)) {
        const list = this.postings.get(key);
        if (!list) this.postings.set(key, [block]);
        else if (list.at(-1) !== block) list.push(block);
      }
      push(this.starts, firstWords(block.norm), block);
    }
  }

  /** Longer blocks whose text contains `norm` (a block's normalised text, at least one shingle long). */
  containing(norm: string): ArticleBlock[] {
    let rarest: ArticleBlock[] | undefined;
    for (const key of shingleKeys(norm)) {
      const list = this.postings.get(key);
      if (!list) return [];
      if (!rarest || list.length < rarest.length) rarest = list;
    }
    return (rarest ?? []).filter((b) => b.norm.length > norm.length && b.norm.includes(norm));
  }

  /** Longer blocks whose text starts with `norm`. */
  startingWith(norm: string): ArticleBlock[] {
    return (this.starts.get(firstWords(norm)) ?? []).filter((b) => b.norm.length > norm.length && b.norm.startsWith(norm));
  }
}

/** The first SIZE words of normalised text (words are single-spaced), or all of it. */
function firstWords(norm: string): string {
  let at = -1;
  for (let i = 0; i < SIZE; i++) {
    at = norm.indexOf(' ', at + 1);
    if (at < 0) return norm;
  }
  return norm.slice(0, at);
}

/** One key per run of SIZE words (FNV-1a per word, mixed in order); text shorter than that is one run. */
function shingleKeys(norm: string): number[] {
  if (norm === '') return [];
  const hashes: number[] = [];
  let h = 0x811c9dc5;
  for (let i = 0; i < norm.length; i++) {
    const c = norm.charCodeAt(i);
    if (c === 32) {
      hashes.push(h);
      h = 0x811c9dc5;
    } else {
      h = Math.imul(h ^ c, 0x01000193);
    }
  }
  hashes.push(h);
  const runs = Math.max(1, hashes.length - SIZE + 1);
  const keys = new Array<number>(runs);
  for (let i = 0; i < runs; i++) {
    let k = 0;
    for (let j = i; j < Math.min(i + SIZE, hashes.length); j++) k = Math.imul(k ^ hashes[j]!, 0x9e3779b1) ^ (k >>> 15);
    keys[i] = k;
  }
  return keys;
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
