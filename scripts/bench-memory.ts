/**
 * The reading memory, as tables:
 *   node --import tsx scripts/bench-memory.ts [--sizes 1000,10000,100000] [--skip-chromium]
 *   node --import tsx scripts/bench-memory.ts --calibrate [DIR]
 * 1. For memories of 1k, 10k and 100k remembered articles (synthetic, BLOCKS_PER_ARTICLE counted blocks each,
 *    random words so nothing repeats by accident): time to look up one article's blocks, in Node and in
 *    Chromium (the engine's bundle in a page, through Playwright), time to record one, and bytes per block.
 * 2. --calibrate: which short blocks recur across different stories of a corpus (default ../shared/eval-dev)?
 *    Every kept block of every page is fingerprinted whatever its length; the table counts the blocks that
 *    match a block of another page, by word count: the smallest count from which no generic block matches is
 *    MIN_WORDS.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { chromium } from 'playwright';
import { InMemoryReadingMemory } from '../src/core/memory/in-memory.ts';
import { MIN_SIMILARITY, MIN_WORDS, SKETCH_SIZE, memoryWords, sketchWords } from '../src/core/memory/fingerprint.ts';
import { markRepeatsNow, rememberedArticle, type MarkableBlock } from '../src/core/memory/mark.ts';
import type { Fingerprint } from '../src/core/memory/types.ts';
import { corpusDir, readCorpus } from './lib/corpus.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    sizes: { type: 'string', default: '1000,10000,100000' },
    calibrate: { type: 'boolean' },
    'skip-chromium': { type: 'boolean' },
  },
});

/** A news article's paragraphs of MIN_WORDS words or more: the dev corpus has a median of 14 and a mean of 17. */
const BLOCKS_PER_ARTICLE = 20;
const LOOKUPS = 200;

