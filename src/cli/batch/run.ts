/**
 * `readonce batch`: many pages through a pool of worker threads, one record per page, in input order.
 *
 * Results are written in input order, so the output is always a prefix of the input: `--resume` skips what
 * is there, and the reading memory (`--memory`) is looked up and added to in that same order in this thread,
 * which makes what is folded the same whatever `--jobs` is. The workers clean and fingerprint; this thread
 * reads inputs, keeps order, writes, and watches the time.
 */
import { existsSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { Piscina } from 'piscina';
import { REMOVAL_CATEGORIES, type CleanResult, type Removal, type RemovalCategory } from '../../core/index.ts';
import { siteOf, type RememberedArticle, type Repeat } from '../../core/memory/index.ts';
import { FileReadingMemory } from '../../node/file-memory.ts';
import { FORMATS, type Format } from '../format.ts';
import { OutputNames } from './names.ts';
import { fileSink, resumeFrom, stdoutSink, writePageFile, type RecordSink } from './output.ts';
import { progressLine, Tally } from './progress.ts';
import { countPages, pagesFrom } from './sources.ts';
import type { BatchRecord, DropTask, InputKind, PageInput, PageOutcome, PageTask } from './types.ts';

export const BATCH_HELP = `Usage: readonce batch [PATH...] [options]

Cleans many pages on every core and writes one JSON line per page, in input order: the --format json
result with "id" and "url", or {"id", "url", "error": {"code", "message"}} for a page that failed.

PATH is a directory (its .html, .htm and .txt files, gzipped too, in name order; id: the relative path),
a .jsonl or .ndjson file of {"id"?, "url"?, "html"} or {"id"?, "url"?, "text"} (id: "id", else the line
number), a .warc or .warc.gz file (its HTML responses; id: WARC-Record-ID), or - for JSON Lines on stdin
(the default).

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
  --jobs N                     worker threads (default: the machine's cores, here ${availableParallelism()})
  --timeout SECONDS            a page still being cleaned after this long is an error; its worker is
                               replaced (default 60)
  --max-bytes N                larger inputs are an error, unread (default 20000000)
  --max-elements N             larger pages are an error (default 40000, as the single-page CLI)
  --worker-memory MB           heap per worker thread; a page that needs more is an error (default 2048)
  --input auto|html|text       what files hold (default auto: HTML when it looks like markup)
  --keep CATEGORY[,CATEGORY]   kinds of removal to leave undone: boilerplate, duplicates, teasers, summaries
  --memory FILE                a reading memory: blocks earlier documents already had are repeats; FILE
                               is loaded at start and saved at the end and on interrupt
  --repeats drop|mark|keep     with --memory: drop repeats (into "removed", reason "read-before"), mark
                               them ("repeats": block id, where seen, similarity; the default), or keep
                               them unmarked (only counted in the summary)
  --memory-articles N          articles the memory keeps before the oldest go (default 20000)
  -h, --help                   show this help

On a terminal, stderr shows progress; at the end, always, a summary.
Exit status: 0 every page cleaned or had no article, 3 some page failed (see its error record),
2 bad usage, 130 interrupted (every line written is complete; --resume goes on), 141 the reader of
stdout stopped reading (as \`| head\`).
`;

const REPEATS = ['drop', 'mark', 'keep'] as const;
type RepeatsMode = (typeof REPEATS)[number];
const INPUTS = ['auto', 'html', 'text'] as const;

class UsageError extends Error {}

export interface BatchIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Whether stderr is a terminal: then a progress line is drawn. */
  progress: boolean;
}

interface BatchOptions {
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
  memory: string | null;
  repeats: RepeatsMode;
  memoryArticles: number | undefined;
  workerMemoryMb: number;
}

function positiveInt(name: string, value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new UsageError(`--${name} must be a whole number of at least 1 (got "${value}")`);
  return n;
}

