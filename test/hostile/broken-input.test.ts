/**
 * Broken input: malformed HTML, empty pages, frames, shadow DOM, odd encodings, text/plain, pages over the
 * element limit. Each gives a result or a clear ReadOnceError (engine) or a one-line message with the right
 * exit code (CLI: 0 result, 1 no article, 2 bad input), never a stack trace. Outcomes only: the times are in
 * scripts/bench-hostile.ts.
 */
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { run } from '../../src/cli/main.ts';
import { type CleanResult, ReadOnceError, cleanHtml, cleanText } from '../../src/node/index.ts';

const SENTENCE = 'The city council approved the harbour budget late on Tuesday after a debate that lasted more than six hours.';
const PARAGRAPHS = Array.from({ length: 6 }, (_, i) => `<p>Paragraph ${i}: ${SENTENCE} Residents from every district came to watch.</p>`).join('\n');
const TITLE = 'Council approves the harbour budget';
const page = (body: string, head = '') => `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${TITLE}</title>${head}</head><body>${body}</body></html>`;

type Outcome = { result: CleanResult } | { error: ReadOnceError };

/** The result or the ReadOnceError; anything else thrown fails the test. */
function outcome(run: () => CleanResult): Outcome {
  try {
    return { result: run() };
  } catch (e) {
    if (e instanceof ReadOnceError) {
      assert.ok(e.message.length > 0 && !/\n\s+at /u.test(e.message), 'a one-line message');
      return { error: e };
    }
    throw e;
  }
}

/** All six paragraphs are in the result's blocks (maybe merged into fewer blocks). */
const hasArticle = (o: Outcome) => {
  if (!('result' in o)) return false;
  const text = o.result.blocks.map((b) => b.text).join('\n');
  return [0, 1, 2, 3, 4, 5].every((i) => text.includes(`Paragraph ${i}: ${SENTENCE}`));
};

describe('malformed and odd HTML', () => {
  const cases: { title: string; html: string; article?: boolean }[] = [
    { title: 'no closing tags at all', html: `<!doctype html><title>${TITLE}</title><body><article>${PARAGRAPHS.replace(/<\/p>/gu, '')}`, article: true },
    { title: 'stray end tags and misnesting', html: page(`</div></span><article><b><i>${PARAGRAPHS}</b></i></td></tr></table></article></section>`), article: true },
    { title: 'blocks inside inline elements', html: page(`<article><span><a href="/x">${PARAGRAPHS}</a></span></article>`), article: true },
    { title: 'unterminated attribute quote', html: page(`<article><p class="x>${PARAGRAPHS}</article>`) },
    { title: 'unterminated comment swallows the page', html: page(`<article><!-- ${PARAGRAPHS}</article>`) },
    { title: 'NUL and control characters', html: page(`<article>${PARAGRAPHS.replace(/council/gu, 'coun\u0000cil\u0001')}</article>`) },
    { title: 'lone surrogates and noncharacters', html: page(`<article>${PARAGRAPHS.replace(/harbour/gu, 'harb\uD800our\uFFFF')}</article>`) },
    { title: 'two bodies and content after </html>', html: `${page(`<article>${PARAGRAPHS.slice(0, 300)}</article>`)}<body class="second"><article>${PARAGRAPHS}</article>` },
    { title: 'content in <head>', html: `<!doctype html><html><head><title>${TITLE}</title><article>${PARAGRAPHS}</article></head><body></body></html>`, article: true },
    { title: 'XHTML served as HTML, with CDATA and an XML declaration', html: `<?xml version="1.0" encoding="utf-8"?><!DOCTYPE html PUBLIC "-//W3C//DTD XHTML 1.0 Strict//EN" "http://www.w3.org/TR/xhtml1/DTD/xhtml1-strict.dtd"><html xmlns="http://www.w3.org/1999/xhtml"><head><title>${TITLE}</title><script><![CDATA[ var a = 1; ]]></script></head><body><article>${PARAGRAPHS}</article></body></html>`, article: true },
    { title: '300 nested divs around the article', html: page(`${'<div>'.repeat(300)}<article>${PARAGRAPHS}</article>${'</div>'.repeat(300)}`), article: true },
    { title: '<plaintext> swallows the rest', html: page(`<article>${PARAGRAPHS}<plaintext><p>all of this is text</p></article>`) },
    { title: 'a 1 MB attribute value', html: page(`<article data-x="${'x'.repeat(1_000_000)}">${PARAGRAPHS}</article>`), article: true },
    { title: 'the article in a <noscript>', html: page(`<noscript><article>${PARAGRAPHS}</article></noscript>`) },
    { title: 'the article in a <template>', html: page(`<template><article>${PARAGRAPHS}</article></template>`) },
    { title: 'everything hidden', html: page(`<article hidden>${PARAGRAPHS}</article>`) },
  ];
  for (const c of cases) {
    it(c.title, () => {
      const o = outcome(() => cleanHtml(c.html));
      if (c.article) assert.ok(hasArticle(o), `article lost: ${JSON.stringify('error' in o ? o.error.message : o.result.blocks.slice(0, 3))}`);
    });
  }
});

