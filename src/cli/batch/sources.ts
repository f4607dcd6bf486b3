/**
 * Where a batch's pages come from, one at a time: a directory tree of .html/.htm/.txt files (gzipped too),
 * JSON Lines (`{id?, url?, html?}` or `{id?, url?, text?}`, from a file or stdin) or WARC files (their HTML
 * responses only). Each source is streamed: one page is in memory at a time, never the corpus.
 */
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { opendir, readFile, stat } from 'node:fs/promises';
import { createInterface } from 'node:readline';
import { Readable } from 'node:stream';
import { createGunzip, gunzipSync } from 'node:zlib';
import { WARCParser } from 'warcio';
import type { InputKind, PageInput } from './types.ts';

const PAGE_FILE = /\.(html?|txt)(\.gz)?$/iu;
const JSON_LINES = /\.(jsonl|ndjson)(\.gz)?$/iu;
const WARC = /\.warc(\.gz)?$/iu;

export type SourceKind = 'dir' | 'file' | 'jsonl' | 'warc';

/** What a command-line path is: `-` is JSON Lines on stdin. */
export async function sourceKind(path: string): Promise<SourceKind> {
  if (path === '-') return 'jsonl';
  const info = await stat(path);
  if (info.isDirectory()) return 'dir';
  if (WARC.test(path)) return 'warc';
  if (JSON_LINES.test(path)) return 'jsonl';
  return 'file';
}

export interface ReadLimits {
  /** A page larger than this (in bytes, after gunzip) becomes an error record without being parsed. */
  maxBytes: number;
  /** How to read files' bytes: decided by content (auto) unless the user says. */
  kind: InputKind;
  /** A record field (JSON Lines) or header (WARC) whose value each page carries as `order` (`readonce sketch --order-by`). */
  orderBy?: string;
  /** Put before every id (`--id-prefix`): a shard read alone then gives the ids a run over the whole corpus gives. */
  idPrefix?: string;
}

export async function* pagesFrom(path: string, limits: ReadLimits): AsyncGenerator<PageInput> {
  const prefix = limits.idPrefix ?? '';
  if (prefix === '') yield* pagesOf(path, limits);
  else for await (const page of pagesOf(path, limits)) yield { ...page, id: prefix + page.id };
}

async function* pagesOf(path: string, limits: ReadLimits): AsyncGenerator<PageInput> {
  switch (await sourceKind(path)) {
    case 'dir':
      for await (const file of pageFiles(path)) yield await readPageFile(`${path}/${file.path}`, file, limits);
      return;
    case 'file': {
      const base = path.split('/').pop() ?? path;
      yield await readPageFile(path, { path: base, name: withoutExtension(base) }, limits);
      return;
    }
    case 'jsonl':
      yield* jsonLines(path, limits);
      return;
    case 'warc':
      yield* warcResponses(path, limits);
  }
}

/** A page file: its path relative to the directory given, and the name `--out-dir` gives its result. */
export interface PageFile {
  path: string;
  /**
   * The path without the page's extension (`news/story.html.gz` -> `news/story`), unless another page file
   * of the same directory has the same stem (`seed.html` and `seed.txt`): then each keeps its whole name
   * (`seed.html`, `seed.txt`), so no result overwrites another. A sibling decides it, not input order, so a
   * page gets the same name in every run and under --resume.
   */
  name: string;
}

/** Page files under `root`, in a stable order (names sorted per directory). */
export async function* pageFiles(root: string, rel = ''): AsyncGenerator<PageFile> {
  const entries: { name: string; dir: boolean }[] = [];
  for await (const entry of await opendir(rel ? `${root}/${rel}` : root)) {
    if (entry.name.startsWith('.')) continue;
    if (entry.isDirectory()) entries.push({ name: entry.name, dir: true });
    else if (!PAGE_FILE.test(entry.name)) continue;
    else if (entry.isFile()) entries.push({ name: entry.name, dir: false });
    // A link to a page file counts (a corpus assembled from links); links to directories are not followed,
    // so a loop of links cannot make the walk endless.
    else if (entry.isSymbolicLink() && (await stat(`${root}/${rel ? `${rel}/` : ''}${entry.name}`).then((s) => s.isFile(), () => false))) {
      entries.push({ name: entry.name, dir: false });
    }
  }
  entries.sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  const stems = new Map<string, number>();
  for (const entry of entries) if (!entry.dir) stems.set(withoutExtension(entry.name), (stems.get(withoutExtension(entry.name)) ?? 0) + 1);
  for (const entry of entries) {
    const path = rel ? `${rel}/${entry.name}` : entry.name;
    if (entry.dir) yield* pageFiles(root, path);
    else yield { path, name: stems.get(withoutExtension(entry.name))! > 1 ? path : withoutExtension(path) };
  }
}

/** How many pages a source holds, when that is cheap to know (for the progress bar); null otherwise. */
export async function countPages(path: string): Promise<number | null> {
  const kind = await sourceKind(path);
  if (kind === 'file') return 1;
  if (kind === 'dir') {
    let n = 0;
    for await (const _ of pageFiles(path)) n++;
    return n;
  }
  if (kind === 'jsonl' && path !== '-') {
    let n = 0;
    for await (const line of lines(path)) if (line.trim() !== '') n++;
    return n;
  }
  return null;
}

function withoutExtension(rel: string): string {
  return rel.replace(/\.gz$/iu, '').replace(/\.(html?|txt)$/iu, '');
}

