/**
 * Scores ReadOnce and Readability alone on the WCXB benchmark (default ../shared/wcxb-dev), side by side, with
 * the benchmark's own metric (scripts/lib/wcxb.ts): word F1, precision and recall per page, averaged per page
 * type and overall, and the share of must-include (With%) and boilerplate (Without%) snippets found.
 *   npm run eval:wcxb -- [DIR] [--type T] [--worst N] [--page ID] [--jobs N] [--markdown]
 * --worst N lists each type's N lowest pages (ReadOnce F1, with Readability's beside it and what the engine read
 * the page as); --page ID prints one page's text beside the truth's words it lacks and has too many of.
 * Pages run on every core (worker threads); ReadOnce's text is its kept blocks as plain text, without the title.
 * --markdown also writes the two tables into their section of docs/benchmarks.md.
 */
import { availableParallelism } from 'node:os';
import { parseArgs } from 'node:util';
import { Worker } from 'node:worker_threads';
import { DEFAULT_WCXB, PAGE_TYPES, readTruth, scoreWcxb, type WcxbScore, type WcxbTruth, wcxbDir, wcxbIds } from './lib/wcxb.ts';
import type { WcxbPageText } from './lib/wcxb-worker.ts';
import { BENCHMARKS_MD, commandLine, provenance, Report, writeSection } from './lib/markdown-section.ts';
import path from 'node:path';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { type: { type: 'string' }, worst: { type: 'string' }, page: { type: 'string' }, jobs: { type: 'string' }, markdown: { type: 'boolean' } },
});
if (values.markdown && (values.type || values.page)) {
  console.error('--markdown writes the tables of every page: leave out --type and --page');
  process.exit(2);
}
const dir = wcxbDir(positionals[0]);
let truths = wcxbIds(dir).map((id) => readTruth(dir, id));
if (values.type) truths = truths.filter((t) => t.type === values.type);
if (values.page) truths = truths.filter((t) => t.id === values.page);
const unscored = truths.filter((t) => t.main === null).length;
truths = truths.filter((t) => t.main !== null);

const started = performance.now();
const texts = await textsInWorkers(truths, Number(values.jobs ?? availableParallelism()));
const secs = (performance.now() - started) / 1000;

interface Row {
  truth: WcxbTruth;
  text: WcxbPageText;
  ours: WcxbScore;
  base: WcxbScore;
}
const rows: Row[] = truths.map((truth, i) => ({ truth, text: texts[i]!, ours: scoreWcxb(texts[i]!.ours, truth), base: scoreWcxb(texts[i]!.base, truth) }));


const mean = (xs: number[]) => (xs.length === 0 ? 0 : xs.reduce((a, b) => a + b, 0) / xs.length);
const pct = (xs: Array<number | null>) => {
  const known = xs.filter((x): x is number => x !== null);
  return known.length === 0 ? '–' : `${(100 * mean(known)).toFixed(1)}`;
};
const f = (n: number) => n.toFixed(3);

if (values.page) {
  for (const row of rows) printPage(row);
  process.exit(0);
}

function line(label: string, group: Row[]): string {
  const side = (pick: (r: Row) => WcxbScore) => {
    const s = group.map(pick);
    return `${f(mean(s.map((x) => x.f1)))} | ${f(mean(s.map((x) => x.precision)))} | ${f(mean(s.map((x) => x.recall)))} | ${pct(s.map((x) => x.withFound))} | ${pct(s.map((x) => x.withoutFound))}`;
  };
  const refused = group.filter((r) => r.text.ours === '').length;
  return `| ${label} | ${group.length} | ${side((r) => r.ours)} | ${side((r) => r.base)} | ${refused} |`;
}

const types = [...PAGE_TYPES.filter((t) => rows.some((r) => r.truth.type === t)), ...new Set(rows.map((r) => r.truth.type).filter((t) => !(PAGE_TYPES as readonly string[]).includes(t)))];
const tables = new Report();
tables.line(`Corpus: ${dir} (${rows.length} pages scored${unscored ? `, ${unscored} without main content not scored` : ''}; ${secs.toFixed(0)} s)\n`);
tables.line('| page type | pages | ReadOnce F1 | P | R | With% | Without% | Readability F1 | P | R | With% | Without% | ReadOnce empty |');
tables.line('|---|---|---|---|---|---|---|---|---|---|---|---|---|');
for (const type of types) tables.line(line(type, rows.filter((r) => r.truth.type === type)));
tables.line(line('**all**', rows));

// What the engine read each type as: a row per benchmark type, a column per reading (or refusal).
const readings = [...new Set(rows.map((r) => r.text.read))].sort();
tables.line(`\nWhat ReadOnce read the pages as (rows: the benchmark's type)\n`);
tables.line(`| page type | ${readings.join(' | ')} |`);
tables.line(`|---|${readings.map(() => '---').join('|')}|`);
for (const type of types) {
  const group = rows.filter((r) => r.truth.type === type);
  tables.line(`| ${type} | ${readings.map((k) => group.filter((r) => r.text.read === k).length).join(' | ')} |`);
}