function ms(start: bigint): number {
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** A deterministic generator (mulberry32), so every run builds the same memory. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const VOCABULARY = Array.from({ length: 20_000 }, (_, i) => `w${i.toString(36)}`);

function paragraph(next: () => number): string[] {
  const n = 15 + Math.floor(next() * 50);
  return Array.from({ length: n }, () => VOCABULARY[Math.floor(next() ** 2 * VOCABULARY.length)]!);
}

function article(next: () => number): Fingerprint[] {
  return Array.from({ length: BLOCKS_PER_ARTICLE }, () => sketchWords(paragraph(next)));
}

async function memoryTable(): Promise<void> {
  const sizes = values.sizes.split(',').map(Number).filter((n) => n > 0);
  const rows: string[][] = [];
  const chromiumTimes = values['skip-chromium'] ? null : await chromiumLookups(sizes);
  for (const size of sizes) {
    const next = random(size);
    const memory = new InMemoryReadingMemory({ maxArticles: size });
    const probes: Fingerprint[][] = [];
    let recording = 0;
    for (let i = 0; i < size; i++) {
      const fingerprints = article(next);
      // Half the probes are articles read before, so lookups find what they look for as well as miss.
      if (i % Math.max(1, Math.floor(size / LOOKUPS)) === 0) probes.push(probes.length % 2 ? fingerprints : article(next));
      const started = process.hrtime.bigint();
      memory.recordNow({ url: `https://example.com/${i}`, title: `Article ${i}`, site: 'example.com', time: i, fingerprints });
      recording += ms(started);
    }
    const recordMs = recording / size;
    const texts = Array.from({ length: 50 }, () => Array.from({ length: BLOCKS_PER_ARTICLE }, () => paragraph(next).join(' ')));
    const sketching = process.hrtime.bigint();
    for (const text of texts) for (const block of text) sketchWords(memoryWords(block));
    const fingerprintMs = ms(sketching) / texts.length;
    const lookupStart = process.hrtime.bigint();
    let found = 0;
    for (const probe of probes) found += memory.lookupNow(probe).filter((s) => s.length > 0).length;
    const lookupMs = ms(lookupStart) / probes.length;
    const stats = memory.stats();
    const perBlock = SKETCH_SIZE + memory.tableBytes() / stats.blocks;
    rows.push([
      size.toLocaleString('en'),
      lookupMs.toFixed(3),
      chromiumTimes ? chromiumTimes.get(size)!.toFixed(3) : '-',
      fingerprintMs.toFixed(3),
      recordMs.toFixed(3),
      String(SKETCH_SIZE),
      perBlock.toFixed(0),
      `${found}/${probes.length * BLOCKS_PER_ARTICLE}`,
    ]);
  }
  console.log(`Reading memory: ${BLOCKS_PER_ARTICLE} counted blocks per article, ${LOOKUPS} lookups of ${BLOCKS_PER_ARTICLE} blocks each`);
  printTable(['articles', 'lookup ms/article (Node)', 'lookup ms/article (Chromium)', 'fingerprint ms/article', 'record ms/article', 'stored bytes/block', 'in-memory bytes/block', 'blocks found'], rows);
  if (chromiumTimes) {
    const [a, b] = [chromiumTimes.get(10_000), chromiumTimes.get(100_000)];
    if (a !== undefined && b !== undefined) console.log(`Chromium lookup 10k → 100k: ×${(b / a).toFixed(2)} (target ≤ 1.5; 10k target ≤ 5 ms: ${a.toFixed(3)} ms)`);
  }
}

/** Lookup time per article in Chromium: the same memory and probes, built in the page by the engine's own code. */
async function chromiumLookups(sizes: number[]): Promise<Map<number, number>> {
  const bundle = await build({
    stdin: {
      contents: `
        import { InMemoryReadingMemory } from './src/core/memory/in-memory.ts';
        import { sketchWords } from './src/core/memory/fingerprint.ts';
        globalThis.benchMemory = ${benchInPage.toString()};
        globalThis.deps = { InMemoryReadingMemory, sketchWords, random: ${random.toString()} };`,
      resolveDir: path.resolve(import.meta.dirname, '..'),
      loader: 'ts',
    },
    bundle: true,
    write: false,
    format: 'iife',
  });
  const executablePath = existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
  const browser = await chromium.launch({ executablePath, headless: true });
  try {
    const page = await browser.newPage();
    await page.setContent('<!doctype html><title>bench</title>');
    await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
    const out = new Map<number, number>();
    for (const size of sizes) {
      const args = { n: size, lookups: LOOKUPS, blocks: BLOCKS_PER_ARTICLE };
      out.set(size, await page.evaluate((a) => (globalThis as unknown as { benchMemory: (n: number, l: number, b: number) => number }).benchMemory(a.n, a.lookups, a.blocks), args));
    }
    return out;
  } finally {
    await browser.close();
  }
}

/** Runs in the page: builds a memory of `size` articles and returns ms per article looked up. */
function benchInPage(size: number, lookups: number, blocks: number): number {
  const { InMemoryReadingMemory: Memory, sketchWords: sketch, random: rnd } = (globalThis as unknown as { deps: { InMemoryReadingMemory: typeof InMemoryReadingMemory; sketchWords: typeof sketchWords; random: typeof random } }).deps;
  const next = rnd(size);
  const vocabulary = Array.from({ length: 20_000 }, (_, i) => `w${i.toString(36)}`);
  const art = () =>
    Array.from({ length: blocks }, () => sketch(Array.from({ length: 15 + Math.floor(next() * 50) }, () => vocabulary[Math.floor(next() ** 2 * vocabulary.length)]!)));
  const memory = new Memory({ maxArticles: size });
  const probes: Uint8Array[][] = [];
  for (let i = 0; i < size; i++) {
    const fingerprints = art();
    if (i % Math.max(1, Math.floor(size / lookups)) === 0) probes.push(probes.length % 2 ? fingerprints : art());
    memory.recordNow({ url: `https://example.com/${i}`, title: `Article ${i}`, site: 'example.com', time: i, fingerprints });
  }
  const start = performance.now();
  for (const probe of probes) memory.lookupNow(probe);
  return (performance.now() - start) / probes.length;
}

function printTable(head: string[], rows: string[][]): void {
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i]!.length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padStart(widths[i]!)).join(' | ')} |`;
  console.log(line(head));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`);
  for (const row of rows) console.log(line(row));
}

