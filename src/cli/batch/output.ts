/**
 * Where records go. Each record is one JSON line written with one synchronous write, so an interrupted run
 * leaves whole lines only; pages for `--out-dir` are written to a temporary name and renamed into place.
 */
import { closeSync, fstatSync, ftruncateSync, mkdirSync, openSync, readSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { BatchRecord } from './types.ts';

export interface RecordSink {
  /** A batch record, or a sketch line (readonce sketch). */
  write(record: BatchRecord | object): void;
  close(): void;
}

/** Writes all of `text` to `fd` (writeSync may write part of a buffer). */
function writeAll(fd: number, text: string): void {
  const bytes = Buffer.from(text);
  for (let done = 0; done < bytes.length; ) done += writeSync(fd, bytes, done, bytes.length - done);
}

export function stdoutSink(write: (s: string) => void): RecordSink {
  return { write: (record) => write(`${JSON.stringify(record)}\n`), close: () => {} };
}

/** Appends to FILE (after `--resume`) or replaces it. */
export function fileSink(path: string, append: boolean): RecordSink {
  mkdirSync(dirname(path), { recursive: true });
  const fd = openSync(path, append ? 'a' : 'w');
  return { write: (record) => writeAll(fd, `${JSON.stringify(record)}\n`), close: () => closeSync(fd) };
}

/**
 * The ids already in an output file, for `--resume`, each with how many records carry it (JSON Lines may
 * repeat an id). A run killed outright (SIGKILL, power loss) can leave a last line without its newline: that
 * tail is cut off, and its page is done again.
 */
export function resumeFrom(path: string): Map<string, number> {
  const done = new Map<string, number>();
  let fd: number;
  try {
    fd = openSync(path, 'r+');
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') return done;
    throw e;
  }
  try {
    const size = fstatSync(fd).size;
    const chunk = Buffer.alloc(1 << 20);
    // Bytes, not text: a chunk may end inside a character; a line is decoded once it is whole.
    let carry: Buffer = Buffer.alloc(0);
    let complete = 0;
    for (let pos = 0; pos < size; ) {
      const n = readSync(fd, chunk, 0, chunk.length, pos);
      if (n === 0) break;
      pos += n;
      let bytes = Buffer.concat([carry, chunk.subarray(0, n)]);
      for (let nl = bytes.indexOf(10); nl !== -1; nl = bytes.indexOf(10)) {
        const id = idOf(bytes.toString('utf8', 0, nl));
        if (id !== null) done.set(id, (done.get(id) ?? 0) + 1);
        complete += nl + 1;
        bytes = bytes.subarray(nl + 1);
      }
      carry = Buffer.from(bytes);
    }
    if (complete < size) ftruncateSync(fd, complete);
  } finally {
    closeSync(fd);
  }
  return done;
}

function idOf(line: string): string | null {
  try {
    const value = JSON.parse(line) as { id?: unknown };
    return typeof value.id === 'string' ? value.id : null;
  } catch {
    return null;
  }
}

/** Writes a page's rendered text to DIR/<name>.<ext>, through a temporary file so no half page is left. */
export function writePageFile(dir: string, name: string, ext: string, text: string): string {
  const file = `${name}.${ext}`;
  const path = join(dir, file);
  mkdirSync(dirname(path), { recursive: true });
  const tmp = `${path}.partial`;
  writeFileSync(tmp, text);
  renameSync(tmp, path);
  return file;
}
