/**
 * Scores ReadOnce against Readability alone on a corpus (default ../shared/eval-dev), with the corpus's metric.
 *   npm run eval -- [DIR] [--worst N] [--page ID] [--markdown]
 * --worst N lists the N pages where ReadOnce scores lowest; --page ID prints one page's prediction beside its
 * truth's missing and extra lines, to read what a rule did. --markdown also writes the table into its section of
 * docs/benchmarks.md and, on the default corpus, into the README's comparison table.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';
import { splitBlocks } from '../src/core/blocks.ts';
import { textBlocks } from '../src/core/format.ts';
import { parseHtml } from '../src/node/index.ts';
import { corpusDir, DEFAULT_CORPUS, readCorpus } from './lib/corpus.ts';
import { BENCHMARKS_MD, commandLine, isDefaultCorpus, measuredOn, provenance, README_MD, Report, writeSection } from './lib/markdown-section.ts';
import { type PageScore, pageF1, scoreCorpus, scorePage } from './lib/metric.ts';
import { cleanOrRefuse, readabilityArticle } from './lib/run.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { worst: { type: 'string' }, page: { type: 'string' }, markdown: { type: 'boolean' } } });
if (values.markdown && values.page) {
  console.error('--markdown writes the whole corpus\'s table: leave out --page');
  process.exit(2);
}
const dir = corpusDir(positionals[0]);

/** Readability's article as the blocks a reader sees, one per line. */
function readabilityText(doc: Document): string {
  const content = readabilityArticle(doc);
  return content ? splitBlocks(content).map((b) => (b.el.textContent ?? '').replace(/\s+/gu, ' ').trim()).join('\n') : '';
}

/** ReadOnce's article as the eval sees it: the blocks of its plain text (core's textBlocks), one per line. */
function readOnceText(doc: Document): string {
  const result = cleanOrRefuse(doc);
  return result instanceof Error ? '' : textBlocks(result.blocks).join('\n');
}

const rows: Array<{ id: string; base: PageScore; ours: PageScore; text: string; truth: string }> = [];
for (const page of readCorpus(dir)) {
  if (values.page && !page.id.startsWith(values.page)) continue;
  const doc = parseHtml(page.html, page.url);
  const text = readOnceText(doc);
  rows.push({ id: page.id, base: scorePage(readabilityText(doc), page.truth), ours: scorePage(text, page.truth), text, truth: page.truth });
}

if (values.page) {
  for (const row of rows) {
    const truthLines = new Set(row.truth.split('\n').map((l) => l.trim()));
    const ourLines = new Set(row.text.split('\n'));
    console.log(`# ${row.id}  P ${row.ours.precision.toFixed(3)}  R ${row.ours.recall.toFixed(3)}`);
    for (const line of row.text.split('\n')) console.log(`${truthLines.has(line) ? ' ' : '+'} ${line.slice(0, 160)}`);
    for (const line of truthLines) if (line && !ourLines.has(line)) console.log(`- ${line.slice(0, 160)}`);
  }
  process.exit(0);
}

const fmt = (n: number) => n.toFixed(4);
const base = scoreCorpus(rows.map((r) => r.base));
const ours = scoreCorpus(rows.map((r) => r.ours));
console.log(`Corpus: ${dir} (${rows.length} pages)\n`);
const table = new Report();
table.line('| system | F1 | precision | recall |');
table.line('|---|---|---|---|');
table.line(`| Readability alone (blocks joined by newlines) | ${fmt(base.f1)} | ${fmt(base.precision)} | ${fmt(base.recall)} |`);
table.line(`| ReadOnce | ${fmt(ours.f1)} | ${fmt(ours.precision)} | ${fmt(ours.recall)} |`);

if (values.markdown) {
  const command = commandLine('npm run eval', process.argv.slice(2), DEFAULT_CORPUS);
  const dev = isDefaultCorpus(dir, DEFAULT_CORPUS);
  const corpus = `${path.basename(dir)}, ${rows.length} pages`;
  writeSection(BENCHMARKS_MD, 'eval', `${provenance(command)} Corpus: ${corpus}.\n\n${table.text}`, { append: true });
  if (dev) {
    writeSection(README_MD, 'comparison', `${table.text}\n\nWord-shingle F1 on ${rows.length} news pages with human-marked article bodies (${path.basename(dir)}). Written by \`${command}\` (${measuredOn()}).`);
  }
  console.log(`\nWritten to ${path.relative(process.cwd(), BENCHMARKS_MD)}${dev ? ' and README.md' : ''}.`);
}

const worst = Number(values.worst ?? 0);
if (worst > 0) {
  console.log(`\nLowest pages (ReadOnce F1; Readability's beside it):`);
  for (const r of [...rows].sort((a, b) => pageF1(a.ours) - pageF1(b.ours)).slice(0, worst)) {
    console.log(`${r.id.slice(0, 12)}  P ${r.ours.precision.toFixed(3)} R ${r.ours.recall.toFixed(3)}   (Readability P ${r.base.precision.toFixed(3)} R ${r.base.recall.toFixed(3)})`);
  }
}
