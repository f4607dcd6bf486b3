/**
 * Finds, for a block, the other blocks that contain its text or start with it, without comparing every pair:
 * blocks are indexed by their word 4-shingles, and a query looks only at the blocks that share its rarest
 * shingle. On a page of n blocks that keeps duplicate detection near-linear, 5,000 teaser cards included.
 */
import type { ArticleBlock } from './article.ts';
import { shingles } from './text.ts';

const SIZE = 4;

export class BlockIndex {
  private readonly postings = new Map<string, ArticleBlock[]>();
  private readonly starts = new Map<string, ArticleBlock[]>();

  constructor(blocks: readonly ArticleBlock[]) {
    for (const block of blocks) {
      const tokens = block.norm.split(' ');
      for (const key of new Set(shingles(tokens, SIZE))) push(this.postings, key, block);
      push(this.starts, tokens.slice(0, SIZE).join(' '), block);
    }
  }

  /** Longer blocks whose text contains `norm` (a block's normalised text, at least one shingle long). */
  containing(norm: string): ArticleBlock[] {
    const keys = shingles(norm.split(' '), SIZE);
    let rarest: ArticleBlock[] | undefined;
    for (const key of keys) {
      const list = this.postings.get(key);
      if (!list) return [];
      if (!rarest || list.length < rarest.length) rarest = list;
    }
    return (rarest ?? []).filter((b) => b.norm.length > norm.length && b.norm.includes(norm));
  }

  /** Longer blocks whose text starts with `norm`. */
  startingWith(norm: string): ArticleBlock[] {
    const key = norm.split(' ').slice(0, SIZE).join(' ');
    return (this.starts.get(key) ?? []).filter((b) => b.norm.length > norm.length && b.norm.startsWith(norm));
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