/** Blocks matching a block of another page of the corpus, by word count, with examples. */
async function calibrate(): Promise<void> {
  // Only here: the memory table needs no DOM.
  const { cleanHtml, ReadOnceError } = await import('../src/node/index.ts');
  const dir = corpusDir(positionals[0]);
  const pages: { url: string; blocks: { text: string; words: string[] }[] }[] = [];
  const results: { url: string; title: string; blocks: MarkableBlock[] }[] = [];
  for (const page of readCorpus(dir)) {
    try {
      const result = cleanHtml(page.html, { url: page.url });
      const blocks = result.blocks.filter((b) => b.kind !== 'heading').map((b) => ({ text: b.text, words: memoryWords(b.text) })).filter((b) => b.words.length > 0);
      pages.push({ url: page.url, blocks });
      results.push({ url: page.url, title: result.title, blocks: result.blocks });
    } catch (e) {
      if (!(e instanceof ReadOnceError)) throw e;
    }
  }
  const memory = new InMemoryReadingMemory({ maxArticles: pages.length });
  for (const page of pages) memory.recordNow({ url: page.url, title: '', site: '', time: 0, fingerprints: page.blocks.map((b) => sketchWords(b.words)) });
  const byWords = new Map<number, number>();
  const examples: string[] = [];
  let counted = 0;
  for (const page of pages) {
    const sightings = memory.lookupNow(page.blocks.map((b) => sketchWords(b.words)));
    page.blocks.forEach((block, i) => {
      if (block.words.length >= MIN_WORDS) counted++;
      const other = sightings[i]!.filter((s) => s.url !== page.url);
      if (other.length === 0) return;
      byWords.set(block.words.length, (byWords.get(block.words.length) ?? 0) + 1);
      examples.push(`${String(block.words.length).padStart(3)} words, ${other.length} other page(s), similarity ${other[0]!.similarity.toFixed(2)}: ${block.text.slice(0, 100)}`);
    });
  }
  console.log(`${pages.length} pages, ${pages.reduce((n, p) => n + p.blocks.length, 0)} non-heading blocks (${counted} of ${MIN_WORDS}+ words); similarity ≥ ${MIN_SIMILARITY}`);
  const rows: string[][] = [];
  for (let n = 1; n <= 20; n++) {
    let atLeast = 0;
    for (const [words, count] of byWords) if (words >= n) atLeast += count;
    rows.push([String(n), String(atLeast)]);
  }
  printTable(['min words', 'blocks matching another page'], rows);
  console.log(examples.sort().join('\n'));
  // What the engine folds: counted blocks only, template blocks of the same site left out.
  const remembered = results.map((r) => rememberedArticle(r, r.url, 0));
  const folded: string[] = [];
  for (const r of results) {
    const others = new InMemoryReadingMemory({ maxArticles: results.length });
    for (const article of remembered) if (article.url !== r.url) others.recordNow(article);
    for (const repeat of markRepeatsNow(r, others, r.url).repeats) {
      folded.push(`  ${r.blocks.find((b) => b.id === repeat.blockId)!.text.slice(0, 100)}  (also on ${repeat.site})`);
    }
  }
  console.log(`\nFolded by the engine (MIN_WORDS ${MIN_WORDS}, same-site template blocks left out): ${folded.length}`);
  console.log(folded.sort().join('\n'));
}

if (values.calibrate) await calibrate();
else await memoryTable();
