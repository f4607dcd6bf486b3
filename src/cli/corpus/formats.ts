/**
 * The two files that carry a corpus from one step to the next, so any engine (Dask, Spark, Hadoop streaming, a
 * shell loop) can run the steps on as many machines as it likes:
 *
 * - a sketch file (`readonce sketch`, the map): JSON Lines, one line per page in input order, with the page's
 *   id, url, title and the MinHash sketch of each kept block that counts (the reading memory's fingerprints,
 *   `src/core/memory/fingerprint.ts`), or the error that stopped the page;
 * - a corpus memory (`readonce memory build`, the reduce): JSON Lines, a header, then one line per page in
 *   corpus order saying which of its blocks an earlier page had and where, which `readonce batch --memory`
 *   (the second map) applies to each page by its id.
 *
 * Both carry a format version on every line or in the header; a reader meeting another version says so and
 * never guesses. Neither holds text: ids, urls, titles and 64-byte sketches.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, readSync } from 'node:fs';
import { SKETCH_SIZE } from '../../core/memory/fingerprint.ts';
import type { Fingerprint, Repeat } from '../../core/memory/index.ts';

/** The version every sketch line carries as `"sketch"`. */
export const SKETCH_FORMAT_VERSION = 1;
/** The version a corpus memory's header carries as `"corpusMemory"`. */
export const CORPUS_MEMORY_VERSION = 1;

/** A record's value of the `--order-by` field, as the sketch step read it (null: the record has none). */
export interface OrderValue {
  by: string;
  value: string | number | null;
}

/** A sketched page: the blocks that count, by id, and their sketches one after another in base64. */
export interface SketchLine {
  sketch: typeof SKETCH_FORMAT_VERSION;
  id: string;
  url: string | null;
  order?: OrderValue;
  title: string;
  blocks: string[];
  sketches: string;
}

/** A page the sketch step could not clean (or read): it is in no memory, and its repeats are unknown. */
export interface SketchErrorLine {
  sketch: typeof SKETCH_FORMAT_VERSION;
  id: string;
  url: string | null;
  order?: OrderValue;
  error: { code: string; message: string };
}

/** A sketch line as `readonce memory build` reads it: the sketches decoded, SKETCH_SIZE bytes a block. */
export interface SketchedPage {
  id: string;
  url: string | null;
  order?: OrderValue;
  title: string;
  blocks: string[];
  sketches: Uint8Array;
}

/** Each block's sketch, as views of the page's bytes. */
export function fingerprintsOf(sketches: Uint8Array): Fingerprint[] {
  const out: Fingerprint[] = [];
  for (let at = 0; at < sketches.length; at += SKETCH_SIZE) out.push(sketches.subarray(at, at + SKETCH_SIZE));
  return out;
}

export type ParsedSketch =
  | { ok: true; page: SketchedPage }
  | { ok: false; id: string | null; order?: OrderValue; code: string; message: string };