if (values.markdown) {
  writeSection(BENCHMARKS_MD, 'eval-wcxb', `${provenance(commandLine('npm run eval:wcxb', process.argv.slice(2), DEFAULT_WCXB))}\n\n${tables.text.replace(/^Corpus: \S+/u, `Corpus: ${path.basename(dir)}`)}`, { append: true });
  console.log(`\nWritten to ${path.relative(process.cwd(), BENCHMARKS_MD)}.`);
}

const slow = [...rows].sort((a, b) => b.text.ms - a.text.ms).slice(0, 5);
console.log(`\nReadOnce's clean: ${(mean(rows.map((r) => r.text.ms))).toFixed(0)} ms a page on average; slowest ${slow.map((r) => `${r.truth.id} ${r.text.ms.toFixed(0)} ms`).join(', ')}`);

const worst = Number(values.worst ?? 0);
if (worst > 0) {
  for (const type of types) {
    console.log(`\n${type}: lowest pages (ReadOnce F1 P R, read as; Readability F1)`);
    const group = rows.filter((r) => r.truth.type === type).sort((a, b) => a.ours.f1 - b.ours.f1).slice(0, worst);
    for (const r of group) {
      console.log(`${r.truth.id}  ${f(r.ours.f1)} ${f(r.ours.precision)} ${f(r.ours.recall)}  ${r.text.read.padEnd(10)}  ${f(r.base.f1)}  ${r.truth.url.slice(0, 90)}`);
    }
  }
}

/**
 * Every page's texts, from worker threads that each take CHUNK pages and end: a page that takes its thread down
 * (out of memory) scores as an empty extraction for both systems, and is named.
 */
async function textsInWorkers(pages: WcxbTruth[], jobs: number): Promise<WcxbPageText[]> {
  const CHUNK = 25;
  const byId = new Map<string, WcxbPageText>();
  const queue = Array.from({ length: Math.ceil(pages.length / CHUNK) }, (_, i) => pages.slice(i * CHUNK, (i + 1) * CHUNK));
  const runChunk = (chunk: WcxbTruth[]) =>
    new Promise<void>((resolve) => {
      // The thread registers tsx's loader itself, then imports the TypeScript module (a .ts entry fails there).
      const worker = new Worker(`import('tsx/esm/api').then((tsx) => { tsx.register(); return import(${JSON.stringify(new URL('./lib/wcxb-worker.ts', import.meta.url).href)}); })`, {
        eval: true,
        workerData: { dir, pages: chunk.map((p) => ({ id: p.id, url: p.url })) },
        resourceLimits: { maxOldGenerationSizeMb: 4096 },
      });
      worker.on('message', (text: WcxbPageText) => byId.set(text.id, text));
      worker.on('error', (e) => {
        const lost = chunk.find((p) => !byId.has(p.id));
        if (lost) console.error(`${lost.id}: ${e.message}`);
      });
      worker.on('exit', () => {
        // The pages after one that took the thread down go round again in a thread of their own.
        const left = chunk.filter((p) => !byId.has(p.id));
        if (left.length > 0) {
          byId.set(left[0]!.id, { id: left[0]!.id, ours: '', read: 'crash', base: '', ms: 0 });
          if (left.length > 1) queue.push(left.slice(1));
        }
        resolve();
      });
    });
  const lane = async () => {
    for (let chunk = queue.shift(); chunk; chunk = queue.shift()) await runChunk(chunk);
  };
  await Promise.all(Array.from({ length: Math.max(1, jobs) }, lane));
  return pages.map((p) => byId.get(p.id)!);
}

function printPage({ truth, text, ours, base }: Row): void {
  console.log(`# ${truth.id} ${truth.type} ${truth.url}`);
  console.log(`ReadOnce (${text.read}): F1 ${f(ours.f1)} P ${f(ours.precision)} R ${f(ours.recall)}   Readability: F1 ${f(base.f1)}\n`);
  console.log(text.ours);
  const words = (s: string) => s.toLowerCase().match(/[\p{L}\p{N}\p{M}\p{Pc}]+/gu) ?? [];
  const count = (ws: string[]) => ws.reduce((m, w) => m.set(w, (m.get(w) ?? 0) + 1), new Map<string, number>());
  const have = count(words(text.ours));
  const want = count(words(truth.main ?? ''));
  const diff = (a: Map<string, number>, b: Map<string, number>) => [...a].flatMap(([w, n]) => Array<string>(Math.max(0, n - (b.get(w) ?? 0))).fill(w));
  console.log(`\n--- words of the truth missing (${diff(want, have).length}): ${diff(want, have).slice(0, 300).join(' ')}`);
  console.log(`--- words too many (${diff(have, want).length}): ${diff(have, want).slice(0, 300).join(' ')}`);
  for (const s of truth.with) if (!text.ours.toLowerCase().includes(s.toLowerCase())) console.log(`--- with, not found: ${s}`);
  for (const s of truth.without) if (text.ours.toLowerCase().includes(s.toLowerCase())) console.log(`--- without, found: ${s}`);
}