describe('empty pages', () => {
  const empty = ['', ' ', '<!doctype html>', '<html></html>', page(''), page('   \n\t  '), page('<!-- nothing -->'), page('<img src="a.jpg"><img src="b.jpg">'), page('<div><div><span></span></div></div>')];
  empty.forEach((html, i) => {
    it(`empty page ${i}: ${JSON.stringify(html.slice(0, 60))} → no-article`, () => {
      const o = outcome(() => cleanHtml(html));
      assert.ok('error' in o && o.error.code === 'no-article', JSON.stringify(o).slice(0, 200));
    });
  });
  it('empty and blank text → empty-input', () => {
    for (const text of ['', '   ', '\n\n\t\r\n']) {
      const o = outcome(() => cleanText(text));
      assert.ok('error' in o && o.error.code === 'empty-input');
    }
  });
});

describe('frames and shadow DOM', () => {
  it('a frameset page → no-article', () => {
    const o = outcome(() => cleanHtml(`<!doctype html><html><head><title>${TITLE}</title></head><frameset cols="50%,50%"><frame src="nav.html"><frame src="story.html"><noframes><p>Your browser does not do frames.</p></noframes></frameset></html>`));
    assert.ok('error' in o && o.error.code === 'no-article');
  });
  it('an article beside iframes keeps the article and drops the frames', () => {
    const o = outcome(() => cleanHtml(page(`<iframe src="https://ads.example/1"></iframe><article>${PARAGRAPHS}<iframe srcdoc="<p>inner</p>"></iframe></article><iframe src="https://ads.example/2"></iframe>`)));
    assert.ok(hasArticle(o));
    assert.ok('result' in o && !/<iframe/iu.test(o.result.html));
  });
  it('only iframes → no-article', () => {
    const o = outcome(() => cleanHtml(page('<iframe src="https://news.example/story"></iframe><iframe srcdoc="<article><p>inside</p></article>"></iframe>')));
    assert.ok('error' in o && o.error.code === 'no-article');
  });
  it('a declarative shadow root beside the article: the article is kept', () => {
    const o = outcome(() => cleanHtml(page(`<div><template shadowrootmode="open"><p>Shadow widget text</p></template></div><article>${PARAGRAPHS}</article>`)));
    assert.ok(hasArticle(o));
  });
  it('the article only inside a declarative shadow root: a result or no-article', () => {
    // The light DOM has no text; cloneNode does not copy shadow roots, so the engine cannot see it.
    outcome(() => cleanHtml(page(`<news-story><template shadowrootmode="open"><article>${PARAGRAPHS}</article></template></news-story>`)));
  });
  it('a custom element wrapping the article (light DOM) keeps it', () => {
    assert.ok(hasArticle(outcome(() => cleanHtml(page(`<news-story><article>${PARAGRAPHS}</article></news-story>`)))));
  });
});

describe('a page that hides its content behind an open dialog', () => {
  // react-modal, a11y-dialog and others set aria-hidden="true" on the app root while a modal is open, so a
  // cookie wall makes the whole article aria-hidden. Pruning drops [aria-hidden="true"]: the article is lost.
  it('an article under aria-hidden="true" (modal open) is still found', () => {
    const o = outcome(() => cleanHtml(page(`<div id="root" aria-hidden="true"><article>${PARAGRAPHS}</article></div><div role="dialog" aria-modal="true"><p>We use cookies.</p><button>Accept</button></div>`)));
    assert.ok(hasArticle(o), JSON.stringify('error' in o ? o.error.code : ''));
  });
});

