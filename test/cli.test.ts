/** The `readonce` CLI's contract: formats, input detection, exit codes and one-line errors. */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { run } from '../src/cli/main.ts';

const seed = path.join(import.meta.dirname, 'fixtures', 'seed');
const expected = JSON.parse(readFileSync(path.join(seed, 'expected.json'), 'utf8')) as { title: string; blocks: string[] };

function cli(args: string[]): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const code = run(args, (s) => (stdout += s), (s) => (stderr += s), '0.0.0-test');
  return { code, stdout, stderr };
}

describe('readonce (in process)', () => {
  test('text: the title, a blank line, then one block per paragraph', () => {
    const { code, stdout } = cli([path.join(seed, 'page.txt')]);
    assert.equal(code, 0);
    assert.equal(stdout, [expected.title, ...expected.blocks].join('\n\n') + '\n');
  });

  test('json: the whole result object', () => {
    const { code, stdout } = cli(['--format', 'json', '--url', 'https://example.com/a', path.join(seed, 'page-inline.html')]);
    assert.equal(code, 0);
    const result = JSON.parse(stdout);
    for (const key of ['title', 'byline', 'siteName', 'publishedTime', 'lang', 'excerpt', 'blocks', 'removed', 'html', 'markdown']) {
      assert.ok(key in result, `missing ${key}`);
    }
    assert.deepEqual(result.blocks.map((b: { text: string }) => b.text), expected.blocks);
    assert.equal(result.siteName, 'World Daily Wire');
    assert.ok(result.removed.every((r: { text: string; reason: string }) => r.text && r.reason));
    // The block model: ids on kept and removed blocks, each removal's own html and the kept block before it.
    assert.ok(result.blocks.every((b: { id: string }) => /^b\d+$/u.test(b.id) && result.html.includes(`data-ro-block="${b.id}"`)));
    const keptIds = new Set(result.blocks.map((b: { id: string }) => b.id));
    for (const r of result.removed as { id: string; after: string | null; html: string }[]) {
      assert.deepEqual(Object.keys(r).filter((k) => ['at', 'after', 'html', 'id'].includes(k)).sort(), ['after', 'html', 'id']);
      assert.ok(r.after === null || keptIds.has(r.after), `after ${r.after} is not a kept block`);
      assert.ok(r.html.includes(`data-ro-block="${r.id}"`), r.html);
    }
  });

  test('markdown starts with the title as a heading', () => {
    const { code, stdout } = cli(['--format', 'markdown', path.join(seed, 'page.html')]);
    assert.equal(code, 0);
    assert.ok(stdout.startsWith(`# ${expected.title}\n\n`));
    assert.match(stdout, /## Flying high/u);
  });

  test('html is a whole document with the title escaped', () => {
    const { code, stdout } = cli(['--format', 'html', path.join(seed, 'page.txt')]);
    assert.equal(code, 0);
    assert.match(stdout, /^<!doctype html>/u);
    assert.match(stdout, /<h1>Chinese President Xi Jinping/u);
  });

  test('--input text reads markup as text', () => {
    const { code, stdout } = cli(['--input', 'text', '--format', 'json', path.join(seed, 'page.txt')]);
    assert.equal(code, 0);
    assert.equal(JSON.parse(stdout).title, expected.title);
  });

  const failures: Array<[string, string[], number, RegExp]> = [
    ['an unknown format', ['--format', 'xml', 'x'], 2, /--format must be one of/u],
    ['an unknown option', ['--bogus'], 2, /Unknown option/u],
    ['a missing file', ['no/such/file.html'], 2, /no such file/u],
    ['a directory', [seed], 2, /is a directory/u],
    ['a relative --url', ['--url', 'page.html', path.join(seed, 'page.txt')], 2, /not an absolute URL/u],
    ['two files', ['a', 'b'], 2, /one FILE at most/u],
  ];
  for (const [what, args, code, message] of failures) {
    test(`${what}: exit ${code}, one line, no stack`, () => {
      const r = cli(args);
      assert.equal(r.code, code);
      assert.match(r.stderr, message);
      assert.doesNotMatch(r.stderr, /\n\s+at /u);
      assert.equal(r.stdout, '');
    });
  }

  test('--help and --version', () => {
    assert.match(cli(['--help']).stdout, /Usage: readonce \[FILE\|-\]/u);
    assert.equal(cli(['-v']).stdout, '0.0.0-test\n');
  });
});

const built = path.join(import.meta.dirname, '..', 'dist', 'node', 'cli.js');

describe('readonce (the built executable)', { skip: existsSync(built) ? false : 'run npm run build first' }, () => {
  const exec = (args: string[], input?: string | Buffer) => spawnSync(process.execPath, [built, ...args], { input, encoding: 'utf8' });

  test('reads stdin when FILE is - or missing', () => {
    const text = readFileSync(path.join(seed, 'page.txt'));
    for (const args of [[], ['-']]) {
      const r = exec(args, text);
      assert.equal(r.status, 0, r.stderr);
      assert.ok(r.stdout.startsWith(expected.title));
    }
  });

  test('auto-detects HTML on stdin', () => {
    const r = exec(['--format', 'json'], readFileSync(path.join(seed, 'page-inline.html')));
    assert.equal(r.status, 0, r.stderr);
    assert.deepEqual(JSON.parse(r.stdout).blocks.map((b: { text: string }) => b.text), expected.blocks);
  });

  test('no article: exit 1 with one line on stderr', () => {
    const r = exec([], '<html><body><nav><a href="/">Home</a></nav></body></html>');
    assert.equal(r.status, 1);
    assert.equal(r.stderr, 'readonce: No article found on this page.\n');
  });

  test('empty input: exit 2', () => {
    const r = exec([], '');
    assert.equal(r.status, 2);
    assert.match(r.stderr, /the input is empty/u);
  });

  test('legacy encodings are decoded, not mangled', () => {
    const latin1 = Buffer.from(`${'Caf\xe9 cr\xe8me et g\xe2teau. '.repeat(20)}\n\n${'Le march\xe9 ouvre \xe0 huit heures. '.repeat(20)}`, 'latin1');
    const r = exec(['--input', 'text'], latin1);
    assert.equal(r.status, 0, r.stderr);
    assert.match(r.stdout, /Café crème/u);
  });
});
