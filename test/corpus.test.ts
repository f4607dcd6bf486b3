/**
 * A corpus in shards, in three steps any engine can run: `readonce sketch` on each shard, `readonce memory
 * build` over all the sketches, `readonce batch --memory` on each shard. Whatever the split, the shards' records
 * together are those of one `readonce batch --memory` over the whole corpus in corpus order, byte for byte; a
 * memory per shard finds none of the repeats across shards. Bad lines, a page that cleans otherwise than it was
 * sketched, a repeated id and files given in the wrong place each say what is wrong, and the run goes on.
 */
import assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { shardLines, syntheticCorpus, type SyntheticPage } from '../scripts/lib/synthetic-corpus.ts';
import { runBatch, runSketch } from '../src/cli/batch/run.ts';
import { runMemoryBuild } from '../src/cli/corpus/build.ts';
import { compareKeys, sortKey } from '../src/cli/corpus/order.ts';
import { FileReadingMemory } from '../src/node/file-memory.ts';
import { writeWarc } from './warc.ts';

const work = mkdtempSync(path.join(tmpdir(), 'readonce-corpus-'));
after(() => rmSync(work, { recursive: true, force: true }));

const TIME = '2024-06-01T00:00:00Z';
let runs = 0;

interface Step {
  code: number;
  stderr: string;
  text: string;
}

/** Runs a step in this process, its output to a file of its own; returns the exit status, stderr and the output. */
async function step(which: 'sketch' | 'build' | 'batch', args: string[]): Promise<Step> {
  const out = path.join(work, `${which}-${++runs}.jsonl`);
  let stderr = '';
  const io = { stdout: () => {}, stderr: (s: string) => void (stderr += s), progress: false };
  const code =
    which === 'sketch'
      ? await runSketch([...args, '--out', out, '--jobs', '1'], io)
      : which === 'build'
        ? await runMemoryBuild([...args, '--out', out], io)
        : await runBatch([...args, '--out', out, '--jobs', '1'], io);
  let text = '';
  try {
    text = readFileSync(out, 'utf8');
  } catch {
    // no output: the caller checks the status
  }
  return { code, stderr, text };
}

function writeShards(name: string, pages: readonly SyntheticPage[], shards: number): string[] {
  const dir = path.join(work, name);
  mkdirSync(dir, { recursive: true });
  return shardLines(pages, shards).map((lines, i) => {
    const file = path.join(dir, `shard-${i}.jsonl`);
    writeFileSync(file, lines);
    return file;
  });
}

/** The three steps over the shards, the sketch files listed in `listed` order; the batch records, shard by shard. */
async function threeSteps(
  shards: string[],
  options: { orderBy?: string; listed?: (files: string[]) => string[]; prefix?: (shard: string) => string } = {},
): Promise<string[]> {
  const orderBy = options.orderBy ? ['--order-by', options.orderBy] : [];
  const prefix = (shard: string) => (options.prefix ? ['--id-prefix', options.prefix(shard)] : []);
  const sketches: string[] = [];
  for (const shard of shards) {
    const sketch = await step('sketch', [shard, ...orderBy, ...prefix(shard)]);
    assert.equal(sketch.code, 0, sketch.stderr);
    const file = `${shard}.sketch.jsonl`;
    writeFileSync(file, sketch.text);
    sketches.push(file);
  }
  const built = await step('build', [...(options.listed ?? ((f) => f))(sketches), ...orderBy, '--time', TIME]);
  assert.equal(built.code, 0, built.stderr);
  const memory = `${shards[0]}.memory.jsonl`;
  writeFileSync(memory, built.text);
  const outputs: string[] = [];
  for (const shard of shards) {
    const cleaned = await step('batch', [shard, '--memory', memory, ...prefix(shard)]);
    assert.equal(cleaned.code, 0, cleaned.stderr);
    outputs.push(cleaned.text);
  }
  return outputs;
}

