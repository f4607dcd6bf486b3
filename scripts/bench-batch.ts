/**
 * `readonce batch` against the single-page CLI and against Readability alone, as a table:
 *   node --import tsx scripts/bench-batch.ts [DIR] [--pages N] [--cli-sample N] [--runs N] [--only LIST]
 * The corpus's pages (default ../shared/eval-dev, 88 pages) are repeated, as links in a temporary directory,
 * to N pages (default 2,024: 88 × 23). Each system runs in its own process, on the built CLI (dist/node):
 * - Readability alone: one process that reads and parses pages as a batch worker does (one jsdom window for
 *   WINDOW_PAGES pages, a fresh document each), then Readability.parse() and nothing else (the anchor);
 * - the single-page CLI: one process per page, on a sample of the pages (Node and jsdom start every time);
 * - readonce batch --jobs 1 and --jobs 2: the whole pipeline, Markdown and HTML included, JSON lines written.
 * pages/s is pages over wall time, process start included; CPU is user + system seconds of the process and
 * its threads (cores busy: CPU over wall time); peak RSS is the process's (workers included).
 * --only anchor,cli,jobs1,jobs2 picks systems (quick runs while developing). Load averages are printed
 * before and after: the machine may be shared.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { WINDOW_PAGES } from '../src/cli/batch/page-cleaner.ts';
import { corpusDir } from './lib/corpus.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    pages: { type: 'string', default: '2024' },
    'cli-sample': { type: 'string', default: '20' },
    runs: { type: 'string', default: '1' },
    only: { type: 'string', default: 'jobs1,anchor,jobs2,cli' },
  },
});
const root = path.resolve(import.meta.dirname, '..');
const dir = corpusDir(positionals[0]);
const sources = readdirSync(path.join(dir, 'html')).filter((f) => /\.html(\.gz)?$/u.test(f)).sort().map((f) => path.join(dir, 'html', f));
const wanted = Math.max(1, Number(values.pages));
const copies = Math.ceil(wanted / sources.length);
const runs = Math.max(1, Number(values.runs));
const only = new Set(values.only.split(','));

execFileSync(process.execPath, [path.join(root, 'scripts', 'build-node.mjs')], { cwd: root, stdio: 'inherit' });
const cli = path.join(root, 'dist', 'node', 'cli.js');

const work = mkdtempSync(path.join(tmpdir(), 'readonce-bench-batch-'));
const corpus = path.join(work, 'corpus');
for (let c = 0; c < copies; c++) {
  const sub = path.join(corpus, `copy-${String(c).padStart(3, '0')}`);
  mkdirSync(sub, { recursive: true });
  // The last copy holds only what is left, so the corpus has exactly N pages.
  for (const file of sources.slice(0, Math.min(sources.length, wanted - c * sources.length))) symlinkSync(file, path.join(sub, path.basename(file)));
}
const pages = wanted;

interface Row {
  system: string;
  pages: number;
  secs: number;
  cpuSecs: number | null;
  rssMb: number | null;
  errors?: string;
}
const rows: Row[] = [];

// Readability alone, in one process, read and parsed as a batch worker does (src/cli/batch/page-cleaner.ts):
// files streamed one at a time, each parsed by DOMParser into a fresh document of one jsdom window, replaced
// every WINDOW_PAGES pages, the event loop let turn between pages; then Readability.parse() and nothing else.
// (A new JSDOM per page, as this anchor once did, pays a window per page and ran out of a 4 GB heap.)
const anchor = path.join(work, 'readability-alone.mjs');
writeFileSync(
  anchor,
  `import { readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { JSDOM, VirtualConsole } from ${JSON.stringify(path.join(root, 'node_modules', 'jsdom', 'lib', 'api.js'))};
import { Readability } from ${JSON.stringify(path.join(root, 'node_modules', '@mozilla', 'readability', 'index.js'))};
const [dir, windowPages] = [process.argv[2], Number(process.argv[3])];
const blank = () => new JSDOM('<!doctype html><title></title>', { url: 'about:blank', virtualConsole: new VirtualConsole() });
const start = performance.now();
let dom = blank();
let inWindow = 0;
let n = 0;
for (const sub of readdirSync(dir).sort()) {
  for (const file of readdirSync(dir + '/' + sub).sort()) {
    if (++inWindow > windowPages) {
      dom.window.close();
      dom = blank();
      inWindow = 1;
    }
    const bytes = readFileSync(dir + '/' + sub + '/' + file);
    const html = (file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
    dom.reconfigure({ url: 'https://example.com/' + file });
    const doc = new dom.window.DOMParser().parseFromString(html, 'text/html');
    new Readability(doc).parse();
    n++;
    await new Promise((resolve) => setImmediate(resolve));
  }
}
console.log(JSON.stringify({ pages: n, secs: (performance.now() - start) / 1000, rssMb: process.resourceUsage().maxRSS / 1024 }));
`,
);

/** Runs a process under /usr/bin/time: its wall seconds, CPU seconds (user + system) and peak RSS. */
function measure(args: string[], input?: Buffer): { stdout: string; stderr: string; secs: number; cpuSecs: number; rssMb: number } {
  const started = performance.now();
  const res = spawnSync('/usr/bin/time', ['-f', '%U %S %M', process.execPath, ...args], { input, maxBuffer: 64 << 20 });
  const secs = (performance.now() - started) / 1000;
  const stderr = res.stderr.toString();
  const [user, sys, kb] = stderr.trim().split('\n').at(-1)!.split(' ').map(Number) as [number, number, number];
  return { stdout: res.stdout.toString(), stderr, secs, cpuSecs: user + sys, rssMb: kb / 1024 };
}

