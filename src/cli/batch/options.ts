/**
 * What `readonce batch` and `readonce sketch` are told on the command line. Both read pages the same way and
 * run them through the same pool; `sketch` writes each page's block sketches instead of its clean result.
 */
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { REMOVAL_CATEGORIES, type RemovalCategory } from '../../core/index.ts';
import { parseTime } from '../corpus/replay.ts';
import { FORMATS, type Format } from '../format.ts';
import type { InputKind } from './types.ts';

const INPUTS_HELP = `PATH is a directory (its .html, .htm and .txt files, gzipped too, in name order; id: the relative path),
a .jsonl or .ndjson file of {"id"?, "url"?, "html"} or {"id"?, "url"?, "text"} (id: "id", else the line
number), a .warc or .warc.gz file (its HTML responses; id: WARC-Record-ID), or - for JSON Lines on stdin
(the default).`;

const READING_HELP = `  --jobs N                     worker threads (default: the machine's cores, here ${availableParallelism()})
  --timeout SECONDS            a page still being cleaned after this long is an error; its worker is
                               replaced (default 60)
  --max-bytes N                larger inputs are an error, unread (default 20000000)
  --max-elements N             larger pages are an error (default 40000, as the single-page CLI)
  --worker-memory MB           heap per worker thread; a page that needs more is an error (default 2048)
  --input auto|html|text       what files hold (default auto: HTML when it looks like markup)
  --keep CATEGORY[,CATEGORY]   kinds of removal to leave undone: boilerplate, duplicates, teasers, summaries
  --id-prefix TEXT             put TEXT before every page's id (a shard of HTML files read alone then
                               gets the ids a run over the whole corpus gives: --id-prefix shard-03/)`;

export const BATCH_HELP = `Usage: readonce batch [PATH...] [options]

Cleans many pages on every core and writes one JSON line per page, in input order: the --format json
result with "id" and "url", or {"id", "url", "error": {"code", "message"}} for a page that failed.

${INPUTS_HELP}

Options:
  --out FILE                   write the JSON lines to FILE (default: stdout)
  --out-dir DIR                write each article to DIR/<input name>.<md|txt|html> (see --format); the
                               JSON lines then leave out blocks, html and markdown and give "file".
                               The name drops the input's extension, unless pages of one directory
                               share a stem (seed.html, seed.txt: seed.html.md, seed.txt.md); in an
                               id that is not a safe file name, other characters become "_" and "-"
                               and 8 hex digits of its SHA-1 are added (a/b: a_b-3ec69c85.md); a page
                               whose name an earlier page of the input has (a repeated id, an id-less
                               line 4 after id "4", names differing only in case) gets ~2, ~3, ...
                               (story~2.md), the same in every run and under --resume
  --format markdown|text|html  what --out-dir writes (default markdown)
  --resume                     skip the pages already in --out FILE (an id written n times: its
                               first n pages), and append
${READING_HELP}
  --memory FILE                a reading memory: blocks earlier documents already had are repeats; FILE
                               is loaded at start and saved at the end and on interrupt. A corpus
                               memory (readonce memory build) is only read: each page gets the
                               repeats it lists for the page's id
  --repeats drop|mark|keep     with --memory: drop repeats (into "removed", reason "read-before"), mark
                               them ("repeats": block id, where seen, similarity; the default), or keep
                               them unmarked (only counted in the summary)
  --memory-articles N          articles the memory keeps before the oldest go (default 20000)
  --time DATE                  with --memory: the time recorded for this run's pages (ISO 8601 or ms
                               since the epoch; default: when each is read), for output that is the
                               same in every run
  -h, --help                   show this help

On a terminal, stderr shows progress; at the end, always, a summary.
Exit status: 0 every page cleaned or had no article, 3 some page failed (see its error record),
2 bad usage, 130 interrupted (every line written is complete; --resume goes on), 141 the reader of
stdout stopped reading (as \`| head\`).
`;

export const SKETCH_HELP = `Usage: readonce sketch [PATH...] [options]

The map of a corpus run on many machines: cleans each page as readonce batch does and writes one JSON
line per page, in input order, with the sketches of its kept blocks that count for the reading memory
(64 bytes each, no text):
  {"sketch": 1, "id", "url", "title", "blocks": [block ids], "sketches": "<base64>"}
or {"sketch": 1, "id", "url", "error": {"code", "message"}}. Then readonce memory build makes one
memory of every shard's sketches, and readonce batch --memory cleans each shard against it.

${INPUTS_HELP}

Options:
  --out FILE                   write the JSON lines to FILE (default: stdout)
  --resume                     skip the pages already in --out FILE, and append
  --order-by FIELD             keep each record's FIELD (a JSON line's field, a WARC header such as
                               WARC-Date) for readonce memory build --order-by FIELD
${READING_HELP}
  -h, --help                   show this help

Give the second map (readonce batch) the same --keep, --input, --max-elements and --id-prefix.
Exit status: 0 every page sketched or had no article, 3 some page failed, 2 bad usage, 130 interrupted.
`;

const REPEATS = ['drop', 'mark', 'keep'] as const;
export type RepeatsMode = (typeof REPEATS)[number];
const INPUTS = ['auto', 'html', 'text'] as const;