/** One `readonce batch --memory` over all of `jsonl`, with a fresh memory. */
async function oneProcess(jsonl: string, repeats = 'mark'): Promise<string> {
  const memory = path.join(work, `one-${++runs}.json`);
  const run = await step('batch', [jsonl, '--memory', memory, '--time', TIME, '--repeats', repeats]);
  assert.equal(run.code, 0, run.stderr);
  return run.text;
}

type Rec = { id: string; url: string | null; repeats?: { blockId: string; url: string }[]; error?: { code: string; message: string } };
const records = (text: string) => text.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as Rec);

describe('a corpus in shards', () => {
  const pages = syntheticCorpus(70);
  const whole = writeShards('whole', pages, 1)[0]!;
  /** Each split's shards, memory and second-map output, for the tests after the first. */
  const splits = new Map<number, { shards: string[]; memory: string; outputs: string[] }>();

  test('over 1, 2 and 7 shards, the three steps give what one batch --memory over the corpus gives, byte for byte', async () => {
    const reference = await oneProcess(whole);
    const marked = records(reference).filter((r) => r.repeats);
    assert.ok(marked.length > 20, `the corpus has repeats across documents (${marked.length} pages with some)`);
    for (const count of [1, 2, 7]) {
      const shards = writeShards(`split-${count}`, pages, count);
      const outputs = await threeSteps(shards);
      splits.set(count, { shards, memory: `${shards[0]}.memory.jsonl`, outputs });
      assert.equal(outputs.join(''), reference, `${count} shards`);
    }
  });

  test('--repeats drop gives what one batch --memory --repeats drop gives', async () => {
    const reference = await oneProcess(whole, 'drop');
    assert.match(reference, /"reason":"read-before"/u);
    const { shards, memory } = splits.get(2)!;
    let joined = '';
    for (const shard of shards) joined += (await step('batch', [shard, '--memory', memory, '--repeats', 'drop'])).text;
    assert.equal(joined, reference);
  });

  test('a memory per shard finds none of the repeats across shards; the corpus memory finds them all', async () => {
    const { shards, outputs } = splits.get(2)!;
    const shardOf = new Map(pages.map((p, i) => [p.url, Math.floor((i * 2) / pages.length)]));
    const across = (recs: Rec[]) => recs.flatMap((r) => (r.repeats ?? []).filter((s) => shardOf.get(s.url) !== shardOf.get(r.url!))).length;
    let perShard = 0;
    for (const shard of shards) perShard += across(records(await oneProcess(shard)));
    const corpus = across(records(outputs.join('')));
    assert.equal(perShard, 0);
    assert.ok(corpus > 30, `repeats across shards found with one memory: ${corpus}`);
  });

  test('--order-by date: the sketch files in any order give one batch over the corpus sorted by date, then id', async () => {
    const sorted = [...pages].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1));
    assert.ok(sorted.some((p, i) => i > 0 && p.date === sorted[i - 1]!.date), 'some dates tie, for the id to break');
    const reference = records(await oneProcess(writeShards('by-date', sorted, 1)[0]!));
    const outputs = await threeSteps(writeShards('date-2', pages, 2), { orderBy: 'date', listed: (files) => [...files].reverse() });
    // Each shard is written in its own input order; by id, every record is the one-process record.
    const byId = new Map(records(outputs.join('')).map((r) => [r.id, r]));
    assert.equal(byId.size, reference.length);
    for (const record of reference) assert.deepEqual(byId.get(record.id), record, record.id);
  });

  test('shards of HTML files (with --id-prefix) and of WARC give what one batch over the corpus gives', async () => {
    const few = pages.filter((p) => p.html).slice(0, 12);
    const root = path.join(work, 'html-corpus');
    for (const [i, page] of few.entries()) {
      const dir = path.join(root, `shard-${Math.floor(i / 6)}`);
      mkdirSync(dir, { recursive: true });
      writeFileSync(path.join(dir, `${page.id}.html`), page.html!);
    }
    const reference = await step('batch', [root, '--memory', path.join(work, 'html-one.json'), '--time', TIME]);
    assert.equal(reference.code, 0, reference.stderr);
    assert.match(reference.text, /"id":"shard-1\/[^"]+","url":null,[^\n]*"repeats"/u);
    const shards = [0, 1].map((s) => path.join(root, `shard-${s}`));
    assert.equal((await threeSteps(shards, { prefix: (shard) => `${path.basename(shard)}/` })).join(''), reference.text);

    const warcs = [0, 1].map((s) => path.join(work, `crawl-${s}.warc`));
    for (const [s, file] of warcs.entries()) await writeWarc(file, few.slice(s * 3, s * 3 + 3).map((p) => ({ url: p.url, type: 'text/html; charset=utf-8', body: p.html! })));
    const warcReference = await step('batch', [...warcs, '--memory', path.join(work, 'warc-one.json'), '--time', TIME]);
    assert.match(warcReference.text, /"repeats"/u);
    assert.equal((await threeSteps(warcs)).join(''), warcReference.text);
  });
});