function readabilityAlone(): void {
  const res = measure([anchor, corpus, String(WINDOW_PAGES)]);
  const inner = JSON.parse(res.stdout) as { pages: number };
  if (inner.pages !== pages) console.error(`Readability alone did ${inner.pages} of ${pages} pages:\n${res.stderr}`);
  row({ system: 'Readability alone (one process)', pages: inner.pages, secs: res.secs, cpuSecs: res.cpuSecs, rssMb: res.rssMb });
}

/** The single-page CLI: a process per page, on the first pages. */
function singlePage(): void {
  const sample = sources.slice(0, Number(values['cli-sample']));
  let rss = 0;
  let cpu = 0;
  let secs = 0;
  for (const file of sample) {
    const bytes = readFileSync(file);
    const res = measure([cli, '--format', 'json'], file.endsWith('.gz') ? gunzipSync(bytes) : bytes);
    rss = Math.max(rss, res.rssMb);
    cpu += res.cpuSecs;
    secs += res.secs;
  }
  row({ system: `single-page CLI (${sample.length} runs)`, pages: sample.length, secs, cpuSecs: cpu, rssMb: rss });
}

function batch(jobs: number): void {
  const res = measure([cli, 'batch', corpus, '--jobs', String(jobs), '--out', path.join(work, `out-${jobs}.jsonl`)]);
  const done = Number(/pages +(\d+)/u.exec(res.stderr)?.[1] ?? 0);
  const errors = /errors +(\d+.*)/u.exec(res.stderr)?.[1] ?? '?';
  if (done !== pages) console.error(`batch --jobs ${jobs} did ${done} of ${pages} pages:\n${res.stderr}`);
  row({ system: `readonce batch --jobs ${jobs}`, pages: done, secs: res.secs, cpuSecs: res.cpuSecs, rssMb: res.rssMb, errors });
}

const load = () => loadavg().map((l) => l.toFixed(1)).join(' ');
console.log(`Batch: ${pages} pages (${sources.length} corpus pages repeated), ${runs} run(s), ${cpus().length} cores, load average ${load()}; pages/s includes process start\n`);
console.log('| system | pages | seconds | pages/s | CPU s a page | cores busy | peak RSS MB | error records |');
console.log('|---|---|---|---|---|---|---|---|');
const rate = (r: Row) => r.pages / r.secs;
// Each row is printed as soon as it is measured: the whole table takes many minutes.
function row(r: Row): void {
  rows.push(r);
  const cpu = r.cpuSecs === null ? '–' : (r.cpuSecs / r.pages).toFixed(3);
  // CPU over wall time: above 1 for one worker means V8's collector threads and the main thread work beside it.
  const busy = r.cpuSecs === null ? '–' : (r.cpuSecs / r.secs).toFixed(2);
  console.log(`| ${r.system} | ${r.pages} | ${r.secs.toFixed(1)} | ${rate(r).toFixed(2)} | ${cpu} | ${busy} | ${r.rssMb === null ? '–' : Math.round(r.rssMb)} | ${r.errors ?? '–'} |`);
}
for (let r = 0; r < runs; r++) {
  if (only.has('jobs1')) batch(1);
  if (only.has('anchor')) readabilityAlone();
  if (only.has('jobs2')) batch(2);
  if (only.has('cli')) singlePage();
}

const best = (prefix: string) => {
  const rates = rows.filter((r) => r.system.startsWith(prefix)).map(rate);
  return rates.length ? Math.max(...rates) : NaN;
};
const anchorRate = best('Readability alone');
const one = best('readonce batch --jobs 1');
const two = best('readonce batch --jobs 2');
const ratio = (a: number, b: number) => (Number.isFinite(a / b) ? (a / b).toFixed(2) : '–');
console.log(`\nload average after: ${load()}; best of ${runs} run(s)`);
console.log(`--jobs 1 / Readability alone: ${ratio(one, anchorRate)} (target ≥ 0.8); --jobs 2 / --jobs 1: ${ratio(two, one)} (target ≥ 1.7)`);
// What --jobs 2 could reach with every core to itself: --jobs 1 already keeps more than one core busy (the
// collector's threads), and a page costs more CPU with two workers.
const first = (prefix: string) => rows.find((r) => r.system.startsWith(prefix) && r.cpuSecs !== null);
const [r1, r2] = [first('readonce batch --jobs 1'), first('readonce batch --jobs 2')];
if (r1 && r2) {
  const [cpu1, cpu2] = [r1.cpuSecs! / r1.pages, r2.cpuSecs! / r2.pages];
  const ceiling = (Math.min(cpus().length, 2) / (r1.cpuSecs! / r1.secs)) * (cpu1 / cpu2);
  console.log(`--jobs 2 / --jobs 1 ceiling with ${Math.min(cpus().length, 2)} free cores: ${ceiling.toFixed(2)} (--jobs 1 keeps ${(r1.cpuSecs! / r1.secs).toFixed(2)} cores busy; CPU a page ${cpu1.toFixed(3)} s with one worker, ${cpu2.toFixed(3)} s with two)`);
}
console.log(`seconds a page: single-page CLI ${ratio(1, best('single-page CLI'))}, batch --jobs 1 ${ratio(1, one)}, Readability alone ${ratio(1, anchorRate)}`);
rmSync(work, { recursive: true, force: true });
