/**
 * Marking a cleaned article against the reading memory: which of its blocks count, which were read before,
 * where and when, and what share of the article that is. Folding them is the views' job; the result keeps
 * every block.
 */
import type { BlockKind } from '../types.ts';
import { MIN_WORDS, memoryWords, sketchWords } from './fingerprint.ts';
import type { Fingerprint, ReadingMemory, ReadingMemoryNow, RememberedArticle, Repeat, RepeatReport, Sighting } from './types.ts';

/** What marking needs of a kept block. */
export interface MarkableBlock {
  id: string;
  kind: BlockKind;
  text: string;
}

/** A kept block that counts, with its fingerprint. */
export interface CountedBlock {
  id: string;
  fingerprint: Fingerprint;
}

/**
 * The blocks that count: not headings (a title read twice is no news), at least MIN_WORDS words, and not a
 * refrain the page itself prints more than once (a live blog's "Here's what we know", a recurring sign-off).
 */
export function countedBlocks(blocks: readonly MarkableBlock[]): CountedBlock[] {
  const candidates: { id: string; words: string[]; key: string }[] = [];
  const copies = new Map<string, number>();
  for (const block of blocks) {
    if (block.kind === 'heading') continue;
    const words = memoryWords(block.text);
    if (words.length < MIN_WORDS) continue;
    const key = words.join(' ');
    copies.set(key, (copies.get(key) ?? 0) + 1);
    candidates.push({ id: block.id, words, key });
  }
  return candidates.filter((c) => copies.get(c.key) === 1).map((c) => ({ id: c.id, fingerprint: sketchWords(c.words) }));
}

/** The site a reader knows a page by: its host without "www.". Empty for an address that is not a URL. */
export function siteOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^www\./u, '');
  } catch {
    return '';
  }
}

/** One page, however it was reached: the fragment does not make another page. */
export function samePage(a: string, b: string): boolean {
  return a.replace(/#.*$/su, '') === b.replace(/#.*$/su, '');
}

/** What the memory keeps of a cleaned article: no text, only fingerprints, url, title, site and time. */
export function rememberedArticle(result: { title: string; blocks: readonly MarkableBlock[] }, url: string, time: number): RememberedArticle {
  const page = url.replace(/#.*$/su, '');
  return { url: page, title: result.title, site: siteOf(page), time, fingerprints: countedBlocks(result.blocks).map((b) => b.fingerprint) };
}

/** Marks a result against any memory (IndexedDB, a file): the caller awaits it. */
export async function markRepeats(result: { blocks: readonly MarkableBlock[] }, memory: ReadingMemory, url = ''): Promise<RepeatReport> {
  const counted = countedBlocks(result.blocks);
  const sightings = counted.length ? await memory.lookup(counted.map((c) => c.fingerprint)) : [];
  return repeatReport(result.blocks, counted, sightings, url);
}

/** Marks a result against a memory that answers at once (the in-memory one). */
export function markRepeatsNow(result: { blocks: readonly MarkableBlock[] }, memory: ReadingMemoryNow, url = ''): RepeatReport {
  const counted = countedBlocks(result.blocks);
  const sightings = counted.length ? memory.lookupNow(counted.map((c) => c.fingerprint)) : [];
  return repeatReport(result.blocks, counted, sightings, url);
}

/**
 * Another page of the same site that shares fewer blocks than this with the article shares its template, not
 * its story: an author's bio, a newsletter or e-book offer, "Leave your questions below" (dev corpus: such blocks
 * of 12 to 46 words recur under different stories of comoeducarseusfilhos.com.br and theantijunecleaver.com).
 */
const SAME_SITE_MIN_SHARED = 3;

function repeatReport(blocks: readonly MarkableBlock[], counted: readonly CountedBlock[], sightings: readonly Sighting[][], url: string): RepeatReport {
  const site = url ? siteOf(url) : '';
  const shared = new Map<string, number>();
  for (const seen of sightings) for (const s of seen) shared.set(s.url, (shared.get(s.url) ?? 0) + 1);
  const template = (s: Sighting) =>
    site !== '' && s.site === site && !samePage(s.url, url) && shared.get(s.url)! < Math.min(SAME_SITE_MIN_SHARED, Math.ceil(counted.length / 2));
  const wordsOf = new Map(blocks.map((b) => [b.id, memoryWords(b.text).length]));
  const total = blocks.reduce((n, b) => n + wordsOf.get(b.id)!, 0);
  const repeats: Repeat[] = [];
  const fresh: string[] = [];
  let lastVisit: number | null = null;
  // Words of this article that each other page holds, to name the one holding most.
  const elsewhere = new Map<string, { sighting: Sighting; words: number }>();
  counted.forEach((block, i) => {
    const seen = (sightings[i] ?? []).filter((s) => !template(s));
    if (seen.length === 0) {
      fresh.push(block.id);
      return;
    }
    repeats.push({ blockId: block.id, ...seen[0]! });
    for (const s of seen) {
      if (url && samePage(s.url, url)) {
        lastVisit = Math.max(lastVisit ?? 0, s.time);
        continue;
      }
      const page = elsewhere.get(s.url) ?? { sighting: s, words: 0 };
      page.words += wordsOf.get(block.id)!;
      elsewhere.set(s.url, page);
    }
  });
  let earlier: RepeatReport['earlier'] = null;
  for (const { sighting, words } of elsewhere.values()) {
    const share = total ? words / total : 0;
    if (!earlier || share > earlier.share || (share === earlier.share && sighting.time < earlier.time)) {
      earlier = { url: sighting.url, title: sighting.title, site: sighting.site, time: sighting.time, share };
    }
  }
  const readWords = repeats.reduce((n, r) => n + wordsOf.get(r.blockId)!, 0);
  return { repeats, readShare: total ? readWords / total : 0, earlier, lastVisit, fresh };
}
