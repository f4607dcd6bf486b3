/**
 * `readonce memory build`: the reduce of a corpus run. Reads the sketch files of every shard, puts the pages in
 * corpus order, and replays the reading memory over them as one `readonce batch --memory` process reading the
 * corpus in that order would (look the page's blocks up, then remember the page: `replay.ts`, the same index).
 * What each page's blocks repeat, and where they were first seen, is written to the corpus memory, one line per
 * page; `readonce batch --memory` (the second map) gives each page what its line says. So every shard is
 * checked against all the others, as CCNet's paragraph deduplication checks each Common Crawl shard (a map
 * that hashes, a reduce, a second map that removes), and the result does not depend on the split.
 *
 * In input order the pages are replayed as they are read: what is held is the index and one short line per
 * page. With --order-by every page's sketches are held until all are read, then sorted.
 */
import { closeSync, existsSync, mkdirSync, openSync, readdirSync, renameSync, statSync, writeFileSync, writeSync } from 'node:fs';
import { dirname } from 'node:path';
import { parseArgs } from 'node:util';
import { InMemoryReadingMemory, type Repeat } from '../../core/memory/index.ts';
import { duration } from '../batch/progress.ts';
import { positiveInt, timeOption, UsageError } from '../batch/options.ts';
import { lines } from '../batch/sources.ts';
import {
  blocksCheck,
  CORPUS_MEMORY_VERSION,
  fingerprintsOf,
  parseSketchLine,
  type CorpusMemoryEntry,
  type CorpusMemoryHeader,
  type OrderValue,
  type SketchedPage,
} from './formats.ts';
import { compareInOrder, sortKey, type SortKey } from './order.ts';
import { rememberedPage, repeatsOf } from './replay.ts';

export const MEMORY_BUILD_HELP = `Usage: readonce memory build SKETCHES... --out MEMORY [options]

The reduce of a corpus run: reads the sketch files that readonce sketch wrote for each shard (files, - for
stdin, .gz too, or a directory of .jsonl files in name order) and writes one corpus memory. It holds, for
each page in corpus order, which of its blocks an earlier page had and where that was first seen, as one
readonce batch --memory process reading the whole corpus in that order would find them. readonce batch
--memory MEMORY then cleans each shard and marks or drops those blocks.

Corpus order is the sketch files in the order given, each in its own order (the default), or --order-by.

Options:
  --out FILE                   the corpus memory (required): JSON Lines, a header and one line per page
  --order-by FIELD             order the pages by FIELD, which readonce sketch --order-by FIELD kept:
                               dates (ISO 8601, RFC 2822) by the instant they name, numbers by value,
                               other text by its characters, pages without it last; ties by id. Then the
                               order of the files, and the split of the corpus, do not matter
  --memory-articles N          remember N pages at most, the oldest going first, as readonce batch
                               --memory-articles N (default: every page of the corpus)
  --time DATE                  the time recorded for every page (ISO 8601 or ms since the epoch;
                               default: now)
  --save FILE                  also write the reading memory after the last page, as readonce batch
                               --memory FILE reads it, to go on with later pages
  -h, --help                   show this help

A line that is not a sketch gives an error line in the memory and on stderr; the build goes on.
Exit status: 0 every line read and every id once, 3 some line could not be read or some id was given
twice (those pages get an error record from readonce batch), 2 bad usage.
`;

/** Lines reported one by one on stderr; past that, only counted. */
const MAX_REPORTED = 20;

interface BuildOptions {
  files: string[];
  out: string;
  orderBy: string | undefined;
  maxArticles: number | undefined;
  time: number;
  save: string | null;
}

export interface BuildIO {
  stdout: (s: string) => void;
  stderr: (s: string) => void;
}

