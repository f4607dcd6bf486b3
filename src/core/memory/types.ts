/**
 * The reading memory's contract: what is remembered of an article the reader has read, and how a new article's
 * blocks are looked up against it. Shared by the in-memory index (core), the extension's IndexedDB store and the
 * CLI's file. Nothing here holds text: a remembered article is its address, title, site, time and one
 * fingerprint per block that counts.
 */

/**
 * A block's MinHash sketch: SKETCH_SIZE bytes, the low 8 bits of the minimum of each of SKETCH_SIZE hashes over
 * the block's word pairs. Two sketches agree in a share of their bytes that estimates how alike the two texts are
 * (see `similarity` in fingerprint.ts), and groups of 4 bytes are the keys of the lookup index.
 */
export type Fingerprint = Uint8Array;

/** What is kept of an article once read. `fingerprints` are those of its blocks that count, in reading order. */
export interface RememberedArticle {
  url: string;
  title: string;
  /** The host the reader read it on, without "www.", e.g. "apnews.com". */
  site: string;
  /** When it was read, in milliseconds since the epoch. */
  time: number;
  fingerprints: Fingerprint[];
}

/** Where and when a block was read before, and how close the earlier text is (0..1, 1 = the same words). */
export interface Sighting {
  url: string;
  title: string;
  site: string;
  time: number;
  similarity: number;
}

/** A kept block of the current article that the reader has read before. */
export interface Repeat extends Sighting {
  /** The block's id (`Block.id`). */
  blockId: string;
}

/**
 * The memory a result is marked against. Asynchronous, so that IndexedDB (the extension) and a file (the CLI)
 * can both back it.
 */
export interface ReadingMemory {
  /**
   * Remembers an article. An article recorded again under the same url replaces the earlier record; the oldest
   * articles go first once the memory is full.
   */
  record(article: RememberedArticle): Promise<void>;
  /**
   * For each fingerprint given, the earlier articles holding a block that close to it (similarity at least
   * MIN_SIMILARITY), the most similar first and, among equals, the earliest read first (then the first recorded);
   * an empty list when none.
   */
  lookup(fingerprints: readonly Fingerprint[]): Promise<Sighting[][]>;
}

/** A memory that answers at once: what `cleanDocument(doc, { memory })` can mark against without awaiting. */
export interface ReadingMemoryNow {
  lookupNow(fingerprints: readonly Fingerprint[]): Sighting[][];
}

/** What a result says about what the reader has read before. */
export interface RepeatReport {
  /** The kept blocks read before, in reading order. */
  repeats: Repeat[];
  /** Share of the article's words (kept blocks) that were read before, 0..1. */
  readShare: number;
  /**
   * The earlier page holding most of what was read before (another url), with the share of this article's words
   * it holds: what the "mostly read" banner names. Null when nothing was read elsewhere.
   */
  earlier: (Omit<Sighting, 'similarity'> & { share: number }) | null;
  /** When this same url was last read (ms since the epoch), for "N new paragraphs since HH:MM"; else null. */
  lastVisit: number | null;
  /** Ids of the kept blocks that count and were not read before: what is new. */
  fresh: string[];
}