export class UsageError extends Error {}

export interface BatchOptions {
  /** Write each page's sketches (readonce sketch) instead of its clean result. */
  sketch: boolean;
  paths: string[];
  out: string | null;
  outDir: string | null;
  format: Exclude<Format, 'json'>;
  resume: boolean;
  jobs: number;
  timeoutMs: number;
  maxBytes: number;
  maxElements: number | undefined;
  input: InputKind;
  keep: RemovalCategory[];
  idPrefix: string;
  orderBy: string | undefined;
  memory: string | null;
  repeats: RepeatsMode;
  memoryArticles: number | undefined;
  /** The time recorded for the pages read; null: each page's own reading time. */
  time: number | null;
  workerMemoryMb: number;
}

export function positiveInt(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${name} must be a whole number of at least 1 (got "${value}")`);
  return n;
}

export function pick<T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${name} must be one of ${allowed.join(', ')} (got "${value}")`);
}

export function timeOption(value: string | undefined): number | null {
  if (value === undefined) return null;
  const time = parseTime(value);
  if (time === null) throw new UsageError(`--time must be an ISO 8601 date or milliseconds since the epoch (got "${value}")`);
  return time;
}

const READING_OPTIONS = {
  out: { type: 'string' },
  resume: { type: 'boolean' },
  jobs: { type: 'string' },
  timeout: { type: 'string' },
  'max-bytes': { type: 'string' },
  'max-elements': { type: 'string' },
  input: { type: 'string' },
  keep: { type: 'string' },
  'id-prefix': { type: 'string' },
  'worker-memory': { type: 'string' },
  help: { type: 'boolean', short: 'h' },
} as const;

type ReadingValues = { [K in keyof typeof READING_OPTIONS]?: (typeof READING_OPTIONS)[K]['type'] extends 'boolean' ? boolean : string };

/** The options both commands share: where pages come from, how they are cleaned, where lines go. */
function readingOptions(values: ReadingValues, positionals: string[]) {
  if (values.resume && !values.out) throw new UsageError('--resume needs --out FILE (the output it goes on from)');
  const timeout = values.timeout === undefined ? 60 : Number(values.timeout);
  if (!(timeout > 0)) throw new UsageError(`--timeout must be a number of seconds above 0 (got "${values.timeout}")`);
  const keep = (values.keep ?? '').split(',').filter((k) => k !== '');
  for (const k of keep) pick('keep', k, REMOVAL_CATEGORIES, 'boilerplate');
  return {
    paths: positionals.length ? positionals : ['-'],
    out: values.out ?? null,
    resume: values.resume ?? false,
    jobs: positiveInt('jobs', values.jobs) ?? availableParallelism(),
    timeoutMs: timeout * 1000,
    maxBytes: positiveInt('max-bytes', values['max-bytes']) ?? 20_000_000,
    maxElements: positiveInt('max-elements', values['max-elements']),
    input: pick('input', values.input, INPUTS, 'auto'),
    keep: keep as RemovalCategory[],
    idPrefix: values['id-prefix'] ?? '',
    workerMemoryMb: positiveInt('worker-memory', values['worker-memory']) ?? 2048,
  };
}

export function parseBatchOptions(argv: string[]): BatchOptions | 'help' {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      ...READING_OPTIONS,
      'out-dir': { type: 'string' },
      format: { type: 'string' },
      memory: { type: 'string' },
      repeats: { type: 'string' },
      'memory-articles': { type: 'string' },
      time: { type: 'string' },
    },
  });
  if (values.help) return 'help';
  const outDir = values['out-dir'] ?? null;
  const format = pick('format', values.format, FORMATS, outDir ? 'markdown' : 'json');
  if (outDir && format === 'json') throw new UsageError('--out-dir writes markdown, text or html; the JSON lines go to --out or stdout');
  if (!outDir && format !== 'json') throw new UsageError(`--format ${format} needs --out-dir (the JSON lines hold the result in every format)`);
  if (values.repeats && !values.memory) throw new UsageError('--repeats needs --memory FILE');
  if (values.time && !values.memory) throw new UsageError('--time needs --memory FILE (it is the time the memory records)');
  return {
    ...readingOptions(values, positionals),
    sketch: false,
    outDir,
    format: format === 'json' ? 'markdown' : format,
    orderBy: undefined,
    memory: values.memory ?? null,
    repeats: pick('repeats', values.repeats, REPEATS, 'mark'),
    memoryArticles: positiveInt('memory-articles', values['memory-articles']),
    time: timeOption(values.time),
  };
}

export function parseSketchOptions(argv: string[]): BatchOptions | 'help' {
  const { values, positionals } = parseArgs({ args: argv, allowPositionals: true, options: { ...READING_OPTIONS, 'order-by': { type: 'string' } } });
  if (values.help) return 'help';
  if (values['order-by'] === '') throw new UsageError('--order-by needs a field name');
  return {
    ...readingOptions(values, positionals),
    sketch: true,
    outDir: null,
    format: 'markdown',
    orderBy: values['order-by'],
    memory: null,
    repeats: 'keep',
    memoryArticles: undefined,
    time: null,
  };
}