describe('text/plain', () => {
  it('scraped text with a repeated title, list items and blank lines', () => {
    const text = `${TITLE}\n\n${TITLE}\n\n${Array.from({ length: 5 }, (_, i) => `Paragraph ${i}: ${SENTENCE}`).join('\n\n')}\n\n- one point\n- two points\n`;
    const o = outcome(() => cleanText(text));
    assert.ok('result' in o && o.result.blocks.filter((b) => b.text.includes(SENTENCE)).length === 5);
  });
  it('HTML-looking text is text, not markup', () => {
    const o = outcome(() => cleanText(`${TITLE}\n\n<script>__xss(1)</script> <img src=x onerror=__xss(2)> ${SENTENCE}\n\n${SENTENCE} Again.`));
    assert.ok('result' in o);
    assert.doesNotMatch(o.result.html, /<script|<img/iu);
  });
  it('one 2 MB line without a newline', () => {
    outcome(() => cleanText(`${SENTENCE} `.repeat(Math.round(2e6 / SENTENCE.length))));
  });
  it('CR-only line ends, tabs, form feeds and zero-width characters', () => {
    const o = outcome(() => cleanText(`${TITLE}\r\r${SENTENCE}\f\r\u200B${SENTENCE} Two.\r\t${SENTENCE} Three.`));
    assert.ok('result' in o);
  });
});

describe('size limits', () => {
  it('over maxElements → too-large with a message that says so', () => {
    const html = page(`<article>${PARAGRAPHS}${'<span>x</span>'.repeat(3000)}</article>`);
    const o = outcome(() => cleanHtml(html, { maxElements: 2000 }));
    assert.ok('error' in o && o.error.code === 'too-large');
    assert.match(o.error.message, /too large/iu);
  });
  it('5,000 near-identical teaser cards under an article: a result, not the cards', () => {
    const card = (i: number) => `<div class="card"><a href="/story/${i}"><h3>Council approves harbour budget ${i % 7}</h3><p>The city council approved the harbour budget late on Tuesday after…</p></a></div>`;
    const html = page(`<article><h1>${TITLE}</h1>${PARAGRAPHS}</article><section>${Array.from({ length: 5000 }, (_, i) => card(i)).join('')}</section>`);
    const o = outcome(() => cleanHtml(html));
    assert.ok(hasArticle(o));
    assert.ok('result' in o && o.result.blocks.length < 50, `${'result' in o ? o.result.blocks.length : 0} blocks`);
  });
});

// The CLI, through run() as the executable calls it, and through the built executable for the exit code.
const dir = mkdtempSync(join(tmpdir(), 'readonce-hostile-'));
after(() => rmSync(dir, { recursive: true, force: true }));

function file(name: string, content: string | Uint8Array): string {
  const path = join(dir, name);
  writeFileSync(path, content);
  return path;
}

function cli(args: string[]): { code: number; out: string; err: string } {
  let out = '';
  let err = '';
  const code = run(args, (s) => void (out += s), (s) => void (err += s), '0.0.0-test');
  return { code, out, err };
}

/** A one-line message starting "readonce:" (maybe with a hint line), no stack frames. */
function assertCleanError(err: string): void {
  assert.match(err, /^readonce: /u);
  assert.doesNotMatch(err, /\n\s+at |node:internal|\.ts:\d+|\.js:\d+/u);
  assert.ok(err.trim().split('\n').length <= 2, err);
}

const bytes = (...parts: (string | number[] | Buffer)[]) => Buffer.concat(parts.map((p) => (typeof p === 'string' ? Buffer.from(p, 'latin1') : Buffer.from(p))));
const ARTICLE_HTML = (charsetMeta: string, word: number[]) =>
  bytes(`<!doctype html><html><head>${charsetMeta}<title>Harbour</title></head><body><article>`, ...Array.from({ length: 5 }, () => bytes('<p>The caf', word, ` said: ${SENTENCE}</p>`)), '</article></body></html>');

