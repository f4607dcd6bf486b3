/**
 * The reading memory held in memory: remembered articles and an index from sketch bands to blocks. A lookup
 * reads BANDS slots of one hash table per block, whatever the number of articles: no scan. The sketches live in
 * one growing byte array and the index in two typed arrays, so 100,000 articles stay a few hundred megabytes at
 * most and cost the garbage collector nothing.
 */
import { BAND_ROWS, BANDS, MIN_SIMILARITY, SKETCH_SIZE, bandKeys, bandValue, fromBase64, similarity, toBase64 } from './fingerprint.ts';
import type { Fingerprint, ReadingMemory, ReadingMemoryNow, RememberedArticle, Sighting } from './types.ts';

/** The format `toJSON` writes. Another version is dropped on load, with a message. */
export const MEMORY_FORMAT_VERSION = 1;
/** Articles kept by default before the oldest go. */
export const DEFAULT_MAX_ARTICLES = 20_000;
/**
 * Index entries with one key kept at most: a block that a site prints under every story (a long standard
 * disclaimer) would otherwise make one cluster of the table that every lookup and record walks through.
 * The first ones are enough to say where it was read.
 */
const MAX_SAME_KEY = 24;
/** Sightings returned per block at most: the closest, then the earliest. */
const MAX_SIGHTINGS = 8;

export interface MemoryJSON {
  version: number;
  /** One per article, oldest first; `fingerprints` is the article's sketches one after another, in base64. */
  articles: { url: string; title: string; site: string; time: number; fingerprints: string }[];
}

/** What is known of a remembered article besides its fingerprints. */
export type ArticleInfo = Omit<RememberedArticle, 'fingerprints'>;

interface Entry extends ArticleInfo {
  /** Slot of its first block in `sketches` and `owner`; its blocks are consecutive. */
  first: number;
  count: number;
}

export interface MemoryStats {
  articles: number;
  blocks: number;
  /** Bytes the sketches take (SKETCH_SIZE per block); what a store keeps besides url, title, site and time. */
  sketchBytes: number;
}

export class InMemoryReadingMemory implements ReadingMemory, ReadingMemoryNow {
  readonly maxArticles: number;
  /** In record order: the first is the oldest. Keyed by a sequence number. */
  private entries = new Map<number, Entry>();
  private byUrl = new Map<string, number>();
  private nextSeq = 0;
  private sketches = new Uint8Array(SKETCH_SIZE * 1024);
  /** For each block slot, the sequence number of its article, or -1 once the article is forgotten. */
  private owner = new Int32Array(1024);
  private slots = 0;
  private dead = 0;
  /**
   * The index: open addressing, linear probing, a cell per (block, band) placed by the band's key. A cell holds
   * slot * BANDS + band + 1 (0 is empty); the band's 4 bytes are read back from `sketches` to compare, so a cell
   * costs 4 bytes.
   */
  private cells = new Int32Array(1 << 12);
  private filled = 0;
  /** What the up-front reads of a lookup gave: kept, so the compiler cannot drop them as unused. */
  private touched = 0;

  constructor(options: { maxArticles?: number } = {}) {
    this.maxArticles = Math.max(1, Math.floor(options.maxArticles ?? DEFAULT_MAX_ARTICLES));
  }

  get size(): number {
    return this.entries.size;
  }

  stats(): MemoryStats {
    const blocks = this.slots - this.dead;
    return { articles: this.entries.size, blocks, sketchBytes: blocks * SKETCH_SIZE };
  }

  /** Bytes the index takes: its table and its slot-to-article array. */
  tableBytes(): number {
    return this.cells.byteLength + this.owner.byteLength;
  }

  async record(article: RememberedArticle): Promise<void> {
    this.recordNow(article);
  }

  async lookup(fingerprints: readonly Fingerprint[]): Promise<Sighting[][]> {
    return this.lookupNow(fingerprints);
  }

  recordNow(article: RememberedArticle): void {
    const { first, count } = this.add(article, true);
    for (let slot = first; slot < first + count; slot++) this.index(slot);
    this.compactIfSparse();
  }

  /**
   * Remembers many articles, oldest first, as `recordNow` one after another would, but builds the index once
   * at the end instead of rehashing it each time it doubles: how a stored memory is loaded (a woken extension
   * waits for it; 10,000 articles load about ×3 faster in Chromium).
   */
  recordAll(articles: Iterable<RememberedArticle>): void {
    for (const article of articles) this.add(article, false);
    if (this.dead >= 4096 && this.dead * 2 >= this.slots) this.compactIfSparse();
    else this.rehash(tableSize((this.slots - this.dead) * BANDS));
  }

