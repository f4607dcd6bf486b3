/**
 * `readonce batch`: many pages through a pool of worker threads, one record per page, in input order.
 *
 * Results are written in input order, so the output is always a prefix of the input: `--resume` skips what
 * is there, and the reading memory (`--memory`) is looked up and added to in that same order in this thread,
 * which makes what is folded the same whatever `--jobs` is. The workers clean and fingerprint; this thread
 * reads inputs, keeps order, writes, and watches the time.
 */
import { existsSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { Piscina } from 'piscina';
import type { CleanResult, Removal } from '../../core/index.ts';
import type { Repeat } from '../../core/memory/index.ts';
import { FileReadingMemory } from '../../node/file-memory.ts';
import { blocksCheck, corpusMemoryHeader, firstLineOf, looksLikeSketches, readCorpusMemory, sketchLine, type CorpusMemory, type SketchErrorLine, type SketchLine } from '../corpus/formats.ts';
import { rememberedPage, repeatsOf } from '../corpus/replay.ts';
import { BATCH_HELP, parseBatchOptions, parseSketchOptions, SKETCH_HELP, UsageError, type BatchOptions } from './options.ts';
import { OutputNames } from './names.ts';
import { fileSink, resumeFrom, stdoutSink, writePageFile, type RecordSink } from './output.ts';
import { progressLine, Tally } from './progress.ts';
import { countPages, pagesFrom } from './sources.ts';
import type { BatchRecord, DropTask, PageInput, PageOutcome, PageTask } from './types.ts';

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

export interface BatchIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
  /** Whether stderr is a terminal: then a progress line is drawn. */
  progress: boolean;
}

export function runBatch(argv: string[], io: BatchIO, seams: BatchSeams = {}): Promise<number> {
  return start('batch', parseBatchOptions, BATCH_HELP, argv, io, seams);
}

/** `readonce sketch`: the pages of a batch, each written as the sketches of its blocks (the map of a corpus run). */
export function runSketch(argv: string[], io: BatchIO, seams: BatchSeams = {}): Promise<number> {
  return start('sketch', parseSketchOptions, SKETCH_HELP, argv, io, seams);
}

