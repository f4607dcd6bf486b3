/**
 * A corpus on many machines, measured (docs/batch.md gives the figures):
 *
 *   node --import tsx scripts/bench-corpus.ts --build [--sizes 10000,100000]
 *     `readonce memory build` over synthetic sketch files of N articles (20 blocks each that count, a quarter
 *     of them near-copies of an earlier article's block, in 10 files): wall time and peak RSS, in corpus
 *     (input) order and with --order-by (every page held, then sorted), the memory's size, and how long the
 *     second map takes to load it. The growth from the first size to the last is printed.
 *
 *   node --import tsx scripts/bench-corpus.ts --dask DIR [--shards 8] [--pages N]   (or --synthetic N)
 *     DIR's pages (a directory of .html/.html.gz, such as ../shared/wcxb-dev/html; urls from its
 *     ground-truth when there is one) as JSON Lines shards; then `readonce batch --jobs 2 --memory` over all
 *     of them, examples/dask/readonce_dask.py on a local scheduler with 2 workers (1 thread each), and
 *     `readonce batch --memory` per shard with a memory of its own: pages/s, repeats, and how many repeats
 *     were first seen in another shard. The Dask output is checked equal to the one-process output.
 *     --synthetic N: the corpus of the tests instead (scripts/lib/synthetic-corpus.ts: N pages, many of them
 *     reprints of a few stories spread over every shard).
 *
 * Runs the built CLI (dist/node/cli.js: npm run build first). Needs /usr/bin/python3 with Dask for --dask.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { readCorpusMemory } from '../src/cli/corpus/formats.ts';
import { SKETCH_SIZE } from '../src/core/memory/index.ts';
import { toBase64 } from '../src/core/memory/fingerprint.ts';
import { random, shardLines, syntheticCorpus } from './lib/synthetic-corpus.ts';

const { values } = parseArgs({
  options: {
    build: { type: 'boolean' },
    sizes: { type: 'string', default: '10000,100000' },
    dask: { type: 'string' },
    shards: { type: 'string', default: '8' },
    pages: { type: 'string' },
    synthetic: { type: 'string' },
  },
});

const root = path.resolve(import.meta.dirname, '..');
const cli = path.join(root, 'dist', 'node', 'cli.js');
if (!existsSync(cli)) {
  console.error('No dist/node/cli.js: run npm run build first.');
  process.exit(2);
}
const work = mkdtempSync(path.join(tmpdir(), 'readonce-bench-corpus-'));
process.on('exit', () => rmSync(work, { recursive: true, force: true }));

const BLOCKS = 20;
const FILES = 10;

/** N articles' sketch lines in FILES files; a quarter of the blocks copy an earlier article's block, a few bytes changed. */
function sketchFiles(articles: number, dir: string): string[] {
  mkdirSync(dir, { recursive: true });
  const rand = random(articles);
  const all = new Uint8Array(articles * BLOCKS * SKETCH_SIZE);
  const files: string[] = [];
  let lines: string[] = [];
  for (let a = 0; a < articles; a++) {
    for (let b = 0; b < BLOCKS; b++) {
      const at = (a * BLOCKS + b) * SKETCH_SIZE;
      if (a > 0 && rand() < 0.25) {
        const from = Math.floor(rand() * a) * BLOCKS + Math.floor(rand() * BLOCKS);
        all.copyWithin(at, from * SKETCH_SIZE, (from + 1) * SKETCH_SIZE);
        for (let k = Math.floor(rand() * 6); k > 0; k--) all[at + Math.floor(rand() * SKETCH_SIZE)] = Math.floor(rand() * 256);
      } else for (let i = 0; i < SKETCH_SIZE; i++) all[at + i] = Math.floor(rand() * 256);
    }
    const date = new Date(Date.UTC(2020, 0, 1) + Math.floor(rand() * 1.5e11)).toISOString();
    lines.push(
      JSON.stringify({
        sketch: 1,
        id: `a${a}`,
        url: `https://site${a % 500}.example/story/${a}`,
        order: { by: 'date', value: date },
        title: `Article ${a}`,
        blocks: Array.from({ length: BLOCKS }, (_, b) => `b${b}`),
        sketches: toBase64(all.subarray(a * BLOCKS * SKETCH_SIZE, (a + 1) * BLOCKS * SKETCH_SIZE)),
      }),
    );
    if (lines.length === Math.ceil(articles / FILES) || a === articles - 1) {
      files.push(path.join(dir, `sketches-${files.length}.jsonl`));
      writeFileSync(files.at(-1)!, lines.join('\n') + '\n');
      lines = [];
    }
  }
  return files;
}

