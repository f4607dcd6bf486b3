/**
 * How the engine holds up on pages built to be big or pathological. Prints a table: case, elements, bytes,
 * ms to parse (jsdom), ms for Readability alone on the parsed page, ms for cleanHtml (parse included), outcome.
 * Each case runs in its own process with a time limit, so one that hangs is reported, not waited for.
 *
 *   node --import tsx scripts/bench-hostile.ts              all cases (limit 60 s each)
 *   node --import tsx scripts/bench-hostile.ts cards-5000   one case; --limit=SECONDS to change the limit
 *
 * The issue's targets: a 20 MB page with 200k elements gives a result or "too large" within 10 s; 5,000
 * near-identical teaser cards do not go quadratic (compare the cards rows as n doubles).
 */
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { Readability } from '@mozilla/readability';
import { cleanHtml, cleanText, parseHtml, ReadOnceError } from '../src/node/index.ts';

const SENTENCE = 'The city council approved the harbour budget late on Tuesday after a debate that lasted more than six hours.';
const article = (n = 8) => Array.from({ length: n }, (_, i) => `<p>Paragraph ${i}: ${SENTENCE} Residents from every district came to watch the vote.</p>`).join('\n');
const page = (body: string) => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Council approves the harbour budget</title></head><body>${body}</body></html>`;

/** ~20 MB and 200k elements: the article, then a huge price table of div rows (two elements, ~200 bytes each). */
function bigPage(elements: number): string {
  const rows: string[] = [];
  for (let i = 0; i < elements / 2; i++) rows.push(`<div class="row r${i % 97}"><span data-id="${i}">Item ${i}: harbour ferry ticket, adult return, weekday off-peak, price unchanged since last season (${i % 1000} pence)</span></div>`);
  return page(`<article><h1>Council approves the harbour budget</h1>${article()}</article><section class="prices">${rows.join('\n')}</section>`);
}

/** n teaser cards that differ only in a number: the shape of a "more stories" wall under an article. */
function cardsPage(n: number): string {
  const card = (i: number) =>
    `<div class="card"><a href="/story/${i}"><img src="/img/${i}.jpg" alt=""><h3>Council approves harbour budget after long night ${i % 7}</h3><p>The city council approved the harbour budget late on Tuesday after a debate that…</p></a></div>`;
  return page(`<article><h1>Council approves the harbour budget</h1>${article()}</article><section class="more">${Array.from({ length: n }, (_, i) => card(i)).join('\n')}</section>`);
}

/** The article under n nested divs: DOM walks that recurse, or rescan ancestors, show here. */
const nestedPage = (n: number) => page(`${'<div>'.repeat(n)}<article><h1>Council approves the harbour budget</h1>${article()}</article>${'</div>'.repeat(n)}`);

/** n copies of the same paragraph: the duplicate rules compare blocks with each other. */
const repeatsPage = (n: number) => page(`<article><h1>Council approves the harbour budget</h1>${article()}${`<p>${SENTENCE}</p>`.repeat(n)}</article>`);

/** One text node of about `mb` megabytes. */
const oneHugeParagraph = (mb: number) => page(`<article><h1>Council approves the harbour budget</h1><p>${`${SENTENCE} `.repeat(Math.round((mb * 1e6) / (SENTENCE.length + 1)))}</p></article>`);

const CASES: Record<string, () => { html?: string; text?: string }> = {
  'big-25k-elements': () => ({ html: bigPage(25_000) }),
  'big-50k-elements': () => ({ html: bigPage(50_000) }),
  'big-100k-elements': () => ({ html: bigPage(100_000) }),
  'big-200k-elements': () => ({ html: bigPage(200_000) }),
  'too-large-300k-elements': () => ({ html: bigPage(300_000) }),
  'cards-500': () => ({ html: cardsPage(500) }),
  'cards-1000': () => ({ html: cardsPage(1000) }),
  'cards-2000': () => ({ html: cardsPage(2000) }),
  'cards-5000': () => ({ html: cardsPage(5000) }),
  'nested-100': () => ({ html: nestedPage(100) }),
  'nested-200': () => ({ html: nestedPage(200) }),
  'nested-400': () => ({ html: nestedPage(400) }),
  'nested-800': () => ({ html: nestedPage(800) }),
  'nested-5000': () => ({ html: nestedPage(5000) }),
  'repeats-2000': () => ({ html: repeatsPage(2000) }),
  'repeats-8000': () => ({ html: repeatsPage(8000) }),
  'one-20mb-paragraph': () => ({ html: oneHugeParagraph(20) }),
  'text-20mb-100k-lines': () => ({ text: Array.from({ length: 100_000 }, (_, i) => `Line ${i}: ${SENTENCE} ${SENTENCE}`).join('\n\n') }),
};

interface Row {
  case: string;
  elements: number | string;
  bytes: number;
  parseMs: number | string;
  readabilityMs: number | string;
  cleanMs: number | string;
  outcome: string;
}

function outcomeOf(run: () => { blocks: unknown[]; removed: unknown[] }): { ms: number; outcome: string } {
  const start = performance.now();
  let outcome: string;
  try {
    const result = run();
    outcome = `result: ${result.blocks.length} blocks, ${result.removed.length} removed`;
  } catch (e) {
    outcome = e instanceof ReadOnceError ? `ReadOnceError ${e.code}: ${e.message}` : `THROWS ${(e as Error).name}: ${(e as Error).message}`;
  }
  return { ms: Math.round(performance.now() - start), outcome };
}

function runCase(name: string): Row {
  const input = CASES[name]!();
  if (input.text !== undefined) {
    const { ms, outcome } = outcomeOf(() => cleanText(input.text!));
    return { case: name, elements: '-', bytes: Buffer.byteLength(input.text), parseMs: '-', readabilityMs: '-', cleanMs: ms, outcome };
  }
  const html = input.html!;
  let start = performance.now();
  const doc = parseHtml(html);
  const parseMs = Math.round(performance.now() - start);
  const elements = doc.getElementsByTagName('*').length;
  let readabilityMs: number | string = '-';
  if (elements <= 250_000) {
    start = performance.now();
    try {
      new Readability(doc.cloneNode(true) as Document).parse();
      readabilityMs = Math.round(performance.now() - start);
    } catch (e) {
      readabilityMs = `throws ${(e as Error).name}`;
    }
  }
  const { ms, outcome } = outcomeOf(() => cleanHtml(html));
  return { case: name, elements, bytes: Buffer.byteLength(html), parseMs, readabilityMs, cleanMs: ms, outcome };
}

function main(): void {
  const args = process.argv.slice(2);
  if (args[0] === '--child') {
    process.stdout.write(JSON.stringify(runCase(args[1]!)));
    return;
  }
  const limit = Number(args.find((a) => a.startsWith('--limit='))?.slice(8) ?? 60);
  const names = args.filter((a) => !a.startsWith('--'));
  const rows: Row[] = [];
  for (const name of names.length ? names : Object.keys(CASES)) {
    if (!CASES[name]) throw new Error(`no case ${name}; cases: ${Object.keys(CASES).join(', ')}`);
    const child = spawnSync(process.execPath, ['--import', 'tsx', fileURLToPath(import.meta.url), '--child', name], {
      encoding: 'utf8',
      timeout: limit * 1000,
      maxBuffer: 1 << 20,
    });
    const row: Row =
      child.status === 0
        ? (JSON.parse(child.stdout) as Row)
        : { case: name, elements: '?', bytes: 0, parseMs: '?', readabilityMs: '?', cleanMs: '?', outcome: child.error ? `no answer within ${limit} s (killed)` : `process failed: ${child.stderr.trim().split('\n').pop()}` };
    rows.push(row);
    console.error(`${name}: ${row.cleanMs} ms, ${row.outcome}`);
  }
  const header = ['case', 'elements', 'bytes', 'parse ms', 'Readability ms', 'cleanHtml ms', 'outcome'];
  const table = rows.map((r) => [r.case, String(r.elements), String(r.bytes), String(r.parseMs), String(r.readabilityMs), String(r.cleanMs), r.outcome.slice(0, 90)]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((row) => row[i]!.length)));
  const line = (cells: string[]) => cells.map((c, i) => (i === 0 || i === cells.length - 1 ? c.padEnd(widths[i]!) : c.padStart(widths[i]!))).join('  ');
  console.log(line(header));
  for (const row of table) console.log(line(row));
}

main();