  /** Stores an article's sketches in new slots, its earlier record and the articles over the limit gone; indexes nothing. */
  private add(article: RememberedArticle, makeRoom: boolean): Entry {
    const old = this.byUrl.get(article.url);
    if (old !== undefined) this.remove(old);
    const sketches = article.fingerprints.filter((f) => f.length === SKETCH_SIZE);
    this.reserve(sketches.length);
    if (makeRoom) this.tableRoomFor(sketches.length);
    const seq = this.nextSeq++;
    const entry: Entry = { url: article.url, title: article.title, site: article.site, time: article.time, first: this.slots, count: sketches.length };
    for (const sketch of sketches) {
      const slot = this.slots++;
      this.sketches.set(sketch, slot * SKETCH_SIZE);
      this.owner[slot] = seq;
    }
    this.entries.set(seq, entry);
    this.byUrl.set(article.url, seq);
    while (this.entries.size > this.maxArticles) this.remove(this.entries.keys().next().value!);
    return entry;
  }

  lookupNow(fingerprints: readonly Fingerprint[]): Sighting[][] {
    const keys = fingerprints.map((sketch) => (sketch.length === SKETCH_SIZE ? bandKeys(sketch) : null));
    // Every block's first cells are read once, up front, before any probe walks on: loads that do not wait on
    // one another, which the CPU overlaps. At 100,000 articles the table (some 250 MB) is far larger than the
    // caches, and one probe after another would wait for memory 320 times per article.
    const mask = this.cells.length - 1;
    let touched = 0;
    for (const list of keys) if (list) for (let band = 0; band < BANDS; band++) touched |= this.cells[list[band]! & mask]!;
    this.touched = touched;
    return fingerprints.map((sketch, i) => (keys[i] ? this.lookupOne(sketch, keys[i]) : []));
  }

  /** Forgets the articles `test` picks; returns how many. */
  forget(test: (article: ArticleInfo) => boolean): number {
    let n = 0;
    for (const [seq, entry] of [...this.entries]) {
      if (!test(entry)) continue;
      this.remove(seq);
      n++;
    }
    this.compactIfSparse();
    return n;
  }

  clear(): void {
    this.forget(() => true);
  }

  /** The remembered articles without their fingerprints, oldest first. */
  articles(): ArticleInfo[] {
    return [...this.entries.values()].map(({ url, title, site, time }) => ({ url, title, site, time }));
  }

  toJSON(): MemoryJSON {
    const articles = [...this.entries.values()].map((e) => ({
      url: e.url,
      title: e.title,
      site: e.site,
      time: e.time,
      fingerprints: toBase64(this.sketches.subarray(e.first * SKETCH_SIZE, (e.first + e.count) * SKETCH_SIZE)),
    }));
    return { version: MEMORY_FORMAT_VERSION, articles };
  }

  /**
   * A memory from what `toJSON` wrote. Never throws: another version or a value that is not a memory gives an
   * empty memory, and articles that do not parse are dropped; `message` says what was lost, else null.
   */
  static fromJSON(value: unknown, options: { maxArticles?: number } = {}): { memory: InMemoryReadingMemory; message: string | null } {
    const memory = new InMemoryReadingMemory(options);
    if (typeof value !== 'object' || value === null || !Array.isArray((value as MemoryJSON).articles)) {
      return { memory, message: 'The reading memory could not be read; it starts empty.' };
    }
    const { version, articles } = value as MemoryJSON;
    if (version !== MEMORY_FORMAT_VERSION) {
      return { memory, message: `The reading memory was written in another format (version ${String(version)}); it starts empty.` };
    }
    const parsed: RememberedArticle[] = [];
    for (const raw of articles as unknown[]) {
      const article = parseArticle(raw);
      if (article) parsed.push(article);
    }
    // Oldest first, so that the limit drops the oldest; the sort is stable for equal times.
    parsed.sort((a, b) => a.time - b.time);
    memory.recordAll(parsed);
    const lost = articles.length - parsed.length;
    return { memory, message: lost > 0 ? `${lost} remembered article${lost === 1 ? '' : 's'} could not be read and were dropped.` : null };
  }

