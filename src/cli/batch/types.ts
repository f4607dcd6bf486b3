/**
 * What passes between `readonce batch`'s main thread and its workers, and what it writes: one record per
 * page, in input order.
 */
import type { CleanResult, Removal, RemovalCategory } from '../../core/index.ts';
import type { Repeat } from '../../core/memory/index.ts';
import type { Format } from '../format.ts';

/** What a page's bytes are: decided by content (`auto`, as the single-page CLI does) or by the source. */
export type InputKind = 'auto' | 'html' | 'text';

/** One page read from a source, before cleaning. */
export interface PageInput {
  /** Stable across runs of the same input, so `--resume` can skip it: a relative path, a JSON id or line, a WARC-Record-ID. */
  id: string;
  url: string | null;
  /** A relative path without extension for `--out-dir` (mirrors the input's name). */
  name: string;
  kind: InputKind;
  body: Uint8Array | string;
  /**
   * With `--order-by FIELD`: the record's FIELD (a JSON line's field, a WARC header), null when it has none.
   * Files of a directory have no fields: their order is null.
   */
  order?: string | number | null;
  /** Set when the source could not give a page (a malformed JSON line, a file too big): it becomes an error record. */
  error?: { code: string; message: string };
}

export interface PageTask {
  id: string;
  url: string | null;
  kind: InputKind;
  body: Uint8Array | string;
  keep: readonly RemovalCategory[];
  maxElements?: number;
  /** Also render the result as this format (for `--out-dir`). */
  render?: Exclude<Format, 'json'>;
  /** Return the fingerprints of the blocks that count (for `--memory`). */
  fingerprints?: boolean;
  /** The worker writes performance.timeOrigin + performance.now() here when it starts the page (the timeout counts from then). */
  started: SharedArrayBuffer;
}

/** A kept block that counts for the reading memory, and its fingerprint (computed in the worker). */
export interface CountedBlock {
  id: string;
  fingerprint: Uint8Array;
}

export type PageOutcome =
  | { ok: true; result: CleanResult; rendered?: string; counted?: CountedBlock[] }
  | { ok: false; code: string; message: string };

/** Take blocks out of a finished result (`--repeats drop`): they are listed in `removed` with why. */
export interface DropTask {
  drop: { result: CleanResult; removals: Removal[]; render?: Exclude<Format, 'json'> };
}

/** A line of the output: the `--format json` result with the page's id and url, or what went wrong. */
export type BatchRecord =
  | ({ id: string; url: string | null; file?: string; repeats?: Repeat[] } & Partial<CleanResult>)
  | { id: string; url: string | null; error: { code: string; message: string } };