async function readPageFile(file: string, { path: rel, name }: PageFile, limits: ReadLimits): Promise<PageInput> {
  const page: Omit<PageInput, 'body'> = { id: rel, url: null, name, kind: limits.kind };
  try {
    const size = (await stat(file)).size;
    if (size > limits.maxBytes) return tooBig(page, size, limits);
    const raw = await readFile(file);
    if (!/\.gz$/iu.test(file)) return { ...page, body: raw };
    try {
      return { ...page, body: gunzipSync(raw, { maxOutputLength: limits.maxBytes }) };
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') return tooBig(page, null, limits);
      return { ...page, body: '', error: { code: 'unreadable-input', message: `not valid gzip: ${(e as Error).message}` } };
    }
  } catch (e) {
    return { ...page, body: '', error: { code: 'unreadable-input', message: `cannot read ${file} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message})` } };
  }
}

function tooBig(page: Omit<PageInput, 'body'>, size: number | null, limits: ReadLimits): PageInput {
  const what = size === null ? 'more than' : `${size.toLocaleString('en')} bytes; the limit is`;
  return { ...page, body: '', error: { code: 'too-large', message: `This input is too large to clean (${what} ${limits.maxBytes.toLocaleString('en')} bytes).` } };
}

/** The lines of a file (gunzipped when its name ends in .gz), or of stdin for `-`. */
export function lines(path: string): AsyncIterable<string> {
  let stream: Readable = path === '-' ? process.stdin : createReadStream(path);
  if (/\.gz$/iu.test(path)) stream = stream.pipe(createGunzip());
  return createInterface({ input: stream, crlfDelay: Infinity });
}

/** Ids and names from a JSON line: its `id` when it has one, else its line number. */
async function* jsonLines(path: string, limits: ReadLimits): AsyncGenerator<PageInput> {
  let n = 0;
  for await (const line of lines(path)) {
    n++;
    if (line.trim() === '') continue;
    const fallback: PageInput = { id: String(n), url: null, name: String(n), kind: 'auto', body: '' };
    if (line.length > limits.maxBytes) {
      yield tooBig(fallback, line.length, limits);
      continue;
    }
    let value: unknown;
    try {
      value = JSON.parse(line);
    } catch (e) {
      yield { ...fallback, error: { code: 'malformed-input', message: `malformed JSON on line ${n}: ${(e as Error).message}` } };
      continue;
    }
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      yield { ...fallback, error: { code: 'malformed-input', message: `line ${n} is not a JSON object` } };
      continue;
    }
    const { id, url, html, text } = value as Record<string, unknown>;
    const order = limits.orderBy === undefined ? undefined : (value as Record<string, unknown>)[limits.orderBy];
    const page: PageInput = {
      ...fallback,
      ...(typeof id === 'string' || typeof id === 'number' ? { id: String(id), name: safeName(String(id)) } : {}),
      url: typeof url === 'string' && URL.canParse(url) ? url : null,
      ...(limits.orderBy === undefined ? {} : { order: typeof order === 'string' || typeof order === 'number' ? order : null }),
    };
    if (typeof html === 'string') yield { ...page, kind: 'html', body: html };
    else if (typeof text === 'string') yield { ...page, kind: 'text', body: text };
    else yield { ...page, error: { code: 'malformed-input', message: `line ${n} has neither an "html" nor a "text" string` } };
  }
}

/**
 * A file name from an id: characters a file system may refuse become "_". Then different ids could give one
 * name (`a/b` and `a_b`), so a name that is not the id itself ends in 8 hex digits of the id's SHA-1
 * (`a_b-3ec69c85`): two ids share a file only if they are the same id.
 */
export function safeName(id: string): string {
  const name = id.replace(/[^\p{L}\p{N}._-]+/gu, '_').replace(/^[._]+/u, '').slice(0, 120);
  return name === id ? name : `${name === '' ? '_' : name}-${createHash('sha1').update(id).digest('hex').slice(0, 8)}`;
}

const HTML_TYPE = /^\s*(text\/html|application\/xhtml\+xml)\b/iu;

/** The HTML responses of a WARC file (gzipped or not): other records, and non-2xx responses, are skipped. */
async function* warcResponses(path: string, limits: ReadLimits): AsyncGenerator<PageInput> {
  const parser = new WARCParser(createReadStream(path));
  for await (const record of parser) {
    if (record.warcType !== 'response') continue;
    const info = record.getResponseInfo();
    const type = info?.headers.get('content-type') ?? '';
    const status = Number(info?.status ?? 0);
    if (!HTML_TYPE.test(type) || status < 200 || status > 299) continue;
    const id = record.warcHeader('WARC-Record-ID') ?? `${path}@${parser.offset}`;
    const page: PageInput = {
      id,
      url: record.warcTargetURI ?? null,
      name: safeName(id.replace(/^<urn:uuid:|>$/gu, '')),
      kind: 'html',
      body: '',
      ...(limits.orderBy === undefined ? {} : { order: record.warcHeader(limits.orderBy) ?? null }),
    };
    const length = Number(record.warcHeader('Content-Length') ?? 0);
    if (length > limits.maxBytes) {
      yield tooBig(page, length, limits);
      continue;
    }
    let bytes: Uint8Array;
    try {
      bytes = await record.readFully(true);
    } catch (e) {
      yield { ...page, error: { code: 'unreadable-input', message: `unreadable WARC record: ${(e as Error).message}` } };
      continue;
    }
    // The HTTP charset counts when the bytes are not UTF-8; decode() looks at UTF-8, then the page's <meta>.
    const charset = /charset=["']?([\w-]+)/iu.exec(type)?.[1];
    if (charset && !/^utf-?8$/iu.test(charset)) {
      try {
        new TextDecoder('utf-8', { fatal: true }).decode(bytes);
      } catch {
        try {
          yield { ...page, body: new TextDecoder(charset).decode(bytes) };
          continue;
        } catch {
          // An unknown charset label: let decode() choose.
        }
      }
    }
    yield { ...page, body: bytes };
  }
}