async function start(
  command: string,
  parse: (argv: string[]) => BatchOptions | 'help',
  help: string,
  argv: string[],
  io: BatchIO,
  seams: BatchSeams,
): Promise<number> {
  let options: BatchOptions;
  try {
    const parsed = parse(argv);
    if (parsed === 'help') return io.stdout(help), 0;
    options = parsed;
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (e instanceof UsageError || (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS'))) {
      io.stderr(`readonce ${command}: ${(e as Error).message}\nTry 'readonce ${command} --help'.\n`);
      return 2;
    }
    throw e;
  }
  try {
    return await new Batch(options, io, seams).run();
  } catch (e) {
    if (e instanceof UsageError) {
      io.stderr(`readonce ${command}: ${e.message}\n`);
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
  /** A corpus memory (readonce memory build): read only; each page's repeats are looked up by its id. */
  private corpus: CorpusMemory | null = null;
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
      this.openMemory(options.memory);
      this.tally.foldedRepeats = 0;
    }
    if (options.sketch) this.tally.sketchedBlocks = 0;
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

  /**
   * A reading memory, loaded to be looked up and added to; or a corpus memory, only read. A sketch file given by
   * mistake is refused: read as a memory it would start empty and be written over at the end.
   */
  private openMemory(path: string): void {
    if (existsSync(path) && statSync(path).isDirectory()) throw new UsageError(`--memory ${path} is a directory; give a file`);
    const first = existsSync(path) ? firstLineOf(path) : '';
    const corpus = corpusMemoryHeader(first);
    if (corpus && 'otherVersion' in corpus) {
      throw new UsageError(`${path} is a corpus memory of format ${JSON.stringify(corpus.otherVersion)}, which this readonce cannot read; build it again with readonce memory build`);
    }
    if (corpus) {
      if (this.options.memoryArticles !== undefined || this.options.time !== null) {
        throw new UsageError(`${path} is a corpus memory: its size and time were set by readonce memory build (--memory-articles, --time)`);
      }
      const { unreadable, ...memory } = readCorpusMemory(path);
      if (unreadable) this.io.stderr(`readonce batch: ${path}: ${unreadable} line${unreadable === 1 ? '' : 's'} could not be read; the pages they named get an error record\n`);
      this.corpus = memory;
      return;
    }
    if (looksLikeSketches(first)) {
      throw new UsageError(`${path} holds sketches (readonce sketch), not a memory; make one with: readonce memory build ${path} --out MEMORY`);
    }
    const { memory, message } = FileReadingMemory.open(path, this.options.memoryArticles ? { maxArticles: this.options.memoryArticles } : {});
    if (message) this.io.stderr(`readonce batch: ${path}: ${message}\n`);
    this.memory = memory;
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
        pages = pagesFrom(path, {
          maxBytes: this.options.maxBytes,
          kind: this.options.input,
          idPrefix: this.options.idPrefix,
          ...(this.options.orderBy === undefined ? {} : { orderBy: this.options.orderBy }),
        });
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
      ...(this.memory || this.corpus || this.options.sketch ? { fingerprints: true } : {}),
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
    if (this.options.sketch) return this.writeSketch(page, outcome);
    let repeats: Repeat[] = [];
    let remembered = null;
    if (outcome.ok && this.memory) {
      const counted = outcome.counted ?? [];
      remembered = rememberedPage(page, outcome.result.title, counted.map((c) => c.fingerprint), this.options.time ?? Date.now());
      const sightings = counted.length ? await this.memory.lookup(counted.map((c) => c.fingerprint)) : [];
      if (this.stopped) return;
      ({ outcome, repeats } = await this.withRepeats(outcome, repeatsOf(counted.map((c) => c.id), sightings)));
    } else if (outcome.ok && this.corpus) {
      const listed = this.listedRepeats(page, outcome);
      if (Array.isArray(listed)) ({ outcome, repeats } = await this.withRepeats(outcome, listed));
      else outcome = listed;
    }
    if (this.stopped) return;
    const record = this.record(page, outcome, repeats);
    this.sink.write(record);
    // Added only once its line is written: a page the memory holds is never done again by --resume, where it
    // would be found in the memory as a repeat of itself.
    if (remembered) await this.memory!.record(remembered);
    this.tally.add(record);
    this.draw();
  }

  private writeSketch(page: PageInput, outcome: PageOutcome): void {
    const head = { id: page.id, url: page.url, ...(this.options.orderBy === undefined ? {} : { order: { by: this.options.orderBy, value: page.order ?? null } }) };
    const line: SketchLine | SketchErrorLine = outcome.ok
      ? sketchLine(head, outcome.result.title, outcome.counted ?? [])
      : { sketch: 1, ...head, error: { code: outcome.code, message: outcome.message } };
    this.sink.write(line);
    this.tally.add(outcome.ok ? { id: page.id, url: page.url } : { id: page.id, url: page.url, error: { code: outcome.code, message: outcome.message } });
    if (outcome.ok) this.tally.sketchedBlocks! += outcome.counted?.length ?? 0;
    this.draw();
  }

  /**
   * The repeats the corpus memory lists for this page, or why it cannot say: the page is not in it, shares its
   * id with another page, failed when sketched, or now cleans to other blocks than it was sketched with.
   */
  private listedRepeats(page: PageInput, outcome: Extract<PageOutcome, { ok: true }>): Repeat[] | PageOutcome {
    const entry = this.corpus!.byId.get(page.id);
    const fail = (code: string, message: string): PageOutcome => ({ ok: false, code, message });
    if (entry === undefined) return fail('not-in-memory', `the corpus memory has no page with the id ${JSON.stringify(page.id)}: sketch it with the rest of the corpus (with the same --id-prefix) and build the memory again`);
    if (entry === 'duplicate') return fail('duplicate-id', `two pages of the corpus have the id ${JSON.stringify(page.id)}, so the corpus memory cannot tell their repeats apart: give each page its own id`);
    if ('error' in entry) return fail('not-sketched', `this page was not in the corpus memory's sketches (${entry.error.code}: ${entry.error.message}); its repeats are unknown`);
    if (entry.check !== blocksCheck(outcome.counted ?? [])) {
      return fail('memory-mismatch', 'this page now cleans to other blocks than it was sketched with (its input, readonce or --keep changed since readonce sketch); sketch it again and build the memory again');
    }
    return entry.repeats ?? [];
  }

  /** The page with its repeats marked, dropped or only counted, as --repeats says. */
  private async withRepeats(outcome: Extract<PageOutcome, { ok: true }>, repeats: Repeat[]): Promise<{ outcome: PageOutcome; repeats: Repeat[] }> {
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