describe('readonce memory build', () => {
  const pages = syntheticCorpus(24);

  test('the memory is the same however the sketch lines are cut into files (and, with --order-by, listed)', async () => {
    const shard = writeShards('cuts', pages, 1)[0]!;
    const sketch = await step('sketch', [shard, '--order-by', 'date']);
    const lines = sketch.text.split('\n').filter((l) => l !== '');
    const build = async (cuts: number[], reverse: boolean, orderBy: boolean) => {
      const files: string[] = [];
      let from = 0;
      for (const to of [...cuts, lines.length]) {
        files.push(path.join(work, `cut-${++runs}.jsonl`));
        writeFileSync(files.at(-1)!, lines.slice(from, to).map((l) => `${l}\n`).join(''));
        from = to;
      }
      const built = await step('build', [...(reverse ? files.reverse() : files), '--time', TIME, ...(orderBy ? ['--order-by', 'date'] : [])]);
      assert.equal(built.code, 0, built.stderr);
      return built.text;
    };
    const inOrder = await build([], false, false);
    const byDate = await build([], false, true);
    assert.notEqual(inOrder, byDate);
    for (const cuts of [[1], [5, 6, 7], [3, 9, 12, 20], [23]]) {
      assert.equal(await build(cuts, false, false), inOrder, `input order, cut at ${cuts}`);
      assert.equal(await build(cuts, true, true), byDate, `by date, cut at ${cuts}, files listed backwards`);
    }
  });

  test('pages read again under one url, and a memory of 8 pages at most, give what one batch --memory-articles 8 gives', async () => {
    // A recrawl: pages 12 to 17 come back under the urls of pages 0 to 5, so the memory drops the earlier record.
    const recrawl = pages.map((p, i) => (i >= 12 && i < 18 ? { ...p, url: pages[i - 12]!.url } : p));
    const [first, second] = writeShards('recrawl', recrawl, 2) as [string, string];
    const reference = await step('batch', [first, second, '--memory', path.join(work, 'recrawl-one.json'), '--memory-articles', '8', '--time', TIME]);
    assert.equal(reference.code, 0, reference.stderr);
    const sketches = [];
    for (const shard of [first, second]) {
      sketches.push(`${shard}.sketch.jsonl`);
      writeFileSync(sketches.at(-1)!, (await step('sketch', [shard])).text);
    }
    const built = await step('build', [...sketches, '--memory-articles', '8', '--time', TIME]);
    assert.match(built.stderr, /memory +8 pages remembered \(at most 8\)/u);
    const memory = path.join(work, 'recrawl-memory.jsonl');
    writeFileSync(memory, built.text);
    const joined = (await step('batch', [first, '--memory', memory])).text + (await step('batch', [second, '--memory', memory])).text;
    assert.equal(joined, reference.text);
    assert.match(joined, /"repeats"/u);
  });

  test('a bad line gives an error line, on stderr and in the memory, and the build goes on', async () => {
    const shard = writeShards('bad-lines', pages.slice(0, 4), 1)[0]!;
    const good = (await step('sketch', [shard])).text.split('\n').filter((l) => l !== '');
    const other = JSON.stringify({ ...JSON.parse(good[1]!), sketch: 2 });
    const short = JSON.stringify({ ...JSON.parse(good[2]!), sketches: 'AAAA' });
    const file = path.join(work, 'bad.sketch.jsonl');
    writeFileSync(file, [good[0], 'not json', other, short, '{"id":"x"}', good[3]].join('\n') + '\n');
    const built = await step('build', [file, '--time', TIME]);
    assert.equal(built.code, 3);
    assert.match(built.stderr, /bad\.sketch\.jsonl line 2: not JSON/u);
    assert.match(built.stderr, /line 3: written in sketch format 2; this readonce reads format 1/u);
    assert.match(built.stderr, /line 4: "sketches" is not \d+ sketches of 64 bytes in base64/u);
    assert.match(built.stderr, /line 5: not a sketch line/u);
    assert.match(built.stderr, /pages +2 \(2 sketched, 0 failed when sketched\)\n[^]*bad lines +4/u);
    const [header, ...entries] = records(built.text) as unknown as [{ records: number }, ...{ id?: string; check?: string; error?: { code: string } }[]];
    assert.equal(header.records, 6);
    assert.deepEqual(entries.map((e) => e.error?.code ?? 'ok'), ['ok', 'malformed-sketch', 'malformed-sketch', 'malformed-sketch', 'malformed-sketch', 'ok']);

    // The second map: the pages of good lines as usual; those of bad lines say their sketch was bad.
    writeFileSync(path.join(work, 'bad-memory.jsonl'), built.text);
    const second = await step('batch', [shard, '--memory', path.join(work, 'bad-memory.jsonl')]);
    assert.equal(second.code, 3);
    assert.deepEqual(records(second.text).map((r) => r.error?.code ?? 'ok'), ['ok', 'not-sketched', 'not-sketched', 'ok']);
  });

  test('a page that cleans to other blocks than it was sketched with, a page not sketched and a repeated id each give an error record', async () => {
    const shard = writeShards('mismatch', pages.slice(0, 6), 1)[0]!;
    const sketchFile = path.join(work, 'mismatch.sketch.jsonl');
    writeFileSync(sketchFile, (await step('sketch', [shard])).text);
    const memory = path.join(work, 'mismatch-memory.jsonl');
    writeFileSync(memory, (await step('build', [sketchFile, '--time', TIME])).text);
    // The page's input changed after it was sketched: a paragraph more, so other blocks.
    const changed = path.join(work, 'changed.jsonl');
    const edited = { ...pages[1]!, html: pages[1]!.html!.replace('</h1>', `</h1><p>${'A paragraph the page did not have when it was sketched. '.repeat(3)}</p>`) };
    writeFileSync(changed, [pages[0], edited].map((p) => JSON.stringify(p) + '\n').join(''));
    const rerun = await step('batch', [changed, '--memory', memory]);
    assert.equal(rerun.code, 3);
    assert.deepEqual(records(rerun.text).map((r) => r.error?.code ?? 'ok'), ['ok', 'memory-mismatch']);
    assert.match(records(rerun.text)[1]!.error!.message, /other blocks than it was sketched with/u);

    const extra = path.join(work, 'extra.jsonl');
    writeFileSync(extra, JSON.stringify({ ...pages[7], id: 'never-sketched' }) + '\n');
    const unknown = await step('batch', [extra, '--memory', memory]);
    assert.equal(records(unknown.text)[0]!.error!.code, 'not-in-memory');

    const twice = path.join(work, 'twice.jsonl');
    writeFileSync(twice, [pages[0], pages[1], { ...pages[2], id: pages[0]!.id }].map((p) => JSON.stringify(p) + '\n').join(''));
    const twiceSketch = path.join(work, 'twice.sketch.jsonl');
    writeFileSync(twiceSketch, (await step('sketch', [twice])).text);
    const dup = await step('build', [twiceSketch, '--time', TIME]);
    assert.equal(dup.code, 3);
    assert.match(dup.stderr, /the id "coastcourier-0000" is given again/u);
    writeFileSync(path.join(work, 'twice-memory.jsonl'), dup.text);
    const dupRun = await step('batch', [twice, '--memory', path.join(work, 'twice-memory.jsonl')]);
    assert.deepEqual(records(dupRun.text).map((r) => r.error?.code ?? 'ok'), ['duplicate-id', 'ok', 'duplicate-id']);
  });

  test('a corpus memory is only read; a sketch file or another format given as --memory is refused, untouched', async () => {
    const shard = writeShards('refuse', pages.slice(0, 3), 1)[0]!;
    const sketchFile = path.join(work, 'refuse.sketch.jsonl');
    writeFileSync(sketchFile, (await step('sketch', [shard])).text);
    const memory = path.join(work, 'refuse-memory.jsonl');
    writeFileSync(memory, (await step('build', [sketchFile, '--time', TIME])).text);
    const before = readFileSync(memory, 'utf8');
    // --save: the reading memory after the last page, as batch --memory FILE reads it, in a folder made for it.
    const saved = path.join(work, 'saved', 'reading-memory.json');
    assert.equal((await step('build', [sketchFile, '--time', TIME, '--save', saved])).code, 0);
    assert.deepEqual(FileReadingMemory.open(saved).memory.size, 3);
    assert.equal((await step('batch', [shard, '--memory', memory])).code, 0);
    assert.equal(readFileSync(memory, 'utf8'), before);
    const timed = await step('batch', [shard, '--memory', memory, '--time', TIME]);
    assert.equal(timed.code, 2);
    assert.match(timed.stderr, /is a corpus memory: its size and time were set by readonce memory build/u);

    const sketchBefore = readFileSync(sketchFile, 'utf8');
    const wrong = await step('batch', [shard, '--memory', sketchFile]);
    assert.equal(wrong.code, 2);
    assert.match(wrong.stderr, /holds sketches \(readonce sketch\), not a memory; make one with: readonce memory build/u);
    assert.equal(readFileSync(sketchFile, 'utf8'), sketchBefore);

    const future = path.join(work, 'future-memory.jsonl');
    writeFileSync(future, before.replace('"corpusMemory":1', '"corpusMemory":2'));
    const newer = await step('batch', [shard, '--memory', future]);
    assert.equal(newer.code, 2);
    assert.match(newer.stderr, /a corpus memory of format 2, which this readonce cannot read/u);

    const loose = await step('batch', [shard, '--time', TIME]);
    assert.equal(loose.code, 2);
    assert.match(loose.stderr, /--time needs --memory FILE/u);
    const badTime = await step('build', [sketchFile, '--time', 'yesterday']);
    assert.match(badTime.stderr, /--time must be an ISO 8601 date or milliseconds since the epoch \(got "yesterday"\)/u);

    const unordered = await step('build', [sketchFile, '--order-by', 'date']);
    assert.equal(unordered.code, 2);
    assert.match(unordered.stderr, /line 1 was sketched without --order-by; sketch the corpus with readonce sketch --order-by date/u);
    assert.match((await step('build', [])).stderr, /give the sketch files/u);
    assert.match((await step('build', [path.join(work, 'nowhere.jsonl')])).stderr, /no such file or directory/u);
  });
});

test('--order-by sorts dates by the instant they name, numbers by value, other text by its characters, missing last', () => {
  const key = (value: string | number | null) => sortKey({ by: 'date', value });
  const values: (string | number | null)[] = [null, 'zebra', 'Tue, 02 Jan 2024 11:00:00 +0000', '2024-01-02T09:00:00Z', '2024-01-02', 5, 'apple', '2024-01-02T12:00:00+02:00'];
  const sorted = [...values].sort((a, b) => compareKeys(key(a), key(b)));
  assert.deepEqual(sorted, [5, '2024-01-02', '2024-01-02T09:00:00Z', '2024-01-02T12:00:00+02:00', 'Tue, 02 Jan 2024 11:00:00 +0000', 'apple', 'zebra', null]);
});
