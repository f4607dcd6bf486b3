/**
 * `readonce batch` against the single-page CLI and against Readability alone, as a table:
 *   node --import tsx scripts/bench-batch.ts [DIR] [--pages N] [--cli-sample N] [--runs N]
 * The corpus's pages (default ../shared/eval-dev, 88 pages) are repeated, as links in a temporary directory,
 * to at least N pages (default 2,000). Each system runs in its own process, on the built CLI (dist/node):
 * - Readability alone: one process, a jsdom window per page and Readability.parse, nothing else (the anchor);
 * - the single-page CLI: one process per page, on a sample of the pages (Node and jsdom start every time);
 * - readonce batch --jobs 1 and --jobs 2: the whole pipeline, Markdown and HTML included, JSON lines written.
 * pages/s is pages over wall time, process start included; peak RSS is the process's (workers included).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { corpusDir } from './lib/corpus.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    pages: { type: 'string', default: '2000' },
    'cli-sample': { type: 'string', default: '20' },
    runs: { type: 'string', default: '1' },
  },
});
const root = path.resolve(import.meta.dirname, '..');
const dir = corpusDir(positionals[0]);
const sources = readdirSync(path.join(dir, 'html')).filter((f) => /\.html(\.gz)?$/u.test(f)).sort().map((f) => path.join(dir, 'html', f));
const copies = Math.ceil(Number(values.pages) / sources.length);
const runs = Math.max(1, Number(values.runs));

execFileSync(process.execPath, [path.join(root, 'scripts', 'build-node.mjs')], { cwd: root, stdio: 'inherit' });
const cli = path.join(root, 'dist', 'node', 'cli.js');

const work = mkdtempSync(path.join(tmpdir(), 'readonce-bench-batch-'));
const corpus = path.join(work, 'corpus');
for (let c = 0; c < copies; c++) {
  const sub = path.join(corpus, `copy-${String(c).padStart(3, '0')}`);
  mkdirSync(sub, { recursive: true });
  for (const file of sources) symlinkSync(file, path.join(sub, path.basename(file)));
}
const pages = copies * sources.length;

interface Row {
  system: string;
  pages: number;
  secs: number;
  rssMb: number | null;
}
const rows: Row[] = [];

// Readability alone, in one process: the cost of parsing each page in jsdom and finding its article.
const anchor = path.join(work, 'readability-alone.mjs');
writeFileSync(
  anchor,
  `import { readdirSync, readFileSync } from 'node:fs';
import { gunzipSync } from 'node:zlib';
import { JSDOM, VirtualConsole } from ${JSON.stringify(path.join(root, 'node_modules', 'jsdom', 'lib', 'api.js'))};
import { Readability } from ${JSON.stringify(path.join(root, 'node_modules', '@mozilla', 'readability', 'index.js'))};
const start = performance.now();
let n = 0;
for (const sub of readdirSync(process.argv[2]).sort()) {
  for (const file of readdirSync(process.argv[2] + '/' + sub).sort()) {
    const bytes = readFileSync(process.argv[2] + '/' + sub + '/' + file);
    const html = (file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
    const dom = new JSDOM(html, { url: 'https://example.com/', virtualConsole: new VirtualConsole() });
    new Readability(dom.window.document).parse();
    dom.window.close();
    n++;
  }
}
console.log(JSON.stringify({ pages: n, secs: (performance.now() - start) / 1000, rssMb: process.resourceUsage().maxRSS / 1024 }));
`,
);

function timed<T>(fn: () => T): [T, number] {
  const start = performance.now();
  const out = fn();
  return [out, (performance.now() - start) / 1000];
}

function readabilityAlone(): void {
  const [out, secs] = timed(() => execFileSync(process.execPath, [anchor, corpus], { encoding: 'utf8', maxBuffer: 1 << 20 }));
  const inner = JSON.parse(out) as { pages: number; rssMb: number };
  row({ system: 'Readability alone (one process)', pages: inner.pages, secs, rssMb: inner.rssMb });
}

/** The single-page CLI: a process per page, on the first pages. */
function singlePage(): void {
  const sample = sources.slice(0, Number(values['cli-sample']));
  let rss = 0;
  const [, secs] = timed(() => {
    for (const file of sample) {
      const bytes = readFileSync(file);
      const html = file.endsWith('.gz') ? gunzipSync(bytes) : bytes;
      // /usr/bin/time -f %M gives the process's peak RSS in KB.
      const res = spawnSync('/usr/bin/time', ['-f', '%M', process.execPath, cli, '--format', 'json'], { input: html, maxBuffer: 64 << 20 });
      rss = Math.max(rss, Number(res.stderr.toString().trim().split('\n').at(-1)) / 1024 || 0);
    }
  });
  row({ system: `single-page CLI (${sample.length} runs)`, pages: sample.length, secs, rssMb: rss || null });
}

function batch(jobs: number): void {
  const [res, secs] = timed(() =>
    spawnSync(process.execPath, [cli, 'batch', corpus, '--jobs', String(jobs), '--out', path.join(work, `out-${jobs}.jsonl`)], { encoding: 'utf8' }),
  );
  const done = Number(/pages +(\d+)/u.exec(res.stderr)?.[1] ?? 0);
  const peak = Number(/peak RSS +(\d+) MB/u.exec(res.stderr)?.[1] ?? NaN);
  if (done !== pages) console.error(`batch --jobs ${jobs} did ${done} of ${pages} pages:\n${res.stderr}`);
  row({ system: `readonce batch --jobs ${jobs}`, pages: done, secs, rssMb: peak });
}

console.log(`Batch: ${pages} pages (${sources.length} corpus pages × ${copies}), ${runs} run(s); pages/s includes process start\n`);
console.log('| system | pages | seconds | pages/s | peak RSS MB |');
console.log('|---|---|---|---|---|');
const rate = (r: Row) => r.pages / r.secs;
// Each row is printed as soon as it is measured: the whole table takes many minutes.
function row(r: Row): void {
  rows.push(r);
  console.log(`| ${r.system} | ${r.pages} | ${r.secs.toFixed(1)} | ${rate(r).toFixed(2)} | ${r.rssMb === null ? '–' : Math.round(r.rssMb)} |`);
}
for (let r = 0; r < runs; r++) {
  batch(1);
  readabilityAlone();
  batch(2);
  singlePage();
}

const best = (prefix: string) => Math.max(...rows.filter((r) => r.system.startsWith(prefix)).map(rate));
const anchorRate = best('Readability alone');
const one = best('readonce batch --jobs 1');
const two = best('readonce batch --jobs 2');
console.log(`\n--jobs 1 / Readability alone: ${(one / anchorRate).toFixed(2)} (target ≥ 0.8); --jobs 2 / --jobs 1: ${(two / one).toFixed(2)} (target ≥ 1.7); best of ${runs} run(s)`);
console.log(`single-page CLI: ${(1 / best('single-page CLI')).toFixed(2)} s a page; batch --jobs 1: ${(1 / one).toFixed(3)} s a page`);
rmSync(work, { recursive: true, force: true });
