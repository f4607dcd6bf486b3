/**
 * Speed, as tables:
 *   npm run bench -- [DIR] [--runs N] [--skip-corpus] [--skip-chromium] [--skip-click] [--skip-scaling] [--skip-memory] [--skip-batch] [--sizes N,N,…] [--markdown]
 * --markdown also writes each table run into its own section of docs/benchmarks.md (a part skipped keeps its
 * section as it was).
 * 1. On a corpus (default ../shared/eval-dev): ReadOnce's whole pipeline (copy, prune, Readability, rules,
 *    DOMPurify, Markdown) against Readability on the same parsed documents, in this process. Readability
 *    mutates what it is given, so a reader mode must copy the page first (Readability's README says so):
 *    the table gives the ratio both to Readability.parse alone (its copy made untimed) and to copy + parse.
 *    Then the same pages in Chromium (scripts/bench-chromium.ts: the engine alone, bundled and run on each
 *    page's live DOM), and the per-page ratios to clone + parse side by side. Then what a click on ReadOnce costs
 *    the page and how long the popup takes to answer, with the built extension (scripts/bench-click.ts).
 * 2. Scaling: synthetic articles of 1k to 32k blocks with duplicates and teasers; time per doubling, for
 *    ReadOnce and, beside it, for the baseline (clone + Readability.parse) on the same articles. Each size runs
 *    in its own process, so that one size's heap does not bill the next (in one process the 32k run pays for
 *    the garbage of all the sizes before it), and is timed after an untimed run of its own, in samples of the
 *    same number of blocks at every size (see timeSize).
 * 3. The reading memory: scripts/bench-memory.ts (its own header says what it measures).
 * 4. readonce batch against the single-page CLI and Readability alone: scripts/bench-batch.ts (minutes).
 */
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Readability } from '@mozilla/readability';
import { cleanDocument, parseHtml, ReadOnceError } from '../src/node/index.ts';
import { CONTENT_SCRIPT_OPTIONS, chromiumAvailable, timeInChromium } from './bench-chromium.ts';
import { corpusDir, DEFAULT_CORPUS, readCorpus } from './lib/corpus.ts';
import { BENCHMARKS_MD, commandLine, provenance, Report, writeSection } from './lib/markdown-section.ts';
import { median, quantile } from './lib/stats.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    runs: { type: 'string', default: '3' },
    'skip-corpus': { type: 'boolean' },
    'skip-scaling': { type: 'boolean' },
    'skip-memory': { type: 'boolean' },
    'skip-batch': { type: 'boolean' },
    'skip-chromium': { type: 'boolean' },
    'skip-click': { type: 'boolean' },
    markdown: { type: 'boolean' },
    // The scaling sizes, in blocks (default 1k to 32k): fewer or smaller for a quick run on a busy machine.
    sizes: { type: 'string', default: '1000,2000,4000,8000,16000,32000' },
    // Internal: time one synthetic size and print it as JSON (what each scaling process runs), for ReadOnce
    // or, with --scaling-baseline, for clone + Readability.parse.
    'scaling-size': { type: 'string' },
    'scaling-baseline': { type: 'boolean' },
  },
});
const runs = Math.max(1, Number(values.runs));
const command = commandLine('npm run bench', process.argv.slice(2), DEFAULT_CORPUS);

/** With --markdown, a part's table goes to its section of docs/benchmarks.md, stamped (see markdown-section.ts). */
function toDocs(section: string, report: Report | string): void {
  if (!values.markdown || values['scaling-size']) return;
  writeSection(BENCHMARKS_MD, section, `${provenance(command)}\n\n${typeof report === 'string' ? report : report.text}`, { append: true });
  console.log(`(written to docs/benchmarks.md, section ${section})`);
}

/** A part run as a script of its own: its output shown, and kept for its section. */
function runPart(script: string, args: readonly string[] = []): string {
  const out = execFileSync(process.execPath, [...process.execArgv, path.join(import.meta.dirname, script), ...args], { encoding: 'utf8', stdio: ['inherit', 'pipe', 'inherit'], maxBuffer: 64 * 1024 * 1024 });
  process.stdout.write(out);
  return out.trim();
}