  private lookupOne(sketch: Fingerprint, keys: Uint32Array): Sighting[] {
    const best = new Map<number, number>();
    const seen = new Set<number>();
    const mask = this.cells.length - 1;
    for (let band = 0; band < BANDS; band++) {
      const want = bandValue(sketch, band * BAND_ROWS);
      for (let cell = keys[band]! & mask; this.cells[cell] !== 0; cell = (cell + 1) & mask) {
        const ref = this.cells[cell]! - 1;
        const slot = Math.floor(ref / BANDS);
        if (ref % BANDS !== band || bandValue(this.sketches, slot * SKETCH_SIZE + band * BAND_ROWS) !== want) continue;
        const seq = this.owner[slot]!;
        if (seq < 0 || seen.has(slot)) continue;
        seen.add(slot);
        const sim = similarity(sketch, this.sketches, slot * SKETCH_SIZE);
        if (sim >= MIN_SIMILARITY && sim > (best.get(seq) ?? -1)) best.set(seq, sim);
      }
    }
    // Among equally close articles, the one read first; among articles read at the same time (a batch run
    // given --time, a corpus memory built at one time), the one recorded first, which for `readonce batch` is
    // the earlier in corpus order. The order never depends on the table's layout, so a corpus memory built
    // from any split of the corpus answers as one process reading it in that order.
    const ranked = [...best].sort(([seqA, simA], [seqB, simB]) => simB - simA || this.entries.get(seqA)!.time - this.entries.get(seqB)!.time || seqA - seqB);
    return ranked.slice(0, MAX_SIGHTINGS).map(([seq, similarity]) => {
      const e = this.entries.get(seq)!;
      return { url: e.url, title: e.title, site: e.site, time: e.time, similarity };
    });
  }

  /**
   * Makes room in the table for `more` blocks' cells: it stays at most 3/4 full, so probes stay short. A rehash
   * leaves it at most half full, so it doubles as it grows; cells of forgotten articles go at a rehash.
   */
  private tableRoomFor(more: number): void {
    if ((this.filled + more * BANDS) * 4 <= this.cells.length * 3) return;
    this.rehash(tableSize((this.slots - this.dead + more) * BANDS));
  }

  private index(slot: number): void {
    const mask = this.cells.length - 1;
    const keys = bandKeys(this.sketches, slot * SKETCH_SIZE);
    for (let band = 0; band < BANDS; band++) {
      const want = bandValue(this.sketches, slot * SKETCH_SIZE + band * BAND_ROWS);
      let same = 0;
      let cell = keys[band]! & mask;
      for (; this.cells[cell] !== 0; cell = (cell + 1) & mask) {
        const ref = this.cells[cell]! - 1;
        if (ref % BANDS === band && bandValue(this.sketches, Math.floor(ref / BANDS) * SKETCH_SIZE + band * BAND_ROWS) === want) same++;
      }
      if (same >= MAX_SAME_KEY) continue;
      this.cells[cell] = slot * BANDS + band + 1;
      this.filled++;
    }
  }

  private rehash(size: number): void {
    this.cells = new Int32Array(size);
    this.filled = 0;
    for (let slot = 0; slot < this.slots; slot++) if (this.owner[slot]! >= 0) this.index(slot);
  }

  private reserve(more: number): void {
    if (this.slots + more <= this.owner.length) return;
    let size = this.owner.length;
    while (size < this.slots + more) size *= 2;
    const owner = new Int32Array(size);
    owner.set(this.owner.subarray(0, this.slots));
    const sketches = new Uint8Array(size * SKETCH_SIZE);
    sketches.set(this.sketches.subarray(0, this.slots * SKETCH_SIZE));
    this.owner = owner;
    this.sketches = sketches;
  }

  private remove(seq: number): void {
    const entry = this.entries.get(seq);
    if (!entry) return;
    for (let slot = entry.first; slot < entry.first + entry.count; slot++) this.owner[slot] = -1;
    this.dead += entry.count;
    this.entries.delete(seq);
    if (this.byUrl.get(entry.url) === seq) this.byUrl.delete(entry.url);
  }

  /** Once most block slots belong to forgotten articles, the live ones move to the front and the index is rebuilt. */
  private compactIfSparse(): void {
    if (this.dead < 4096 || this.dead * 2 < this.slots) return;
    let to = 0;
    for (const [seq, entry] of this.entries) {
      this.sketches.copyWithin(to * SKETCH_SIZE, entry.first * SKETCH_SIZE, (entry.first + entry.count) * SKETCH_SIZE);
      this.owner.fill(seq, to, to + entry.count);
      entry.first = to;
      to += entry.count;
    }
    this.slots = to;
    this.dead = 0;
    this.rehash(tableSize(to * BANDS));
  }
}

/** A power of two that `cells` fill at most half of. */
function tableSize(cells: number): number {
  let size = 1 << 12;
  while (size < cells * 2) size *= 2;
  return size;
}

function parseArticle(raw: unknown): RememberedArticle | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const { url, title, site, time, fingerprints } = raw as Record<string, unknown>;
  if (typeof url !== 'string' || typeof title !== 'string' || typeof site !== 'string') return null;
  if (typeof time !== 'number' || !Number.isFinite(time) || typeof fingerprints !== 'string') return null;
  const bytes = fromBase64(fingerprints);
  if (!bytes || bytes.length % SKETCH_SIZE !== 0) return null;
  const list: Fingerprint[] = [];
  for (let at = 0; at < bytes.length; at += SKETCH_SIZE) list.push(bytes.slice(at, at + SKETCH_SIZE));
  return { url, title, site, time, fingerprints: list };
}