function runBuild(files: string[], out: string, orderBy: boolean): { seconds: number; rssMb: number; repeats: number } {
  const started = performance.now();
  const run = spawnSync(process.execPath, [cli, 'memory', 'build', ...files, '--out', out, '--time', '2024-06-01T00:00:00Z', ...(orderBy ? ['--order-by', 'date'] : [])], {
    encoding: 'utf8',
  });
  const seconds = (performance.now() - started) / 1000;
  if (run.status !== 0) throw new Error(`memory build exited ${run.status}: ${run.stderr}`);
  const rssMb = Number(/peak RSS +(\d+) MB/u.exec(run.stderr)![1]);
  const repeats = Number(/repeats +(\d+) blocks/u.exec(run.stderr)![1]);
  return { seconds, rssMb, repeats };
}

function fmt(n: number, digits = 0): string {
  return n.toLocaleString('en', { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

function table(head: string[], rows: (string | number)[][]): void {
  const cells = [head, ...rows.map((r) => r.map(String))];
  const width = head.map((_, i) => Math.max(...cells.map((r) => r[i]!.length)));
  const line = (r: string[]) => `| ${r.map((c, i) => (i === 0 ? c.padEnd(width[i]!) : c.padStart(width[i]!))).join(' | ')} |`;
  console.log(line(head));
  console.log(`|${width.map((w, i) => (i === 0 ? '-'.repeat(w + 2) : `${'-'.repeat(w + 1)}:`)).join('|')}|`);
  for (const r of cells.slice(1)) console.log(line(r));
}

if (values.build) {
  const sizes = values.sizes.split(',').map(Number);
  const rows: (string | number)[][] = [];
  const results: { seconds: number; rssMb: number; orderSeconds: number; orderRssMb: number }[] = [];
  for (const size of sizes) {
    const files = sketchFiles(size, path.join(work, `s${size}`));
    const sketchMb = files.reduce((n, f) => n + statSync(f).size, 0) / 1e6;
    const memory = path.join(work, `m${size}.jsonl`);
    const plain = runBuild(files, memory, false);
    const memoryMb = statSync(memory).size / 1e6;
    const loadStart = performance.now();
    readCorpusMemory(memory);
    const loadSeconds = (performance.now() - loadStart) / 1000;
    const ordered = runBuild(files, path.join(work, `o${size}.jsonl`), true);
    results.push({ seconds: plain.seconds, rssMb: plain.rssMb, orderSeconds: ordered.seconds, orderRssMb: ordered.rssMb });
    rows.push([fmt(size), fmt(size * BLOCKS), fmt(sketchMb, 1), fmt(plain.seconds, 1), fmt(plain.rssMb), fmt(ordered.seconds, 1), fmt(ordered.rssMb), fmt(plain.repeats), fmt(memoryMb, 1), fmt(loadSeconds, 2)]);
    rmSync(path.join(work, `s${size}`), { recursive: true, force: true });
  }
  console.log(`\nreadonce memory build (${BLOCKS} blocks an article that count, ${FILES} sketch files)\n`);
  table(['articles', 'blocks', 'sketch MB', 'build s', 'peak RSS MB', 'build s, --order-by', 'peak RSS MB, --order-by', 'repeats found', 'memory MB', 'second map load s'], rows);
  if (results.length > 1) {
    const [a, b] = [results[0]!, results.at(-1)!];
    console.log(
      `\ngrowth ${fmt(sizes[0]!)} -> ${fmt(sizes.at(-1)!)}: time x${fmt(b.seconds / a.seconds, 1)}, peak RSS x${fmt(b.rssMb / a.rssMb, 1)}; ` +
        `with --order-by: time x${fmt(b.orderSeconds / a.orderSeconds, 1)}, peak RSS x${fmt(b.orderRssMb / a.orderRssMb, 1)}`,
    );
  }
}

/** The pages of DIR as JSON Lines shards of consecutive pages (name order), with urls from its ground truth. */
function pageShards(dir: string, shards: number, limit: number | undefined, into: string): string[] {
  const names = readdirSync(dir).filter((n) => /\.html?(\.gz)?$/u.test(n)).sort().slice(0, limit);
  const urlOf = (id: string): string | undefined => {
    const single = path.join(dir, '..', 'ground-truth', `${id}.json`);
    if (existsSync(single)) return (JSON.parse(readFileSync(single, 'utf8')) as { url?: string }).url;
    return undefined;
  };
  const pooled = path.join(dir, '..', 'ground-truth.json');
  const truth = existsSync(pooled) ? (JSON.parse(readFileSync(pooled, 'utf8')) as Record<string, { url?: string }>) : {};
  mkdirSync(into, { recursive: true });
  const files: string[] = [];
  for (let s = 0; s < shards; s++) {
    const part = names.slice(Math.floor((s * names.length) / shards), Math.floor(((s + 1) * names.length) / shards));
    const lines = part.map((name) => {
      const id = name.replace(/\.html?(\.gz)?$/u, '');
      const bytes = readFileSync(path.join(dir, name));
      const html = (name.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
      const url = truth[id]?.url ?? urlOf(id);
      return JSON.stringify({ id, ...(url ? { url } : {}), html });
    });
    files.push(path.join(into, `shard-${String(s).padStart(2, '0')}.jsonl`));
    writeFileSync(files.at(-1)!, lines.join('\n') + '\n');
  }
  return files;
}

/**
 * Runs a command; its wall time and the CPU time of it and its children (bash's `times`). On a shared machine
 * under load a run of more processes gets a larger share of the cores, so CPU time is what compares runs.
 */
function timed(args: string[]): { seconds: number; cpu: number; stdout: string; stderr: string } {
  const started = performance.now();
  const run = spawnSync('bash', ['-c', '"$@"; s=$?; times >&2; exit $s', 'timed', ...args], { encoding: 'utf8', maxBuffer: 1 << 30 });
  if (run.status !== 0 && run.status !== 3) throw new Error(`${args.slice(0, 3).join(' ')} exited ${run.status}: ${run.stderr}`);
  const children = /\n(\d+)m([\d.]+)s (\d+)m([\d.]+)s\n$/u.exec(run.stderr);
  const cpu = children ? Number(children[1]) * 60 + Number(children[2]) + Number(children[3]) * 60 + Number(children[4]) : NaN;
  return { seconds: (performance.now() - started) / 1000, cpu, stdout: run.stdout, stderr: run.stderr };
}

/** CPU seconds of a live process and of the children it has waited for (/proc/PID/stat: utime, stime, cutime, cstime). */
function cpuOf(pid: number): number {
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').replace(/^.*\) /su, '').split(' ');
  return (Number(fields[11]) + Number(fields[12]) + Number(fields[13]) + Number(fields[14])) / 100;
}

type Rec = { id: string; url: string | null; repeats?: { url: string }[]; error?: unknown };
const records = (text: string) => text.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as Rec);

/** Repeats, and those first seen in another shard than the page's. */
function repeatCounts(byShard: Rec[][]): { repeats: number; across: number } {
  const shardOf = new Map<string, number>();
  byShard.forEach((recs, s) => recs.forEach((r) => shardOf.set(r.url ?? r.id, s)));
  let repeats = 0;
  let across = 0;
  byShard.forEach((recs, s) =>
    recs.forEach((r) => {
      for (const seen of r.repeats ?? []) {
        repeats++;
        if (shardOf.get(seen.url) !== s) across++;
      }
    }),
  );
  return { repeats, across };
}

async function daskRun(corpus: string, out: string): Promise<{ seconds: number; cpu: number; summary: string }> {
  const children: ChildProcess[] = [];
  const spawnLogged = (command: string, args: string[]) => {
    const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'] });
    let log = '';
    child.stderr!.on('data', (d: Buffer) => (log += d));
    children.push(child);
    return () => log;
  };
  try {
    const file = path.join(work, 'scheduler.json');
    spawnLogged('/usr/bin/dask-scheduler', ['--host', '127.0.0.1', '--port', '0', '--no-dashboard', '--scheduler-file', file]);
    const logs = [1, 2].map((n) => spawnLogged('/usr/bin/dask-worker', ['--scheduler-file', file, '--nthreads', '1', '--no-nanny', '--local-directory', path.join(work, `w${n}`)]));
    for (let waited = 0; !logs.every((log) => log().includes('Registered to:')); waited++) {
      if (waited > 1200) throw new Error('the Dask workers did not register in 60 s');
      await new Promise((r) => setTimeout(r, 50));
    }
    const address = (JSON.parse(readFileSync(file, 'utf8')) as { address: string }).address;
    const run = timed(['/usr/bin/python3', path.join(root, 'examples', 'dask', 'readonce_dask.py'), '--scheduler', address, corpus, out, '--readonce', `${process.execPath} ${cli}`, '--time', '2024-06-01T00:00:00Z']);
    // The scheduler's and workers' own CPU and that of the readonce processes they ran, and the driver's.
    const cpu = children.reduce((n, child) => n + cpuOf(child.pid!), 0) + run.cpu;
    return { seconds: run.seconds, cpu, summary: run.stdout };
  } finally {
    for (const child of children) child.kill('SIGTERM');
  }
}

if (values.dask || values.synthetic) {
  const shards = Number(values.shards);
  const corpus = path.join(work, 'corpus');
  let files: string[];
  if (values.synthetic) {
    mkdirSync(corpus);
    files = shardLines(syntheticCorpus(Number(values.synthetic)), shards).map((lines, s) => {
      const file = path.join(corpus, `shard-${String(s).padStart(2, '0')}.jsonl`);
      writeFileSync(file, lines);
      return file;
    });
  } else files = pageShards(path.resolve(values.dask!), shards, values.pages ? Number(values.pages) : undefined, corpus);
  const time = ['--time', '2024-06-01T00:00:00Z'];
  const one = timed([process.execPath, cli, 'batch', ...files, '--jobs', '2', '--memory', path.join(work, 'one.json'), ...time]);
  const oneRecords = records(one.stdout);
  const pages = oneRecords.length;
  let perShardSeconds = 0;
  const perShard = files.map((f, s) => {
    const run = timed([process.execPath, cli, 'batch', f, '--jobs', '2', '--memory', path.join(work, `shard-${s}.json`), ...time]);
    perShardSeconds += run.seconds;
    return records(run.stdout);
  });
  const dask = await daskRun(corpus, path.join(work, 'out'));
  const daskText = files.map((f) => readFileSync(path.join(work, 'out', 'clean', path.basename(f)), 'utf8')).join('');
  const equal = daskText === one.stdout;
  let at = 0;
  const oneByShard = perShard.map((recs) => oneRecords.slice(at, (at += recs.length)));
  const corpusCounts = repeatCounts(oneByShard);
  const shardCounts = repeatCounts(perShard);
  console.log(`\n${pages} pages of ${values.synthetic ? `the synthetic corpus (scripts/lib/synthetic-corpus.ts)` : values.dask} in ${shards} shards (load average ${(await import('node:os')).loadavg().map((l) => l.toFixed(1)).join(' ')})\n`);
  table(
    ['run', 'wall s', 'pages/s', 'CPU s', 'pages per CPU s', 'repeats', 'first seen in another shard'],
    [
      ['readonce batch --jobs 2 --memory (one process)', fmt(one.seconds, 1), fmt(pages / one.seconds, 2), fmt(one.cpu, 1), fmt(pages / one.cpu, 2), fmt(corpusCounts.repeats), fmt(corpusCounts.across)],
      ['Dask, 2 workers: sketch, memory build, batch --memory', fmt(dask.seconds, 1), fmt(pages / dask.seconds, 2), fmt(dask.cpu, 1), fmt(pages / dask.cpu, 2), fmt(corpusCounts.repeats), fmt(corpusCounts.across)],
      ['readonce batch --jobs 2 --memory per shard (a memory each)', fmt(perShardSeconds, 1), '', '', '', fmt(shardCounts.repeats), fmt(shardCounts.across)],
    ],
  );
  console.log(`\nDask output ${equal ? 'equals' : 'DIFFERS FROM'} the one-process output, record for record.\n${dask.summary}`);
  if (!equal) process.exitCode = 1;
}

if (!values.build && !values.dask && !values.synthetic) {
  console.error('Give --build, --dask DIR or --synthetic N (see the header of scripts/bench-corpus.ts).');
  process.exitCode = 2;
}
