/**
 * `readonce batch`: the same results as the single-page CLI from a directory, JSON Lines and a WARC file;
 * a corpus with broken, huge, hanging and worker-killing pages finishes with an error record for each; an
 * interrupted run leaves whole lines and --resume completes it; --memory folds what a syndicated copy
 * repeats and nothing else. The pool runs real worker threads, two at a time.
 */
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { appendFileSync, existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { gunzipSync } from 'node:zlib';
import { PageCleaner, WINDOW_PAGES } from '../src/cli/batch/page-cleaner.ts';
import { progressLine, Tally } from '../src/cli/batch/progress.ts';
import { runBatch, type BatchSeams } from '../src/cli/batch/run.ts';
import { OutputNames } from '../src/cli/batch/names.ts';
import { safeName } from '../src/cli/batch/sources.ts';
import { run } from '../src/cli/main.ts';
import { cleanHtml, type Removal } from '../src/node/index.ts';
import { FileReadingMemory } from '../src/node/file-memory.ts';
import { writeWarc } from './warc.ts';

const fixtures = path.join(import.meta.dirname, 'fixtures', 'batch');
const corpus = path.join(fixtures, 'corpus');
const work = mkdtempSync(path.join(tmpdir(), 'readonce-batch-'));
after(() => rmSync(work, { recursive: true, force: true }));

type Rec = Record<string, unknown> & { id: string; url: string | null; error?: { code: string; message: string } };

async function batch(args: string[], seams: BatchSeams = {}): Promise<{ code: number; records: Rec[]; stderr: string }> {
  const out = path.join(work, `out-${Math.random().toString(36).slice(2)}.jsonl`);
  let stderr = '';
  const code = await runBatch([...args, '--out', out, '--jobs', '2'], { stdout: () => {}, stderr: (s) => (stderr += s), progress: false }, seams);
  const records = existsSync(out) ? readLines(out) : [];
  return { code, records, stderr };
}

function readLines(file: string): Rec[] {
  const text = readFileSync(file, 'utf8');
  assert.ok(text === '' || text.endsWith('\n'), 'the output ends with a whole line');
  return text.split('\n').filter((l) => l !== '').map((l) => JSON.parse(l) as Rec);
}

/** What the single-page CLI prints with --format json for these arguments. */
function single(args: string[]): unknown {
  let stdout = '';
  const code = run(['--format', 'json', ...args], (s) => (stdout += s), () => {}, '0.0.0-test');
  assert.equal(code, 0, `single-page CLI on ${args.join(' ')}`);
  return JSON.parse(stdout);
}

function withoutHead({ id: _id, url: _url, ...rest }: Rec): unknown {
  return rest;
}

const jsonLine = (value: unknown) => `${JSON.stringify(value)}\n`;

describe('readonce batch', () => {
  test('the progress line and the summary', () => {
    const tally = new Tally();
    const removal = (category: string, reason: string) => ({ category, reason }) as unknown as Removal;
    tally.add({ id: 'a', url: null, removed: [removal('boilerplate', 'skip-link'), removal('duplicates', 'exact-duplicate'), removal('boilerplate', 'skip-link')] });
    tally.add({ id: 'b', url: null, error: { code: 'no-article', message: '' } });
    tally.add({ id: 'c', url: null, error: { code: 'timeout', message: '' } });
    assert.match(progressLine(tally, 12), /^\[#{6}\.{18}\] 3\/12 pages · [\d.]+ pages\/s · ETA /u);
    assert.match(progressLine(tally, null), /^3 pages · [\d.]+ pages\/s$/u);
    const summary = tally.summary(false);
    assert.match(summary, /pages +3\n +articles +1\n +no article +1\n +errors +1 \(timeout 1\)\n/u);
    assert.match(summary, /removed +3 blocks: boilerplate 2, duplicates 1\n +by rule +skip-link 2, exact-duplicate 1\n/u);
    assert.match(summary, /repeats +not looked for \(no --memory\)/u);
  });

  test('one window for many pages: the same result as a fresh window per page, whatever came before', () => {
    const cleaner = new PageCleaner();
    const seed = readFileSync(path.join(corpus, 'seed.html'));
    const tweets = gunzipSync(readFileSync(path.join(corpus, 'news', 'embedded-tweets.html.gz')));
    const url = 'https://example.com/story';
    const first = cleaner.clean({ id: '1', url, kind: 'html', body: seed, keep: [] });
    cleaner.clean({ id: '2', url: 'https://other.example/x', kind: 'html', body: tweets, keep: [] });
    const again = cleaner.clean({ id: '3', url, kind: 'html', body: seed, keep: [] });
    assert.deepEqual(again, first);
    // and in the next window, once this one is replaced
    for (let i = 4; i <= WINDOW_PAGES; i++) cleaner.clean({ id: String(i), url: 'https://other.example/x', kind: 'html', body: tweets, keep: [] });
    assert.deepEqual(cleaner.clean({ id: 'next', url, kind: 'html', body: seed, keep: [] }), first);
    assert.deepEqual(first, { ok: true, result: cleanHtml(seed.toString('utf8'), { url }) });
  });

  test('a directory, JSON Lines and a WARC file give what the single-page CLI gives, in input order', async () => {
    const seedHtml = readFileSync(path.join(corpus, 'seed.html'), 'utf8');
    const seedText = readFileSync(path.join(corpus, 'seed.txt'), 'utf8');
    const jsonl = path.join(work, 'pages.jsonl');
    writeFileSync(jsonl, jsonLine({ id: 'story', url: 'https://example.com/story', html: seedHtml }) + '\n' + jsonLine({ text: seedText }));
    const warc = path.join(work, 'crawl.warc');
    await writeWarc(warc, [
      { url: 'https://news.example/a', type: 'text/html; charset=utf-8', body: seedHtml },
      { url: 'https://news.example/logo.png', type: 'image/png', body: 'not a page' },
      { url: 'https://news.example/missing', type: 'text/html', status: 404, body: '<p>Not found</p>' },
    ]);
    const tweets = path.join(work, 'embedded-tweets.html');
    writeFileSync(tweets, gunzipSync(readFileSync(path.join(corpus, 'news', 'embedded-tweets.html.gz'))));

    const { code, records } = await batch([corpus, jsonl, warc]);
    assert.equal(code, 0);
    assert.deepEqual(
      records.map((r) => [r.id, r.url]),
      [
        ['legacy-latin1.html', null],
        ['news/embedded-tweets.html.gz', null],
        ['seed.html', null],
        ['seed.txt', null],
        ['story', 'https://example.com/story'],
        ['3', null],
        [records[6]!.id, 'https://news.example/a'],
      ],
    );
    assert.match(records[6]!.id, /^<urn:uuid:/u);
    // A windows-1252 page without a declared charset reads as text, as in the single-page CLI.
    assert.match(records[0]!.title as string, /^Café owners/u);
    assert.deepEqual(withoutHead(records[0]!), single([path.join(corpus, 'legacy-latin1.html')]));
    assert.deepEqual(withoutHead(records[1]!), single([tweets]));
    assert.deepEqual(withoutHead(records[2]!), single([path.join(corpus, 'seed.html')]));
    assert.deepEqual(withoutHead(records[3]!), single([path.join(corpus, 'seed.txt')]));
    assert.deepEqual(withoutHead(records[4]!), single(['--url', 'https://example.com/story', path.join(corpus, 'seed.html')]));
    assert.deepEqual(withoutHead(records[5]!), single(['--input', 'text', path.join(corpus, 'seed.txt')]));
    assert.deepEqual(withoutHead(records[6]!), single(['--url', 'https://news.example/a', path.join(corpus, 'seed.html')]));
  });

  test('--out-dir mirrors the input names', async () => {
    const dir = path.join(work, 'md');
    const { code, records } = await batch([corpus, '--out-dir', dir]);
    assert.equal(code, 0);
    // seed.html and seed.txt would both be seed.md: pages of one directory with one stem keep their whole names.
    assert.deepEqual(records.map((r) => r.file), ['legacy-latin1.md', 'news/embedded-tweets.md', 'seed.html.md', 'seed.txt.md']);
    const markdownOf = (file: string) => (single([path.join(corpus, file)]) as { markdown: string }).markdown;
    assert.equal(readFileSync(path.join(dir, 'legacy-latin1.md'), 'utf8'), markdownOf('legacy-latin1.html'));
    assert.ok(!('markdown' in records[1]!) && !('blocks' in records[1]!) && Array.isArray(records[1]!.removed));
    assert.equal(readFileSync(path.join(dir, 'seed.html.md'), 'utf8'), markdownOf('seed.html'));
    assert.equal(readFileSync(path.join(dir, 'seed.txt.md'), 'utf8'), markdownOf('seed.txt'));
    assert.ok(!existsSync(path.join(dir, 'seed.md')));
  });

  test('file names from ids: different ids never share a name', () => {
    assert.equal(safeName('story-12.v2'), 'story-12.v2');
    assert.equal(safeName('a_b'), 'a_b');
    assert.match(safeName('a/b'), /^a_b-[0-9a-f]{8}$/u);
    assert.notEqual(safeName('a/b'), safeName('a?b'));
    assert.match(safeName('../etc'), /^etc-[0-9a-f]{8}$/u);
    assert.match(safeName('https://example.com/news/1'), /^https_example.com_news_1-[0-9a-f]{8}$/u);
  });

  test('one name per page: a later page whose name is taken gets the first free ~k', () => {
    const names = new OutputNames();
    assert.deepEqual(
      ['story', 'story', 'x~2', 'x', 'x', 'Story', 'news/a', 'News/A'].map((n) => names.claim(n)),
      // x~2 is a page's own name (a file "x~2.html"), so the second x skips it; case-insensitive file
      // systems (macOS, Windows) would put "Story" and "story" in one file.
      ['story', 'story~2', 'x~2', 'x', 'x~3', 'Story~3', 'news/a', 'News/A~2'],
    );
    assert.ok(!safeName('story~2').includes('~'), 'no id is named like a suffixed name');
  });

  test('JSON Lines with a repeated id and an id-less line named like an id: every page has its own file, under --resume too', async () => {
    const seedHtml = readFileSync(path.join(corpus, 'seed.html'), 'utf8');
    const seedText = readFileSync(path.join(corpus, 'seed.txt'), 'utf8');
    const small = (n: number) => `<title>Page ${n}</title><article><p>${`Page ${n} has a paragraph of its own words. `.repeat(12)}</p></article>`;
    const jsonl = path.join(work, 'clashes.jsonl');
    writeFileSync(
      jsonl,
      jsonLine({ id: 'story', url: 'https://example.com/story', html: seedHtml }) +
        jsonLine({ id: 'story', text: seedText }) +
        jsonLine({ id: '4', html: small(3) }) +
        jsonLine({ html: small(4) }) +
        jsonLine({ id: 'last', html: small(5) }),
    );
    const run = async (dir: string, out: string, resume: boolean) => {
      const code = await runBatch([jsonl, '--out-dir', dir, '--out', out, '--jobs', '2', ...(resume ? ['--resume'] : [])], { stdout: () => {}, stderr: () => {}, progress: false });
      assert.equal(code, 0);
      return readLines(out);
    };
    const fullDir = path.join(work, 'clashes-full');
    const full = await run(fullDir, path.join(work, 'clashes-full.jsonl'), false);
    assert.deepEqual(
      full.map((r) => [r.id, r.file]),
      [['story', 'story.md'], ['story', 'story~2.md'], ['4', '4.md'], ['4', '4~2.md'], ['last', 'last.md']],
    );
    const markdownOf = (args: string[]) => (single(args) as { markdown: string }).markdown;
    assert.equal(readFileSync(path.join(fullDir, 'story.md'), 'utf8'), markdownOf(['--url', 'https://example.com/story', path.join(corpus, 'seed.html')]));
    assert.equal(readFileSync(path.join(fullDir, 'story~2.md'), 'utf8'), markdownOf(['--input', 'text', path.join(corpus, 'seed.txt')]));
    assert.match(readFileSync(path.join(fullDir, '4.md'), 'utf8'), /Page 3 has/u);
    assert.match(readFileSync(path.join(fullDir, '4~2.md'), 'utf8'), /Page 4 has/u);

    // Interrupted after the first "story" (the second is not done) and after id "4" (line 4, also "4", is not):
    // --resume does exactly the pages not written, under the names the full run gave them.
    for (const written of [1, 3]) {
      const dir = path.join(work, `clashes-${written}`);
      const out = path.join(work, `clashes-${written}.jsonl`);
      const before = await run(dir, out, false);
      writeFileSync(out, before.slice(0, written).map(jsonLine).join(''));
      for (const record of before.slice(written)) rmSync(path.join(dir, record.file as string));
      const resumed = await run(dir, out, true);
      assert.deepEqual(resumed, full, `resumed after ${written} pages`);
      assert.deepEqual(readdirSync(dir).sort(), readdirSync(fullDir).sort());
      for (const file of readdirSync(fullDir)) assert.equal(readFileSync(path.join(dir, file), 'utf8'), readFileSync(path.join(fullDir, file), 'utf8'));
    }
  });

  test('broken, huge, hanging and worker-killing pages each give an error record; the run goes on', async () => {
    const good = readFileSync(path.join(corpus, 'seed.html'), 'utf8');
    const huge = `<!doctype html><title>Huge</title><body><article>${'<p>A paragraph of a page far too large to clean.</p>'.repeat(400)}</article></body>`;
    const jsonl = path.join(work, 'bad.jsonl');
    writeFileSync(
      jsonl,
      jsonLine({ id: 'first', html: good }) +
        '{"id": "broken", "html": "<p>an unterminated string\n' +
        jsonLine({ id: 'huge', html: huge }) +
        jsonLine({ id: 'hangs', html: `${good}<!-- test: hang -->` }) +
        jsonLine({ id: 'kills', html: `${good}<!-- test: die -->` }) +
        jsonLine({ id: 'nothing', html: '<p>Sign in</p>' }) +
        jsonLine({ id: 'last', html: good }),
    );
    const worker = new URL('./fixtures/batch/misbehaving-worker.ts', import.meta.url);
    const { code, records, stderr } = await batch([jsonl, '--timeout', '5', '--max-elements', '300'], { worker });
    assert.equal(code, 3);
    assert.deepEqual(
      records.map((r) => [r.id, r.error?.code ?? 'ok']),
      [['first', 'ok'], ['2', 'malformed-input'], ['huge', 'too-large'], ['hangs', 'timeout'], ['kills', 'worker-died'], ['nothing', 'no-article'], ['last', 'ok']],
    );
    assert.deepEqual(withoutHead(records[6]!), withoutHead(records[0]!));
    assert.match(stderr, /pages +7\n +articles +2\n +no article +1\n +errors +4 /u);
  });

  test("a worker's event loop turns between pages while pages keep coming (else jsdom keeps every document)", async () => {
    const small = `<title>Small</title><article><p>${'A sentence of a short page. '.repeat(20)}</p></article>`;
    const jsonl = path.join(work, 'busy.jsonl');
    writeFileSync(jsonl, Array.from({ length: 24 }, (_, i) => jsonLine({ id: `p${i}`, html: small })).join('') + jsonLine({ id: 'probe', html: '<!-- test: event loop -->' }));
    const worker = new URL('./fixtures/batch/misbehaving-worker.ts', import.meta.url);
    const { records } = await batch([jsonl], { worker });
    const [ran, scheduled] = records.at(-1)!.error!.message.split(' of ').map(Number) as [number, number];
    // Blocked between pages (piscina's 'sync'), a thread never turns its loop: none ran. Pages that reach a
    // thread together are read in one turn, so how many ran by the probe depends on timing; that some did
    // does not (it was 1 of 6 in one run with 8 pages, so the run is long enough for several turns).
    assert.ok(scheduled >= 2 && ran > 0, `${ran} of ${scheduled} callbacks ran`);
  });

  test('an interrupted run leaves whole lines; --resume completes it', async () => {
    const good = readFileSync(path.join(corpus, 'seed.html'), 'utf8');
    const jsonl = path.join(work, 'many.jsonl');
    writeFileSync(jsonl, Array.from({ length: 10 }, (_, i) => jsonLine({ id: `p${i}`, html: good })).join(''));
    const out = path.join(work, 'interrupted.jsonl');
    const cli = path.join(import.meta.dirname, '..', 'src', 'cli', 'index.ts');
    const child = spawn(process.execPath, ['--import', 'tsx', cli, 'batch', jsonl, '--out', out, '--jobs', '1'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    // Interrupt once a few pages are written, while others are in flight.
    while (!existsSync(out) || readFileSync(out, 'utf8').split('\n').length < 3) await new Promise((r) => setTimeout(r, 20));
    child.kill('SIGINT');
    assert.equal(await exited, 130);
    assert.match(stderr, /interrupted; results so far are complete/u);
    const partial = readLines(out);
    assert.ok(partial.length >= 2 && partial.length < 10, `${partial.length} pages before the interrupt`);
    // A run killed outright can leave half a line: --resume cuts it off and does that page again.
    appendFileSync(out, '{"id":"p');
    let resumeErr = '';
    const code = await runBatch([jsonl, '--out', out, '--resume', '--jobs', '2'], { stdout: () => {}, stderr: (s) => (resumeErr += s), progress: false });
    assert.equal(code, 0);
    assert.match(resumeErr, new RegExp(`\\(${partial.length} already in the output, skipped\\)`, 'u'));
    const all = readLines(out);
    assert.deepEqual(all.map((r) => r.id), Array.from({ length: 10 }, (_, i) => `p${i}`));
    for (const record of all) assert.deepEqual(withoutHead(record), withoutHead(all[0]!));
  });

  test('a reader that stops reading (| head -1) ends the run quietly, with the status of SIGPIPE', async () => {
    const small = `<title>Small</title><article><p>${'A sentence of a short page. '.repeat(20)}</p></article>`;
    const jsonl = path.join(work, 'head.jsonl');
    writeFileSync(jsonl, Array.from({ length: 200 }, (_, i) => jsonLine({ id: `p${i}`, html: small })).join(''));
    const cli = path.join(import.meta.dirname, '..', 'src', 'cli', 'index.ts');
    const child = spawn(process.execPath, ['--import', 'tsx', cli, 'batch', jsonl, '--jobs', '1'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    let first = '';
    for await (const chunk of child.stdout) {
      first += chunk;
      if (first.includes('\n')) break;
    }
    child.stdout.destroy();
    assert.equal(await exited, 141);
    assert.equal(stderr, '');
    assert.equal((JSON.parse(first.slice(0, first.indexOf('\n'))) as Rec).id, 'p0');
  });

  test('--memory folds the blocks a syndicated copy repeats, and nothing else; the memory is saved', async () => {
    const pair = path.join(fixtures, 'pair');
    const jsonl = path.join(work, 'pair.jsonl');
    writeFileSync(
      jsonl,
      jsonLine({ id: 'original', url: 'https://coastcourier.example/news/sea-wall', html: readFileSync(path.join(pair, 'original.html'), 'utf8') }) +
        jsonLine({ id: 'syndicated', url: 'https://regionalwire.example/wendmouth-sea-wall', html: readFileSync(path.join(pair, 'syndicated.html'), 'utf8') }) +
        jsonLine({ id: 'unrelated', url: 'https://coastcourier.example/news/library', html: readFileSync(path.join(pair, 'unrelated.html'), 'utf8') }),
    );
    const memoryFile = path.join(work, 'memory.json');
    const marked = await batch([jsonl, '--memory', memoryFile, '--repeats', 'mark']);
    assert.equal(marked.code, 0);
    const [original, syndicated, unrelated] = marked.records as (Rec & { blocks: { id: string; text: string }[]; repeats?: { blockId: string; url: string }[] })[];
    assert.equal(original!.repeats, undefined);
    assert.equal(unrelated!.repeats, undefined);
    const textOf = (id: string) => syndicated!.blocks.find((b) => b.id === id)!.text.slice(0, 24);
    // The three shared paragraphs (one with "£14 million" for "14 million pounds", one with curly quotes) and the last.
    assert.deepEqual(syndicated!.repeats!.map((r) => textOf(r.blockId)), ['Councillors in the harbo', 'The new wall will be two', '“We cannot ask families ', 'Engineers who surveyed t']);
    assert.ok(syndicated!.repeats!.every((r) => r.url === 'https://coastcourier.example/news/sea-wall'));
    assert.match(marked.stderr, /repeats +4 blocks already in earlier documents/u);
    assert.equal(FileReadingMemory.open(memoryFile).memory.size, 3);

    const dropped = await batch([jsonl, '--memory', path.join(work, 'memory-drop.json'), '--repeats', 'drop']);
    const kept = dropped.records[1] as Rec & { blocks: { text: string }[]; removed: { reason: string; text: string }[]; markdown: string };
    assert.deepEqual(kept.blocks.map((b) => b.text.slice(0, 24)), ['This story was first pub', 'Residents of the neighbo', 'The county council said ']);
    assert.deepEqual(kept.removed.filter((r) => r.reason === 'read-before').length, 4);
    assert.ok(!kept.markdown.includes('Engineers who surveyed'));
    assert.ok(kept.markdown.includes('Residents of the neighbouring village'));
    assert.deepEqual(dropped.records[0], marked.records[0]);
    assert.deepEqual(dropped.records[2], marked.records[2]);
  });
});