function time(fn: () => void): number {
  const start = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

function pipeline(doc: Document): void {
  try {
    cleanDocument(doc);
  } catch (e) {
    if (!(e instanceof ReadOnceError)) throw e;
  }
}

/** Readability.parse on a fresh copy: [parse alone, copy + parse], in ms. */
function readabilityOnce(doc: Document): [number, number] {
  let copy: Document | undefined;
  const copying = time(() => (copy = doc.cloneNode(true) as Document));
  const parsing = time(() => new Readability(copy!).parse());
  return [parsing, copying + parsing];
}

if (!values['skip-corpus'] && !values['scaling-size']) {
  const dir = corpusDir(positionals[0]);
  const ratios: number[] = [];
  const ratiosWithCopy: number[] = [];
  let totalOurs = 0;
  let totalBase = 0;
  let totalBaseWithCopy = 0;
  for (const page of readCorpus(dir)) {
    const doc = parseHtml(page.html, page.url);
    pipeline(doc); // warm up
    readabilityOnce(doc);
    const ours: number[] = [];
    const base: number[] = [];
    const baseWithCopy: number[] = [];
    for (let i = 0; i < runs; i++) {
      const [parsing, withCopy] = readabilityOnce(doc);
      base.push(parsing);
      baseWithCopy.push(withCopy);
      ours.push(time(() => pipeline(doc)));
    }
    doc.defaultView?.close(); // an open jsdom window keeps its document alive for the rest of the run
    ratios.push(median(ours) / median(base));
    ratiosWithCopy.push(median(ours) / median(baseWithCopy));
    totalOurs += median(ours);
    totalBase += median(base);
    totalBaseWithCopy += median(baseWithCopy);
  }
  const jsdomTable = new Report();
  jsdomTable.line(`Corpus: ${path.basename(dir)} (${ratios.length} pages, median of ${runs} runs each), in jsdom\n`);
  jsdomTable.line('| measure | value |');
  jsdomTable.line('|---|---|');
  jsdomTable.line(`| Readability.parse alone, total | ${totalBase.toFixed(0)} ms |`);
  jsdomTable.line(`| Readability, copy of the page + parse, total | ${totalBaseWithCopy.toFixed(0)} ms |`);
  jsdomTable.line(`| ReadOnce whole pipeline (its copy included), total | ${totalOurs.toFixed(0)} ms |`);
  jsdomTable.line(`| per-page ratio ReadOnce / Readability.parse alone, median | ${median(ratios).toFixed(3)} |`);
  jsdomTable.line(`| per-page ratio ReadOnce / Readability.parse alone, p90 | ${quantile(ratios, 0.9).toFixed(3)} |`);
  jsdomTable.line(`| per-page ratio ReadOnce / (copy + Readability.parse), median | ${median(ratiosWithCopy).toFixed(3)} |`);
  jsdomTable.line(`| per-page ratio ReadOnce / (copy + Readability.parse), p90 | ${quantile(ratiosWithCopy, 0.9).toFixed(3)} |`);
  toDocs('bench-jsdom', jsdomTable);
  console.log('');
  if (!values['skip-chromium'] && chromiumAvailable()) {
    const inChromium: number[] = [];
    for await (const t of timeInChromium(readCorpus(dir), { runs: Math.max(runs, 5), options: CONTENT_SCRIPT_OPTIONS })) inChromium.push(t.ours / t.base);
    const bothTable = new Report();
    bothTable.line(`Corpus: ${path.basename(dir)} (${ratios.length} pages). Per-page ratio of ReadOnce to what every reader mode runs, a copy of the page + Readability.parse;`);
    bothTable.line('jsdom: the CLI\'s clean (Markdown included); Chromium: the engine alone on the live page (Markdown on demand)\n');
    bothTable.line('| per-page ratio | jsdom | Chromium |');
    bothTable.line('|---|---|---|');
    bothTable.line(`| median | ${median(ratiosWithCopy).toFixed(3)} | ${median(inChromium).toFixed(3)} |`);
    bothTable.line(`| p90 | ${quantile(ratiosWithCopy, 0.9).toFixed(3)} | ${quantile(inChromium, 0.9).toFixed(3)} |`);
    toDocs('bench-chromium', bothTable);
    console.log('');
  }
  // A toolbar click with the built extension: the page's main-thread time, click to article, the 200k-element page.
  if (!values['skip-chromium'] && !values['skip-click'] && chromiumAvailable()) {
    toDocs('bench-click', runPart('bench-click.ts', [dir, '--runs', String(Math.max(runs, 3)), '--floor']));
    console.log('');
  }
}

/** A deterministic article of n blocks: prose with some exact repeats, truncated teasers and headings. */
function syntheticArticle(n: number): string {
  let seed = 42;
  const rand = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
  const vocabulary = 'the council river market winter policy station harbour school report budget village engineer storm museum'.split(' ');
  const sentence = () => Array.from({ length: 12 + Math.floor(rand() * 12) }, () => vocabulary[Math.floor(rand() * vocabulary.length)]).join(' ') + '.';
  const prose: string[] = [];
  const blocks: string[] = [];
  for (let i = 0; i < n; i++) {
    const r = rand();
    const earlier = prose[Math.floor(rand() * prose.length)];
    if (earlier && r < 0.03) blocks.push(`<p>${earlier}</p>`); // an exact repeat
    else if (earlier && r < 0.06) blocks.push(`<p>${earlier.slice(0, 60)}…</p>`); // a truncated teaser
    else if (r < 0.08) blocks.push(`<h2>Section ${i}</h2>`);
    else {
      prose.push(`Paragraph ${i}: ${sentence()} ${sentence()}`);
      blocks.push(`<p>${prose.at(-1)}</p>`);
    }
  }
  return `<!doctype html><html><head><title>Synthetic article of ${n} blocks</title></head><body><article><h1>Synthetic article of ${n} blocks</h1>${blocks.join('\n')}</article></body></html>`;
}

/** The blocks one timed sample cleans at every size: 32 articles of 1k blocks, 16 of 2k, …, one of 32k. */
const SAMPLE_BLOCKS = 32_000;

/**
 * One scaling size, in this process: one untimed run at n blocks (compiled code, and a heap grown to the
 * size's needs), then the fastest of the samples, each cleaning SAMPLE_BLOCKS blocks' worth of n-block
 * articles, per article. Every size so does the same work a sample and pays the collector at the same cadence:
 * a single 1k run (0.3 s) may fall between two major collections that a 2k run cannot, which made the first
 * step read 2.4× in three runs out of three while 2k to 32k read 1.8 to 2.3×. (A forced collection before
 * each run is no cure: it shrinks the young generation, and the next run at 1k blocks took twice as long.)
 */
function timeSize(n: number, clean: (doc: Document) => void): { elements: number; ms: number } {
  const doc = parseHtml(syntheticArticle(n), 'https://example.com/synthetic');
  clean(doc);
  const articles = Math.max(1, Math.round(SAMPLE_BLOCKS / n));
  const samples = Array.from({ length: runs }, () => time(() => {
    for (let i = 0; i < articles; i++) clean(doc);
  }) / articles);
  return { elements: doc.getElementsByTagName('*').length, ms: Math.min(...samples) };
}

const baseline = (doc: Document) => void new Readability(doc.cloneNode(true) as Document).parse();

/** One size in a process of its own: ReadOnce's pipeline, or the baseline. */
function timeSizeApart(n: number, ofBaseline: boolean): { elements: number; ms: number } {
  const args = [...process.execArgv, import.meta.filename, '--skip-corpus', '--runs', String(runs), '--scaling-size', String(n), ...(ofBaseline ? ['--scaling-baseline'] : [])];
  const out = execFileSync(process.execPath, args, { encoding: 'utf8' });
  return JSON.parse(out.trim().split('\n').at(-1)!) as { elements: number; ms: number };
}

if (values['scaling-size']) {
  console.log(JSON.stringify(timeSize(Number(values['scaling-size']), values['scaling-baseline'] ? baseline : pipeline)));
} else if (!values['skip-scaling']) {
  const scaling = new Report();
  scaling.line(`Scaling: synthetic articles (ms an article, fastest of ${runs} samples of ${SAMPLE_BLOCKS.toLocaleString('en')} blocks each, each size and each system in its own process)\n`);
  scaling.line('| blocks | elements | ReadOnce ms | × previous | clone + Readability.parse ms | × previous |');
  scaling.line('|---|---|---|---|---|---|');
  const sizes = values.sizes.split(',').map(Number);
  if (sizes.length < 2 || sizes.some((n) => !Number.isInteger(n) || n < 1)) {
    console.error('--sizes takes two or more block counts, such as 1000,2000,4000');
    process.exit(2);
  }
  const times: { ours: number; base: number }[] = [];
  const step = (now: number, before: number | undefined) => (before ? (now / before).toFixed(2) : '–');
  for (const [i, n] of sizes.entries()) {
    const { elements, ms: ours } = timeSizeApart(n, false);
    const { ms: base } = timeSizeApart(n, true);
    scaling.line(`| ${n} | ${elements} | ${ours.toFixed(0)} | ${step(ours, times[i - 1]?.ours)} | ${base.toFixed(0)} | ${step(base, times[i - 1]?.base)} |`);
    times.push({ ours, base });
  }
  // One slow size moves two steps in opposite directions; the whole range says how the cost grows.
  const doublings = Math.log2(sizes.at(-1)! / sizes[0]!);
  const overall = (pick: (t: { ours: number; base: number }) => number) => (pick(times.at(-1)!) / pick(times[0]!)) ** (1 / doublings);
  scaling.line(`\n${sizes[0]} to ${sizes.at(-1)} blocks, a doubling on average: ReadOnce ${overall((t) => t.ours).toFixed(2)}×, clone + Readability.parse ${overall((t) => t.base).toFixed(2)}×`);
  toDocs('bench-scaling', scaling);
}

// 3. The reading memory (scripts/bench-memory.ts): lookup and record times at 1k, 10k and 100k articles.
if (!values['scaling-size'] && !values['skip-memory']) {
  console.log('');
  toDocs('bench-memory', runPart('bench-memory.ts'));
}
// 4. readonce batch (scripts/bench-batch.ts): pages/s for --jobs 1 and 2 on the corpus repeated to 2,000 pages.
if (!values['scaling-size'] && !values['skip-batch']) {
  console.log('');
  toDocs('bench-batch', runPart('bench-batch.ts', positionals));
}
