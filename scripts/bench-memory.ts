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
import { MIN_SIMILARITY, MIN_WORDS, SKETCH_SIZE, memoryWords, sketchWords } from '../src/core/memory/fingerprint.ts';
import { InMemoryReadingMemory } from '../src/core/memory/in-memory.ts';
import { markRepeatsNow, rememberedArticle, type MarkableBlock } from '../src/core/memory/mark.ts';
import { runIdbWorkload, runWorkload, type WorkloadResult } from './bench-memory-workload.ts';
import { corpusDir, readCorpus } from './lib/corpus.ts';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    sizes: { type: 'string', default: '1000,10000,100000' },
    calibrate: { type: 'boolean' },
    'skip-chromium': { type: 'boolean' },
    // The IndexedDB store records one transaction per article: the largest size it is measured at.
    'idb-max': { type: 'string', default: '10000' },
  },
});

/** Counted blocks per synthetic article: dev-corpus articles have a median of 14 blocks of MIN_WORDS words or more. */
const BLOCKS_PER_ARTICLE = 20;
const LOOKUPS = 200;

async function memoryTable(): Promise<void> {
  const sizes = values.sizes.split(',').map(Number).filter((n) => n > 0);
  const inChromium = values['skip-chromium'] ? null : await chromiumRuns(sizes);
  const rows: string[][] = [];
  const chromiumLookup = new Map<number, number>();
  const storeLookup = new Map<number, number>();
  for (const size of sizes) {
    const node = runWorkload(size, BLOCKS_PER_ARTICLE, LOOKUPS, () => performance.now());
    const browser = inChromium?.get(size);
    if (browser) chromiumLookup.set(size, browser.lookupMs);
    if (browser?.idb) storeLookup.set(size, browser.idb.lookupMs);
    rows.push([
      size.toLocaleString('en'),
      node.lookupMs.toFixed(3),
      browser ? browser.lookupMs.toFixed(3) : '-',
      node.fingerprintMs.toFixed(2),
      node.recordMs.toFixed(3),
      browser ? browser.recordMs.toFixed(3) : '-',
      browser?.idb ? browser.idb.lookupMs.toFixed(2) : '-',
      browser?.idb ? browser.idb.recordMs.toFixed(2) : '-',
      browser?.idb ? browser.idb.coldMs.toFixed(0) : '-',
      browser?.idb ? browser.idb.storedBytesPerBlock.toFixed(0) : '-',
      String(SKETCH_SIZE),
      (SKETCH_SIZE + node.indexBytes / node.blocks).toFixed(0),
      `${node.found}/${node.probed}`,
    ]);
  }
  console.log(`Reading memory: synthetic articles of ${BLOCKS_PER_ARTICLE} counted blocks, ${LOOKUPS} articles looked up (half read before)\n`);
  printTable(
    ['articles', 'lookup ms/article, Node', 'lookup ms/article, Chromium', 'fingerprint ms/article', 'record ms/article, Node', 'record ms/article, Chromium', 'IndexedDB lookup ms/article, Chromium', 'IndexedDB record ms/article, Chromium', 'IndexedDB cold start ms, Chromium', 'IndexedDB bytes/block, Chromium', 'sketch bytes/block', 'in-memory bytes/block', 'blocks found'],
    rows,
  );
  const [a, b] = [chromiumLookup.get(10_000), chromiumLookup.get(100_000)];
  if (a !== undefined && b !== undefined) {
    console.log(`\nChromium lookup at 10k: ${a.toFixed(3)} ms (target ≤ 5); 10k → 100k: ×${(b / a).toFixed(2)} (target ≤ 1.5)`);
  }
  const [c, d] = [storeLookup.get(10_000), storeLookup.get(100_000)];
  if (c !== undefined) {
    console.log(`Extension store (IndexedDB + index in memory) lookup at 10k: ${c.toFixed(3)} ms (target ≤ 5)${d === undefined ? '' : `; 10k → 100k: ×${(d / c).toFixed(2)} (target ≤ 1.5)`}`);
  }
  console.log('Sketch bytes/block: the fingerprint kept per counted block (url, title, site and time are kept once per article).');
  console.log("IndexedDB bytes/block: the origin's storage use (navigator.storage.estimate) over the blocks recorded: sketches, url and time indexes, overhead.");
  console.log(`IndexedDB: the extension's store as the background uses it (index in memory, written through; lookup after the retention check), measured up to --idb-max ${values['idb-max']} articles.`);
  console.log('Cold start: a woken background opens the store, loads every article into the index and answers its first lookup.');
}

/** The same workload in Chromium: the engine's code bundled into a blank page, through Playwright. */
type ChromiumResult = WorkloadResult & { idb: Awaited<ReturnType<typeof runIdbWorkload>> | null };

async function chromiumRuns(sizes: number[]): Promise<Map<number, ChromiumResult>> {
  const bundle = await build({
    entryPoints: [path.join(import.meta.dirname, 'bench-memory-workload.ts')],
    bundle: true,
    write: false,
    format: 'iife',
    globalName: 'workload',
  });
  const executablePath = existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined;
  const browser = await chromium.launch({ executablePath, headless: true });
  try {
    const page = await browser.newPage();
    // A page of a real, secure origin (localhost counts as one): IndexedDB is refused to about:blank, and
    // navigator.storage exists only in secure contexts. Served by Playwright, nothing listens there.
    await page.route('http://localhost/bench', (route) => route.fulfill({ contentType: 'text/html', body: '<!doctype html><title>bench</title>' }));
    await page.goto('http://localhost/bench');
    await page.addScriptTag({ content: bundle.outputFiles[0]!.text });
    const out = new Map<number, ChromiumResult>();
    type Workload = { workload: { runWorkload: typeof runWorkload; runIdbWorkload: typeof runIdbWorkload } };
    for (const size of sizes) {
      const args = { size, blocks: BLOCKS_PER_ARTICLE, lookups: LOOKUPS };
      const inMemory = await page.evaluate((a) => (globalThis as unknown as Workload).workload.runWorkload(a.size, a.blocks, a.lookups, () => performance.now()), args);
      const idb =
        size <= Number(values['idb-max'])
          ? await page.evaluate((a) => (globalThis as unknown as Workload).workload.runIdbWorkload(a.size, a.blocks, a.lookups, () => performance.now()), args)
          : null;
      out.set(size, { ...inMemory, idb });
    }
    return out;
  } finally {
    await browser.close();
  }
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
