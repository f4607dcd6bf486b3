/**
 * The reading memory on real pairs from the corpus (test/fixtures/memory/<pair>/{a,b}.html): the reader reads
 * a, then opens b.
 * - teachers: a is The Detroit News' copy of an AP story; b is the same story hand-set in another site's
 *   template, with a reworded lede, straight quotes and hyphens for curly quotes and dashes, paragraphs
 *   dropped, three local paragraphs added and other cruft.
 * - latest-stabbing: a is SFGate's AP "The Latest" page at 4:14 p.m.; b is the same url at 10 p.m. with a new
 *   entry on top.
 * - wework: VentureBeat's and TechCrunch's own reports of the same news (b is TechCrunch): nothing was written
 *   twice, so nothing folds.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { MIN_SIMILARITY, MIN_WORDS, fingerprint, memoryWords, similarity, toBase64 } from '../src/core/memory/fingerprint.ts';
import { InMemoryReadingMemory } from '../src/core/memory/in-memory.ts';
import { countedBlocks, markRepeats, markRepeatsNow, rememberedArticle } from '../src/core/memory/mark.ts';
import { cleanHtml, cleanText, type CleanResult } from '../src/node/index.ts';

const DIR = path.join(import.meta.dirname, 'fixtures/memory');
const DAY = 24 * 3600 * 1000;
const T0 = Date.UTC(2019, 10, 19, 21, 14);

const URLS = {
  teachers: ['https://www.detroitnews.com/story/news/nation/2019/11/19/thousands-teachers-pack-indiana-statehouse-protest/40653633/', 'https://hoosierledger.example/news/education/teachers-rally'],
  'latest-stabbing': ['https://www.sfgate.com/news/crime/article/The-Latest-Man-stabbed-to-death-on-San-Francisco-14848218.php', 'https://www.sfgate.com/news/crime/article/The-Latest-Man-stabbed-to-death-on-San-Francisco-14848218.php'],
  wework: ['https://venturebeat.com/2019/11/18/new-york-state-attorney-general-investigating-wework-and-adam-neumann/', 'https://techcrunch.com/2019/11/18/new-york-state-attorney-general-reportedly-investigating-wework/'],
} as const;

const cache = new Map<string, CleanResult>();
function page(pair: keyof typeof URLS, which: 'a' | 'b'): { result: CleanResult; url: string } {
  const url = URLS[pair][which === 'a' ? 0 : 1];
  const key = `${pair}/${which}`;
  if (!cache.has(key)) cache.set(key, cleanHtml(readFileSync(path.join(DIR, pair, `${which}.html`), 'utf8'), { url }));
  return { result: cache.get(key)!, url };
}

function memoryAfterReading(pair: keyof typeof URLS, time = T0): InMemoryReadingMemory {
  const a = page(pair, 'a');
  const memory = new InMemoryReadingMemory();
  memory.recordNow(rememberedArticle(a.result, a.url, time));
  return memory;
}

const textOf = (result: CleanResult, id: string) => result.blocks.find((b) => b.id === id)!.text;

test('teachers: b folds every paragraph it shares with a, the reworded lede included, and none of its own', () => {
  const b = page('teachers', 'b');
  const report = markRepeatsNow(b.result, memoryAfterReading('teachers'), b.url);
  const folded = report.repeats.map((r) => textOf(b.result, r.blockId));
  const a = page('teachers', 'a');
  const aWords = new Set(countedBlocks(a.result.blocks).map((c) => textOf(a.result, c.id)));
  // Written for b only: the local angle.
  const own = ['In Allen County', 'Local superintendents said', 'Ledger reporter Dana Whitfield'];
  for (const start of own) assert.ok(!folded.some((t) => t.startsWith(start)), `b's own paragraph folded: ${start}`);
  for (const start of own) assert.ok(report.fresh.some((id) => textOf(b.result, id).startsWith(start)), `b's own paragraph not fresh: ${start}`);
  // Everything else of MIN_WORDS words or more was copied from a.
  const expected = countedBlocks(b.result.blocks)
    .map((c) => textOf(b.result, c.id))
    .filter((t) => !own.some((s) => t.startsWith(s)));
  assert.deepEqual(folded, expected);
  assert.equal(folded.length, 16);
  assert.ok(aWords.size >= folded.length);
  const lede = report.repeats.find((r) => textOf(b.result, r.blockId).startsWith('INDIANAPOLIS (AP)'))!;
  assert.ok(lede.similarity < 1 && lede.similarity >= MIN_SIMILARITY, `lede similarity ${lede.similarity}`);
  for (const r of report.repeats) {
    assert.equal(r.url, URLS.teachers[0]);
    assert.equal(r.site, 'detroitnews.com');
    assert.equal(r.time, T0);
    assert.equal(r.title, a.result.title);
  }
  assert.deepEqual(
    { url: report.earlier?.url, site: report.earlier?.site, lastVisit: report.lastVisit },
    { url: URLS.teachers[0], site: 'detroitnews.com', lastVisit: null },
  );
  assert.ok(report.readShare > 0.75 && report.readShare < 0.95, `read share ${report.readShare}`);
  assert.ok(Math.abs(report.earlier!.share - report.readShare) < 1e-9);
});

test('teachers: short and generic blocks in both pages never fold ("Associated Press", the dateline)', () => {
  const b = page('teachers', 'b');
  const report = markRepeatsNow(b.result, memoryAfterReading('teachers'), b.url);
  const folded = new Set(report.repeats.map((r) => r.blockId));
  const short = b.result.blocks.filter((blk) => memoryWords(blk.text).length < MIN_WORDS);
  assert.ok(short.some((blk) => blk.text === 'Associated Press'));
  for (const blk of short) assert.ok(!folded.has(blk.id), `short block folded: ${blk.text}`);
});

test('latest-stabbing: the same url opened again says when it was read and what is new since', () => {
  const b = page('latest-stabbing', 'b');
  const report = markRepeatsNow(b.result, memoryAfterReading('latest-stabbing'), b.url);
  assert.equal(report.lastVisit, T0);
  assert.equal(report.earlier, null, 'the earlier version of this page is not "another page"');
  const fresh = report.fresh.map((id) => textOf(b.result, id));
  assert.deepEqual(
    fresh.map((t) => t.slice(0, 30)),
    ['Authorities say a stabbing tha', 'The fight broke out Tuesday af', 'The San Francisco Chronicle sa', 'The man ran from the station. ', 'Employee Steve Castro tells th'],
  );
  const folded = report.repeats.map((r) => textOf(b.result, r.blockId).slice(0, 30));
  assert.deepEqual(folded, [
    'HAYWARD, Calif. (AP) — The Lat',
    'A California transit chief say',
    'Interim BART Police Chief Ed A',
    'He says transit officers board',
    'Alvarez says transit officers ',
    'He said there is no threat to ',
  ]);
});

test('wework: two outlets writing the same news in their own words fold nothing', () => {
  const b = page('wework', 'b');
  const report = markRepeatsNow(b.result, memoryAfterReading('wework'), b.url);
  assert.deepEqual(report.repeats, []);
  assert.equal(report.readShare, 0);
  assert.equal(report.earlier, null);
});

test('folding is deterministic: the same reading gives the same report, async or not', async () => {
  const b = page('teachers', 'b');
  const first = markRepeatsNow(b.result, memoryAfterReading('teachers'), b.url);
  const second = await markRepeats(b.result, memoryAfterReading('teachers'), b.url);
  assert.deepEqual(second, first);
  // Stored fingerprints must mean the same in every later version and engine: this one is pinned.
  assert.equal(toBase64(fingerprint('The fight broke out Tuesday afternoon on a BART train pulling into a station in Hayward.')), PINNED);
});

const PINNED = 'pjsboTAeuSAXlgVj4J4e5XmujemJcYtmXmiFAy3UgSq5uCCkXbwSDflxh8Xh1bdVIraXyVbVHBMB7/tkcKJdmA==';

test('a page read under another site the same day and the same page read long ago: the banner names the page holding most', () => {
  const b = page('teachers', 'b');
  const a = page('teachers', 'a');
  const memory = new InMemoryReadingMemory();
  // A second copy holding only the first three paragraphs, read later.
  const partial = { title: 'Partial copy', blocks: a.result.blocks.slice(0, 4) };
  memory.recordNow(rememberedArticle(a.result, a.url, T0));
  memory.recordNow(rememberedArticle(partial, 'https://other.example/teachers', T0 + DAY));
  const report = markRepeatsNow(b.result, memory, b.url);
  assert.equal(report.earlier?.url, a.url);
  // Equal similarity: the earliest reading is the one named on the fold.
  assert.ok(report.repeats.every((r) => r.time === T0 || r.similarity < 1));
});

test('cleanDocument and cleanText mark against a memory given in the options', () => {
  const a = page('teachers', 'a');
  const b = page('teachers', 'b');
  const memory = memoryAfterReading('teachers');
  const html = readFileSync(path.join(DIR, 'teachers', 'b.html'), 'utf8');
  const marked = cleanHtml(html, { url: b.url, memory });
  assert.deepEqual(marked.readBefore, markRepeatsNow(b.result, memory, b.url));
  const { readBefore, ...rest } = marked;
  assert.deepEqual(rest, b.result, 'marking changes nothing else');
  assert.equal(b.result.readBefore, undefined, 'no memory, no marking');
  const text = cleanText(a.result.blocks.map((blk) => blk.text).join('\n\n'), { memory, url: 'https://scraped.example/copy' });
  assert.ok(text.readBefore!.readShare > 0.9, `scraped copy read share ${text.readBefore!.readShare}`);
  assert.equal(text.readBefore!.earlier?.url, a.url);
  assert.ok(readBefore!.repeats.length > 0);
});
