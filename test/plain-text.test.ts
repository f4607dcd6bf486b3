/**
 * Scraped text reads its characters as an HTML parser reads the same text in a page's body, so that the text
 * path and the HTML path give the same blocks, and `html` is what a view gets back when it parses it again.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { JSDOM, VirtualConsole } from 'jsdom';
import { sanitizeHtml } from '../src/core/sanitize.ts';
import { type CleanResult, ReadOnceError, cleanHtml, cleanText } from '../src/node/index.ts';

const win = new JSDOM('', { virtualConsole: new VirtualConsole() }).window as unknown as Window;

const TITLE = 'Harbour council approves new ferry budget';
const PARAGRAPHS = [
  'The harbour council approved the ferry budget late on Tuesday after a debate of six hours.',
  'Islanders had asked for a night crossing since the winter timetable cut the last boat at nine.',
  'The new budget adds two crossings a day and keeps fares where they are until the spring review.',
];

const texts = (result: CleanResult) => result.blocks.map((b) => b.text);
const escape = (s: string) => s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;');

/** The same lines served as a page: the HTML parser decides what each character becomes. */
function asPage(lines: readonly string[]): string {
  return `<!doctype html><title>${escape(lines[0]!)}</title><article><h1>${escape(lines[0]!)}</h1>${lines.slice(1).map((l) => `<p>${escape(l)}</p>`).join('')}</article>`;
}

describe('scraped text as an HTML parser reads it', () => {
  it('drops NUL, as the parser does in body text: the blocks match the HTML path and html has none', () => {
    const lines = [TITLE.replace('ferry', 'fe\u0000rry'), ...PARAGRAPHS.map((p) => p.replace(/ the /u, ' t\u0000he\u0000 '))];
    const fromText = cleanText(lines.join('\n\n'));
    const fromHtml = cleanHtml(asPage(lines));
    assert.deepEqual(texts(fromText), PARAGRAPHS);
    assert.deepEqual(texts(fromHtml), texts(fromText), 'the HTML path keeps the same blocks');
    assert.deepEqual(fromText.removed.map((r) => r.text), [TITLE], 'the headline line, repeated as the title');
    assert.equal(fromText.title, TITLE);
    assert.doesNotMatch(fromText.html + fromText.markdown, /\u0000/u);
    assert.equal(sanitizeHtml(win, fromText.html), fromText.html, 'not a fixed point of the sanitizer');
  });

  it('a line of NULs only is no line: it does not split a list or make an empty paragraph', () => {
    const result = cleanText([TITLE, ...PARAGRAPHS, '- Two crossings a day', '\u0000\u0000', '- Fares held until the spring'].join('\n'));
    assert.deepEqual(texts(result).slice(-2), ['Two crossings a day', 'Fares held until the spring']);
    assert.equal((result.html.match(/<ul>/gu) ?? []).length, 1);
    assert.doesNotMatch(result.html, /<p>\s*<\/p>/u);
  });

  it('text of NULs only is no article', () => {
    assert.throws(() => cleanText('\u0000\n\u0000'), (e) => e instanceof ReadOnceError && e.code === 'no-article');
  });

  it('CR and CRLF end lines as LF does', () => {
    const lf = cleanText([TITLE, ...PARAGRAPHS].join('\n'));
    assert.deepEqual(texts(cleanText([TITLE, ...PARAGRAPHS].join('\r'))), texts(lf));
    assert.deepEqual(texts(cleanText([TITLE, ...PARAGRAPHS].join('\r\n'))), texts(lf));
  });

  it('keeps every other character: C0 and C1 controls, lone surrogates, noncharacters (the parser keeps them too)', () => {
    const odd = '\u0001\u0008\u007f\u0085\u009f\ud800\udfff\ufdd0\ufffe\uffff';
    const result = cleanText([TITLE, ...PARAGRAPHS.slice(0, 2), `${PARAGRAPHS[2]} ${odd}x`].join('\n\n'));
    assert.ok(texts(result).some((t) => t.endsWith(`${odd}x`)), JSON.stringify(texts(result)));
    assert.equal(sanitizeHtml(win, result.html), result.html);
  });
});