describe('CLI on non-UTF-8 and broken files', () => {
  it('windows-1252 bytes without a declared charset', () => {
    const r = cli([file('cp1252.html', ARTICLE_HTML('', [0xe9]))]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /The café said/u);
  });
  it('ISO-8859-1 declared in http-equiv', () => {
    const r = cli([file('latin1.html', ARTICLE_HTML('<meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">', [0xe9]))]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /The café said/u);
  });
  it('Shift_JIS declared in meta charset', () => {
    // 日本 in Shift_JIS.
    const r = cli([file('sjis.html', ARTICLE_HTML('<meta charset="shift_jis">', [0x93, 0xfa, 0x96, 0x7b]))]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /The caf日本 said/u);
  });
  it('UTF-16LE with a BOM', () => {
    const text = `<!doctype html><title>Harbour</title><article>${PARAGRAPHS}</article>`;
    const r = cli([file('utf16.html', Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]))]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /Paragraph 5/u);
  });
  it('UTF-16LE without a BOM: a result or a clean error', () => {
    const r = cli(['--input', 'html', file('utf16-nobom.html', Buffer.from(`<!doctype html><title>Harbour</title><article>${PARAGRAPHS}</article>`, 'utf16le'))]);
    if (r.code !== 0) assertCleanError(r.err);
  });
  it('invalid UTF-8 (a truncated sequence) falls back to a legacy decoding', () => {
    const r = cli([file('bad-utf8.html', ARTICLE_HTML('<meta charset="utf-8">', [0xc3]))]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /Paragraph|The caf/u);
  });
  it('an unknown declared charset', () => {
    const r = cli([file('unknown-charset.html', ARTICLE_HTML('<meta charset="x-klingon">', [0xe9]))]);
    assert.equal(r.code, 0, r.err);
  });
  it('binary garbage (a PNG header and random bytes): exit 1 or 2 with a message', () => {
    const noise = Buffer.alloc(20_000);
    for (let i = 0; i < noise.length; i++) noise[i] = (i * 7919 + 13) % 256;
    const r = cli([file('garbage.bin', Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), noise]))]);
    assert.ok(r.code === 0 || r.code === 1 || r.code === 2);
    if (r.code !== 0) assertCleanError(r.err);
  });
  it('text/plain through the CLI', () => {
    const r = cli([file('story.txt', `${TITLE}\n\n${Array.from({ length: 5 }, (_, i) => `Paragraph ${i}: ${SENTENCE}`).join('\n\n')}\n`)]);
    assert.equal(r.code, 0, r.err);
    assert.match(r.out, /Paragraph 4/u);
  });
  it('an empty file → exit 2', () => {
    const r = cli([file('empty.html', '')]);
    assert.equal(r.code, 2);
    assertCleanError(r.err);
  });
  it('a page without an article → exit 1', () => {
    const r = cli([file('nav-only.html', page('<nav><a href="/">Home</a></nav>'))]);
    assert.equal(r.code, 1);
    assertCleanError(r.err);
  });
  it('a missing file and a directory → exit 2', () => {
    for (const path of [join(dir, 'does-not-exist.html'), (mkdirSync(join(dir, 'a-dir'), { recursive: true }), join(dir, 'a-dir'))]) {
      const r = cli([path]);
      assert.equal(r.code, 2);
      assertCleanError(r.err);
    }
  });
  it('a nameless <!DOCTYPE> → a result or a clean message', () => {
    const r = cli([file('nameless-doctype.html', `<!DOCTYPE><title>Harbour</title><article>${PARAGRAPHS}</article>`)]);
    if (r.code !== 0) assertCleanError(r.err);
  });
});

const BUILT_CLI = fileURLToPath(new URL('../../dist/node/cli.js', import.meta.url));

describe('the built readonce executable', { skip: existsSync(BUILT_CLI) ? false : 'dist/node/cli.js is not built (npm run build)' }, () => {
  const exec = (args: string[], input?: string | Buffer) => spawnSync(process.execPath, [BUILT_CLI, ...args], { input, encoding: 'utf8', timeout: 30_000 });
  it('garbage on stdin: a result or exit 1/2 with one line on stderr', () => {
    const p = exec(['-'], Buffer.from([0, 1, 2, 3, 0xff, 0xfe, 0xfd, 0x3c, 0x3e, 0, 0]));
    assert.ok(p.status === 0 || p.status === 1 || p.status === 2, `exit ${p.status}: ${p.stderr}`);
    if (p.status !== 0) assertCleanError(p.stderr);
  });
  it('empty stdin: exit 2', () => {
    const p = exec([], '');
    assert.equal(p.status, 2);
    assertCleanError(p.stderr);
  });
  it('an article on stdin: exit 0', () => {
    const p = exec(['--format', 'json'], page(`<article>${PARAGRAPHS}</article>`));
    assert.equal(p.status, 0, p.stderr);
    assert.equal((JSON.parse(p.stdout) as CleanResult).blocks.length, 6);
  });
  it('a nameless <!DOCTYPE> on stdin: no stack trace', () => {
    const p = exec([], `<!DOCTYPE><title>Harbour</title><article>${PARAGRAPHS}</article>`);
    assert.ok(p.status === 0 || p.status === 1 || p.status === 2);
    if (p.status !== 0) assertCleanError(p.stderr);
  });
});