function parseOptions(argv: string[]): BuildOptions | 'help' {
  const { values, positionals } = parseArgs({
    args: argv,
    allowPositionals: true,
    options: {
      out: { type: 'string' },
      'order-by': { type: 'string' },
      'memory-articles': { type: 'string' },
      time: { type: 'string' },
      save: { type: 'string' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) return 'help';
  if (!values.out) throw new UsageError('--out FILE is needed: the corpus memory is written there');
  if (positionals.length === 0) throw new UsageError('give the sketch files (readonce sketch) to build the memory from');
  if (values['order-by'] === '') throw new UsageError('--order-by needs a field name');
  const files: string[] = [];
  for (const path of positionals) {
    if (path === '-') files.push(path);
    else if (!existsSync(path)) throw new UsageError(`no such file or directory: ${path}`);
    else if (statSync(path).isDirectory()) {
      const inside = readdirSync(path).filter((name) => /\.(jsonl|ndjson)(\.gz)?$/iu.test(name) && !name.startsWith('.')).sort();
      if (inside.length === 0) throw new UsageError(`${path} holds no .jsonl files`);
      files.push(...inside.map((name) => `${path}/${name}`));
    } else files.push(path);
  }
  return {
    files,
    out: values.out,
    orderBy: values['order-by'],
    maxArticles: positiveInt('memory-articles', values['memory-articles']),
    time: timeOption(values.time) ?? Date.now(),
    save: values.save ?? null,
  };
}

export async function runMemoryBuild(argv: string[], io: BuildIO): Promise<number> {
  try {
    const options = parseOptions(argv);
    if (options === 'help') return io.stdout(MEMORY_BUILD_HELP), 0;
    return await new MemoryBuild(options, io).run();
  } catch (e) {
    const code = (e as { code?: unknown }).code;
    if (e instanceof UsageError || (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS'))) {
      io.stderr(`readonce memory build: ${(e as Error).message}\nTry 'readonce memory build --help'.\n`);
      return 2;
    }
    throw e;
  }
}

/** A page of the corpus as the build holds it until its turn, with where it came from. */
type Held = (
  | { ok: true; page: SketchedPage }
  | { ok: false; id: string | null; order?: OrderValue; code: string; message: string }
) & { where: string };

class MemoryBuild {
  private readonly memory: InMemoryReadingMemory;
  private readonly entries: string[] = [];
  private readonly ids = new Set<string>();
  private readonly started = performance.now();
  private pages = 0;
  private sketched = 0;
  private failed = 0;
  private blocks = 0;
  private repeats = 0;
  private pagesWithRepeats = 0;
  private badLines = 0;
  private duplicates = 0;
  private reported = 0;

  constructor(
    private readonly options: BuildOptions,
    private readonly io: BuildIO,
  ) {
    this.memory = new InMemoryReadingMemory({ maxArticles: options.maxArticles ?? Infinity });
  }

  async run(): Promise<number> {
    const held: (Held & { key: SortKey })[] = [];
    const { orderBy } = this.options;
    for (const file of this.options.files) {
      let n = 0;
      try {
        for await (const line of lines(file)) {
          n++;
          if (line.trim() === '') continue;
          const parsed = parseSketchLine(line);
          const where = `${file === '-' ? 'stdin' : file} line ${n}`;
          if (orderBy === undefined) {
            this.take({ ...parsed, where });
            continue;
          }
          if (parsed.ok || parsed.code !== 'malformed-sketch') {
            const order = parsed.ok ? parsed.page.order : parsed.order;
            if (order?.by !== orderBy) {
              throw new UsageError(
                `${where} was sketched ${order ? `with --order-by ${order.by}` : 'without --order-by'}; sketch the corpus with readonce sketch --order-by ${orderBy}`,
              );
            }
            held.push({ ...parsed, where, key: sortKey(order) });
          } else this.take({ ...parsed, where });
        }
      } catch (e) {
        if (e instanceof UsageError) throw e;
        // A gzip that breaks off, a file that goes away: what was read counts; the rest of the file is one error.
        this.report(`${file}: could not be read to the end after line ${n} (${(e as Error).message})`);
        this.badLines++;
        this.entries.push(JSON.stringify({ error: { code: 'unreadable-sketches', message: `${file}: could not be read after line ${n}: ${(e as Error).message}` } }));
      }
    }
    if (orderBy !== undefined) {
      held.sort((a, b) => compareInOrder(orderKeyOf(a), orderKeyOf(b)));
      for (const page of held) this.take(page);
    }
    this.write();
    const secs = (performance.now() - this.started) / 1000;
    this.io.stderr(
      [
        'readonce memory build: done',
        `  sketch files  ${this.options.files.length}`,
        `  pages         ${this.pages} (${this.sketched} sketched, ${this.failed} failed when sketched)`,
        `  blocks        ${this.blocks} that count`,
        `  repeats       ${this.repeats} blocks already in earlier pages, in ${this.pagesWithRepeats} page${this.pagesWithRepeats === 1 ? '' : 's'}`,
        `  bad lines     ${this.badLines}`,
        `  duplicate ids ${this.duplicates}`,
        `  memory        ${this.memory.size} pages remembered${this.options.maxArticles ? ` (at most ${this.options.maxArticles})` : ''}`,
        `  wall time     ${duration(secs)}`,
        `  peak RSS      ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`,
      ].join('\n') + '\n',
    );
    return this.badLines > 0 || this.duplicates > 0 ? 3 : 0;
  }

  /** One page in corpus order: an entry for it, and, when it was sketched, the memory replayed over it. */
  private take(held: Held): void {
    const id = held.ok ? held.page.id : held.id;
    if (id !== null) {
      if (this.ids.has(id)) {
        this.duplicates++;
        this.report(`${held.where}: the id ${JSON.stringify(id)} is given again; readonce batch gives every page with this id an error record`);
      }
      this.ids.add(id);
    }
    let entry: CorpusMemoryEntry;
    if (held.ok) {
      const { page } = held;
      const fingerprints = fingerprintsOf(page.sketches);
      const sightings = fingerprints.length ? this.memory.lookupNow(fingerprints) : [];
      const repeats: Repeat[] = repeatsOf(page.blocks, sightings);
      this.memory.recordNow(rememberedPage(page, page.title, fingerprints, this.options.time));
      entry = { id: page.id, check: blocksCheck(page.blocks.map((blockId, i) => ({ id: blockId, fingerprint: fingerprints[i]! }))), ...(repeats.length ? { repeats } : {}) };
      this.pages++;
      this.sketched++;
      this.blocks += page.blocks.length;
      this.repeats += repeats.length;
      if (repeats.length) this.pagesWithRepeats++;
    } else if (held.code === 'malformed-sketch') {
      this.badLines++;
      this.report(`${held.where}: ${held.message}`);
      entry = { ...(held.id === null ? {} : { id: held.id }), error: { code: 'malformed-sketch', message: `${held.where}: ${held.message}` } };
    } else {
      this.pages++;
      this.failed++;
      entry = { id: held.id!, error: { code: held.code, message: held.message } };
    }
    this.entries.push(JSON.stringify(entry));
  }

  private report(message: string): void {
    if (++this.reported <= MAX_REPORTED) this.io.stderr(`readonce memory build: ${message}\n`);
    else if (this.reported === MAX_REPORTED + 1) this.io.stderr('readonce memory build: (more such lines are only counted)\n');
  }

  /** The header and every page's line, through a temporary file, so a build that dies leaves no half memory. */
  private write(): void {
    const header: CorpusMemoryHeader = {
      corpusMemory: CORPUS_MEMORY_VERSION,
      order: this.options.orderBy === undefined ? 'input' : { by: this.options.orderBy },
      time: this.options.time,
      records: this.entries.length,
      articles: this.memory.size,
      maxArticles: this.options.maxArticles ?? null,
    };
    mkdirSync(dirname(this.options.out), { recursive: true });
    const tmp = `${this.options.out}.partial`;
    const fd = openSync(tmp, 'w');
    try {
      writeSync(fd, `${JSON.stringify(header)}\n`);
      // In chunks: one string of a million pages' lines would be needlessly large.
      for (let i = 0; i < this.entries.length; i += 4096) writeSync(fd, `${this.entries.slice(i, i + 4096).join('\n')}\n`);
    } finally {
      closeSync(fd);
    }
    renameSync(tmp, this.options.out);
    if (this.options.save) {
      mkdirSync(dirname(this.options.save), { recursive: true });
      writeFileSync(`${this.options.save}.partial`, JSON.stringify(this.memory.toJSON()));
      renameSync(`${this.options.save}.partial`, this.options.save);
    }
  }
}

function orderKeyOf(held: Held & { key: SortKey }) {
  if (held.ok) return { key: held.key, id: held.page.id, url: held.page.url, title: held.page.title, blocks: held.page.blocks, sketches: held.page.sketches };
  return { key: held.key, id: held.id ?? '', url: null, title: '', blocks: [], sketches: new Uint8Array(0) };
}