function pick<T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${name} must be one of ${allowed.join(', ')} (got "${value}")`);
}

function parseOptions(argv: string[]): BatchOptions | 'help' {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      'out-dir': { type: 'string' },
      format: { type: 'string' },
      resume: { type: 'boolean' },
      jobs: { type: 'string' },
      timeout: { type: 'string' },
      'max-bytes': { type: 'string' },
      'max-elements': { type: 'string' },
      input: { type: 'string' },
      keep: { type: 'string' },
      memory: { type: 'string' },
      repeats: { type: 'string' },
      'memory-articles': { type: 'string' },
      'worker-memory': { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return 'help';
  const outDir = values['out-dir'] ?? null;
  const format = pick('format', values.format, FORMATS, outDir ? 'markdown' : 'json');
  if (outDir && format === 'json') throw new UsageError('--out-dir writes markdown, text or html; the JSON lines go to --out or stdout');
  if (!outDir && format !== 'json') throw new UsageError(`--format ${format} needs --out-dir (the JSON lines hold the result in every format)`);
  if (values.resume && !values.out) throw new UsageError('--resume needs --out FILE (the output it goes on from)');
  if (values.repeats && !values.memory) throw new UsageError('--repeats needs --memory FILE');
  const timeout = values.timeout === undefined ? 60 : Number(values.timeout);
  if (!(timeout > 0)) throw new UsageError(`--timeout must be a number of seconds above 0 (got "${values.timeout}")`);
  const keep = (values.keep ?? '').split(',').filter((k) => k !== '');
  for (const k of keep) pick('keep', k, REMOVAL_CATEGORIES, 'boilerplate');
  return {
    paths: positionals.length ? positionals : ['-'],
    out: values.out ?? null,
    outDir,
    format: format === 'json' ? 'markdown' : format,
    resume: values.resume ?? false,
    jobs: positiveInt('jobs', values.jobs) ?? availableParallelism(),
    timeoutMs: timeout * 1000,
    maxBytes: positiveInt('max-bytes', values['max-bytes']) ?? 20_000_000,
    maxElements: positiveInt('max-elements', values['max-elements']),
    input: pick('input', values.input, INPUTS, 'auto'),
    keep: keep as RemovalCategory[],
    memory: values.memory ?? null,
    repeats: pick('repeats', values.repeats, REPEATS, 'mark'),
    memoryArticles: positiveInt('memory-articles', values['memory-articles']),
    workerMemoryMb: positiveInt('worker-memory', values['worker-memory']) ?? 2048,
  };
}

/** The worker module: the bundled one next to the CLI in dist/, or the source when run through tsx. */
function defaultWorker(): URL {
  return import.meta.url.endsWith('.ts') ? new URL('./worker.ts', import.meta.url) : new URL('./batch-worker.js', import.meta.url);
}

export interface BatchSeams {
  /** Another worker module (tests use one that can hang or die on purpose). */
  worker?: URL;
  /** Called with the function that stops the run as Ctrl-C does; by default SIGINT and SIGTERM call it. */
  onInterrupt?: (stop: () => void) => void;
}

export async function runBatch(argv: string[], io: BatchIO, seams: BatchSeams = {}): Promise<number> {
  let options: BatchOptions;
  try {
    const parsed = parseOptions(argv);
    if (parsed === 'help') return io.stdout(BATCH_HELP), 0;
    options = parsed;
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (e instanceof UsageError || (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS'))) {
      io.stderr(`readonce batch: ${(e as Error).message}\nTry 'readonce batch --help'.\n`);
      return 2;
    }
    throw e;
  }
  try {
    return await new Batch(options, io, seams).run();
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`readonce batch: ${e.message}\n`);
      return 2;
    }
    throw e;
  }
}

interface Pending {
  page: PageInput;
  outcome: Promise<PageOutcome>;
}

class Batch {
  private readonly tally = new Tally();
  private total: number | null = null;
  private stopped = false;
  private sink!: RecordSink;
  private memory: FileReadingMemory | null = null;
  private pool!: Piscina;
  private lastDraw = 0;

  constructor(
    private readonly options: BatchOptions,
    private readonly io: BatchIO,
    private readonly seams: BatchSeams,
  ) {}

  async run(): Promise<number> {
    const { options, io } = this;
    for (const path of options.paths) if (path !== '-' && !existsSync(path)) throw new UsageError(`no such file or directory: ${path}`);
    const done = options.resume && options.out ? resumeFrom(options.out) : new Map<string, number>();
    if (options.memory) {
      const { memory, message } = FileReadingMemory.open(options.memory, options.memoryArticles ? { maxArticles: options.memoryArticles } : {});
      if (message) io.stderr(`readonce batch: ${options.memory}: ${message}\n`);
      this.memory = memory;
      this.tally.foldedRepeats = 0;
    }
    this.sink = options.out ? fileSink(options.out, options.resume) : stdoutSink(io.stdout);
    this.pool = new Piscina({
      filename: fileURLToPath(this.seams.worker ?? defaultWorker()),
      minThreads: options.jobs,
      maxThreads: options.jobs,
      idleTimeout: 60_000,
      // V8 lets a heap grow to its default limit (about 4 GB on a machine with 16 GB or more) before it
      // collects hard, and jsdom makes much garbage: without a limit each worker's RSS climbs there (4.4 GB
      // for --jobs 1 on 2,024 pages) though what a page keeps alive is about 130 MB. The limit keeps memory
      // flat at what it says; a page that needs more ends its worker, and is an error record.
      resourceLimits: { maxOldGenerationSizeMb: options.workerMemoryMb },
      // Piscina's default ('sync') blocks a worker in Atomics.wait between tasks, inside a microtask, so while
      // pages keep coming its event loop never turns: jsdom's load steps of each parsed document (promise
      // reactions and a nextTick) stay queued and hold the document, its window and every window before it.
      // A worker's live heap then grew ~6 MB a page for the whole run (1.5 GB after 264 dev pages; the
      // out-of-memory records of the 2,024-page runs). With 'async' the loop turns between pages and the
      // live heap after GC stays between 50 and 90 MB (the pages of one window) however long the run.
      atomics: 'async',
    });
    const stop = () => {
      this.stopped = true;
    };
    let signalled = false;
    const onSignal = () => {
      signalled = true;
      stop();
      // Nothing more is written once stopped; what was written is whole lines. Exit now, not after the
      // pages in flight (one may take --timeout to end).
      this.finish(true);
      process.exit(130);
    };
    if (this.seams.onInterrupt) this.seams.onInterrupt(() => (this.stopped = true));
    else process.once('SIGINT', onSignal).once('SIGTERM', onSignal);
    // The reader of stdout went away (`readonce batch | head -1`): nobody reads more, so stop at once and
    // quietly, with the status of a filter killed by SIGPIPE (128 + 13; Node ignores the signal itself). The
    // memory is saved as on an interrupt: it holds only pages whose lines were written.
    const onBrokenPipe = (e: NodeJS.ErrnoException) => {
      if (e.code !== 'EPIPE') throw e;
      this.stopped = true;
      if (this.memory) this.memory.save();
      process.exit(141);
    };
    if (!options.out) process.stdout.on('error', onBrokenPipe);
    if (io.progress) {
      void Promise.all(options.paths.map(countPages)).then(
        (counts) => (this.total = counts.every((c) => c !== null) ? counts.reduce((a, b) => a! + b!, 0)! - [...done.values()].reduce((a, b) => a + b, 0) : null),
        () => {},
      );
    }
    try {
      await this.process(done);
    } finally {
      if (!signalled) {
        process.off('SIGINT', onSignal).off('SIGTERM', onSignal);
        process.stdout.off('error', onBrokenPipe);
        this.finish(this.stopped);
      }
    }
    if (this.stopped) return 130;
    return this.tally.errors > 0 ? 3 : 0;
  }

  private finish(interrupted: boolean): void {
    if (this.memory) this.memory.save();
    this.sink.close();
    void this.pool.destroy();
    if (this.io.progress) this.io.stderr('\r\x1b[K');
    this.io.stderr(this.tally.summary(interrupted));
  }

  /** Reads pages, keeps a window of them in the pool, and writes each in input order as soon as it can. */
  private async process(done: Map<string, number>): Promise<void> {
    const window = this.options.jobs * 4;
    const queue: Pending[] = [];
    const names = this.options.outDir ? new OutputNames() : null;
    for (const path of this.options.paths) {
      let pages: AsyncGenerator<PageInput>;
      try {
        pages = pagesFrom(path, { maxBytes: this.options.maxBytes, kind: this.options.input });
        for await (const page of pages) {
          if (this.stopped) return;
          if (names) page.name = names.claim(page.name);
          // The output is a prefix of the input, so of n records with one id, the first n pages with that id
          // are done; a later page with the same id (a repeated JSON id) is not.
          const already = done.get(page.id) ?? 0;
          if (already > 0) {
            done.set(page.id, already - 1);
            this.tally.skipped++;
            continue;
          }
          queue.push({ page, outcome: this.submit(page) });
          while (queue.length >= window && !this.stopped) await this.write(queue.shift()!);
        }
      } catch (e) {
        const err = e as NodeJS.ErrnoException;
        if (err.code === 'ENOENT') throw new UsageError(`no such file or directory: ${path}`);
        throw e;
      }
    }
    while (queue.length && !this.stopped) await this.write(queue.shift()!);
  }

  private submit(page: PageInput): Promise<PageOutcome> {
    if (page.error) return Promise.resolve({ ok: false, ...page.error });
    const started = new SharedArrayBuffer(8);
    const task: PageTask = {
      id: page.id,
      url: page.url,
      kind: page.kind,
      body: page.body,
      keep: this.options.keep,
      ...(this.options.maxElements ? { maxElements: this.options.maxElements } : {}),
      ...(this.options.outDir ? { render: this.options.format } : {}),
      ...(this.memory ? { fingerprints: true } : {}),
      started,
    };
    const controller = new AbortController();
    const timeoutMs = this.options.timeoutMs;
    // The clock starts when a worker takes the page (it writes the time into `started`), not when it is queued.
    let timer: NodeJS.Timeout;
    const check = () => {
      const since = new Float64Array(started)[0]!;
      const left = since === 0 ? timeoutMs : since + timeoutMs - (performance.timeOrigin + performance.now());
      if (since !== 0 && left <= 0) controller.abort();
      else timer = setTimeout(check, Math.max(left, 10));
    };
    timer = setTimeout(check, timeoutMs);
    return (this.pool.run(task, { signal: controller.signal }) as Promise<PageOutcome>).then(
      (outcome) => outcome,
      (e: unknown): PageOutcome => {
        if (controller.signal.aborted) {
          return { ok: false, code: 'timeout', message: `still cleaning after ${timeoutMs / 1000} s; the worker was stopped and replaced` };
        }
        if ((e as { code?: unknown }).code === 'ERR_WORKER_OUT_OF_MEMORY') {
          return { ok: false, code: 'out-of-memory', message: `this page needs more than --worker-memory ${this.options.workerMemoryMb} MB; the worker was replaced` };
        }
        return { ok: false, code: 'worker-died', message: `the worker cleaning this page stopped: ${e instanceof Error ? e.message : String(e)}` };
      },
    ).finally(() => clearTimeout(timer));
  }

  /** One page's record, written once every page before it is. */
  private async write({ page, outcome: pending }: Pending): Promise<void> {
    let outcome = await pending;
    if (this.stopped) return;
    let repeats: Repeat[] = [];
    let remembered: RememberedArticle | null = null;
    if (outcome.ok && this.memory) {
      const url = page.url ?? page.id;
      const counted = outcome.counted ?? [];
      remembered = { url, title: outcome.result.title, site: siteOf(url), time: Date.now(), fingerprints: counted.map((c) => c.fingerprint) };
      ({ outcome, repeats } = await this.repeatsIn(outcome));
      if (this.stopped) return;
    }
    const record = this.record(page, outcome, repeats);
    this.sink.write(record);
    // Added only once its line is written: a page the memory holds is never done again by --resume, where it
    // would be found in the memory as a repeat of itself.
    if (remembered) await this.memory!.record(remembered);
    this.tally.add(record);
    this.draw();
  }

  /** Looks the page's blocks up in the memory, in input order, so the same input folds the same. */
  private async repeatsIn(outcome: Extract<PageOutcome, { ok: true }>): Promise<{ outcome: PageOutcome; repeats: Repeat[] }> {
    const counted = outcome.counted ?? [];
    const sightings = counted.length ? await this.memory!.lookup(counted.map((c) => c.fingerprint)) : [];
    const repeats: Repeat[] = [];
    counted.forEach((block, i) => {
      const seen = sightings[i]?.[0];
      if (seen) repeats.push({ blockId: block.id, ...seen });
    });
    this.tally.foldedRepeats = (this.tally.foldedRepeats ?? 0) + repeats.length;
    if (this.options.repeats !== 'drop' || repeats.length === 0) return { outcome, repeats: this.options.repeats === 'mark' ? repeats : [] };
    const task: DropTask = { drop: { result: outcome.result, removals: readBefore(outcome.result, repeats), ...(this.options.outDir ? { render: this.options.format } : {}) } };
    try {
      return { outcome: (await this.pool.run(task)) as PageOutcome, repeats: [] };
    } catch (e) {
      return { outcome: { ok: false, code: 'worker-died', message: `the worker dropping repeats stopped: ${e instanceof Error ? e.message : String(e)}` }, repeats: [] };
    }
  }

  private record(page: PageInput, outcome: PageOutcome, repeats: Repeat[]): BatchRecord {
    const head = { id: page.id, url: page.url };
    if (!outcome.ok) return { ...head, error: { code: outcome.code, message: outcome.message } };
    const marked = repeats.length ? { repeats } : {};
    if (!this.options.outDir) return { ...head, ...outcome.result, ...marked };
    const ext = this.options.format === 'markdown' ? 'md' : this.options.format === 'text' ? 'txt' : 'html';
    const file = writePageFile(this.options.outDir, page.name, ext, outcome.rendered ?? '');
    const { blocks: _b, html: _h, markdown: _m, ...meta } = outcome.result;
    return { ...head, file, ...meta, ...marked };
  }

  private draw(): void {
    if (!this.io.progress) return;
    const now = performance.now();
    if (now - this.lastDraw < 200) return;
    this.lastDraw = now;
    this.io.stderr(`\r${progressLine(this.tally, this.total)}\x1b[K`);
  }
}

/** The removals `--repeats drop` adds: each repeated block, where it stood, and where it was read before. */
function readBefore(result: CleanResult, repeats: readonly Repeat[]): Removal[] {
  const byId = new Map(repeats.map((r) => [r.blockId, r]));
  const removals: Removal[] = [];
  let after: Removal['after'] = null;
  for (const block of result.blocks) {
    const seen = byId.get(block.id);
    if (!seen) {
      after = block.id;
      continue;
    }
    const where = seen.title ? `"${seen.title}" (${seen.url})` : seen.url;
    removals.push({
      id: block.id,
      text: block.text,
      kind: block.kind,
      reason: 'read-before',
      category: 'duplicates',
      explanation: `An earlier document in this batch already had this block (${Math.round(seen.similarity * 100)}% alike): ${where}.`,
      after,
      html: '',
    });
  }
  return removals;
}