/** Reads one sketch line. Never throws: a line that is not a sketch of this version says why. */
export function parseSketchLine(line: string): ParsedSketch {
  let value: unknown;
  try {
    value = JSON.parse(line);
  } catch (e) {
    return { ok: false, id: null, code: 'malformed-sketch', message: `not JSON: ${(e as Error).message}` };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return { ok: false, id: null, code: 'malformed-sketch', message: 'not a JSON object' };
  const v = value as Record<string, unknown>;
  const id = typeof v.id === 'string' ? v.id : null;
  if (v.sketch !== SKETCH_FORMAT_VERSION) {
    const what = v.sketch === undefined ? 'not a sketch line (no "sketch" version)' : `written in sketch format ${JSON.stringify(v.sketch)}; this readonce reads format ${SKETCH_FORMAT_VERSION}`;
    return { ok: false, id, code: 'malformed-sketch', message: what };
  }
  if (id === null) return { ok: false, id, code: 'malformed-sketch', message: 'no "id" string' };
  const order = parseOrder(v.order);
  if (order === 'bad') return { ok: false, id, code: 'malformed-sketch', message: '"order" is not {"by", "value"}' };
  const withOrder = order ? { order } : {};
  if (typeof v.error === 'object' && v.error !== null) {
    const { code, message } = v.error as Record<string, unknown>;
    return { ok: false, id, ...withOrder, code: typeof code === 'string' ? code : 'failed', message: typeof message === 'string' ? message : '' };
  }
  const url = v.url === null || v.url === undefined ? null : typeof v.url === 'string' ? v.url : undefined;
  if (url === undefined) return { ok: false, id, ...withOrder, code: 'malformed-sketch', message: '"url" is neither a string nor null' };
  if (typeof v.title !== 'string') return { ok: false, id, ...withOrder, code: 'malformed-sketch', message: 'no "title" string' };
  if (!Array.isArray(v.blocks) || !v.blocks.every((b) => typeof b === 'string') || typeof v.sketches !== 'string') {
    return { ok: false, id, ...withOrder, code: 'malformed-sketch', message: 'no "blocks" list of ids with their "sketches"' };
  }
  // Node's decoder, not the core's portable one: a build reads two million sketches at 100,000 articles.
  const bytes = BASE64.test(v.sketches) ? new Uint8Array(Buffer.from(v.sketches, 'base64')) : null;
  if (!bytes || bytes.length !== v.blocks.length * SKETCH_SIZE) {
    return { ok: false, id, ...withOrder, code: 'malformed-sketch', message: `"sketches" is not ${v.blocks.length} sketches of ${SKETCH_SIZE} bytes in base64` };
  }
  return { ok: true, page: { id, url, ...withOrder, title: v.title, blocks: v.blocks as string[], sketches: bytes } };
}

/** Base64 as the core's toBase64 and Node write it (Node's decoder would skip what is not). */
const BASE64 = /^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$/u;

function parseOrder(raw: unknown): OrderValue | null | 'bad' {
  if (raw === undefined) return null;
  if (typeof raw !== 'object' || raw === null) return 'bad';
  const { by, value } = raw as Record<string, unknown>;
  if (typeof by !== 'string' || !(value === null || typeof value === 'string' || typeof value === 'number')) return 'bad';
  return { by, value };
}

/** The sketch line of a cleaned page. */
export function sketchLine(
  head: { id: string; url: string | null; order?: OrderValue },
  title: string,
  counted: readonly { id: string; fingerprint: Fingerprint }[],
): SketchLine {
  const bytes = new Uint8Array(counted.length * SKETCH_SIZE);
  counted.forEach((c, i) => bytes.set(c.fingerprint, i * SKETCH_SIZE));
  return { sketch: SKETCH_FORMAT_VERSION, ...head, title, blocks: counted.map((c) => c.id), sketches: Buffer.from(bytes).toString('base64') };
}

/**
 * What the second map checks a page against: its counted blocks' ids and sketches, hashed. A page that cleans
 * to other blocks than it was sketched with (its input changed, or readonce or `--keep` did) would get repeats
 * meant for other blocks; it gets an error record instead.
 */
export function blocksCheck(counted: readonly { id: string; fingerprint: Fingerprint }[]): string {
  const hash = createHash('sha256');
  for (const c of counted) hash.update(c.id).update('\0').update(c.fingerprint);
  return hash.digest('hex').slice(0, 16);
}

/** The first line of a corpus memory. */
export interface CorpusMemoryHeader {
  corpusMemory: typeof CORPUS_MEMORY_VERSION;
  /** `input`: the sketch files in the order given, each in its own order; else the field the pages were ordered by. */
  order: 'input' | { by: string };
  /** The time recorded for every page (ms since the epoch): `--time`, else when the build started. */
  time: number;
  /** Pages listed (lines after the header). */
  records: number;
  /** Pages in the reading memory at the end (fewer than those cleaned when `--memory-articles` bounded it). */
  articles: number;
  maxArticles: number | null;
}

/** One page of the corpus, in corpus order: what its blocks repeat, or why nothing is known of it. */
export type CorpusMemoryEntry =
  | { id: string; check: string; repeats?: Repeat[] }
  | { id?: string; error: { code: string; message: string } };

/** The corpus memory as the second map holds it: the header and each page's entry by id. */
export interface CorpusMemory {
  header: CorpusMemoryHeader;
  /** `duplicate`: two pages of the corpus have this id, so which is which cannot be told by id. */
  byId: Map<string, CorpusMemoryEntry | 'duplicate'>;
}

/** The header, when `firstLine` is that of a corpus memory; null for anything else. */
export function corpusMemoryHeader(firstLine: string): { header: CorpusMemoryHeader } | { otherVersion: unknown } | null {
  let value: unknown;
  try {
    value = JSON.parse(firstLine);
  } catch {
    return null;
  }
  if (typeof value !== 'object' || value === null || !('corpusMemory' in value)) return null;
  const header = value as CorpusMemoryHeader;
  if (header.corpusMemory !== CORPUS_MEMORY_VERSION) return { otherVersion: header.corpusMemory };
  return { header };
}

/** Whether `firstLine` is a sketch line (of any version): a file given as a memory by mistake. */
export function looksLikeSketches(firstLine: string): boolean {
  try {
    const value = JSON.parse(firstLine) as unknown;
    return typeof value === 'object' && value !== null && 'sketch' in value;
  } catch {
    return false;
  }
}

/**
 * The entries of a corpus memory's lines after the header. A line that does not parse is skipped and counted:
 * the pages it named are then not in the memory, and get an error record of their own.
 */
export function corpusMemoryEntries(lines: Iterable<string>): { byId: CorpusMemory['byId']; unreadable: number } {
  const byId: CorpusMemory['byId'] = new Map();
  let unreadable = 0;
  for (const line of lines) {
    if (line.trim() === '') continue;
    let entry: CorpusMemoryEntry;
    try {
      entry = JSON.parse(line) as CorpusMemoryEntry;
    } catch {
      unreadable++;
      continue;
    }
    if (typeof entry !== 'object' || entry === null || typeof entry.id !== 'string') {
      if (!(typeof entry === 'object' && entry !== null && 'error' in entry)) unreadable++;
      continue;
    }
    byId.set(entry.id, byId.has(entry.id) ? 'duplicate' : entry);
  }
  return { byId, unreadable };
}

/** The first line of a file (up to 1 MB of it), to tell a corpus memory, a sketch file and a reading memory apart. */
export function firstLineOf(path: string): string {
  const fd = openSync(path, 'r');
  try {
    const chunk = Buffer.alloc(1 << 20);
    const n = readSync(fd, chunk, 0, chunk.length, 0);
    const text = chunk.toString('utf8', 0, n);
    const nl = text.indexOf('\n');
    return nl === -1 ? text : text.slice(0, nl);
  } finally {
    closeSync(fd);
  }
}

/** A corpus memory file, read whole (a line of some 100 bytes per page, more with repeats). */
export function readCorpusMemory(path: string): CorpusMemory & { unreadable: number } {
  const lines = readFileSync(path, 'utf8').split('\n');
  const found = corpusMemoryHeader(lines[0] ?? '');
  if (!found || !('header' in found)) throw new Error(`${path} is not a corpus memory of format ${CORPUS_MEMORY_VERSION}`);
  return { header: found.header, ...corpusMemoryEntries(lines.slice(1)) };
}
