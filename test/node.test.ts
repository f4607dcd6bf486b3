/** The Node entry: jsdom as the engine's DOM, what it must not add to a clean (a teardown crash), Markdown on demand. */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { cleanHtml, closeWindow, markdownOf, parseHtml } from '../src/node/index.ts';
import { goldenPages } from './golden.ts';

const story = Array.from({ length: 8 }, (_, i) => `<p>Paragraph ${i}: the harbour council met again on Tuesday to weigh the ferry budget and its timetable.</p>`).join('');

// jsdom counts every element named iframe as a frame of the window, an SVG or MathML one too (sanitizer test
// payloads such as DOMPurify's README put them in pages), and window.close() then asks that element's missing
// window to close: "Cannot read properties of undefined (reading 'close')".
const FOREIGN_FRAME = '<svg><iframe></iframe></svg><iframe src="about:blank"></iframe>';

describe('cleanHtml and the jsdom window', () => {
  it('jsdom still fails to close a window whose page has a foreign-namespace iframe (why closeWindow exists)', () => {
    const doc = parseHtml(`<body>${FOREIGN_FRAME}</body>`);
    assert.throws(() => doc.defaultView!.close(), /reading 'close'/u);
  });

  it('returns the finished clean of such a page instead of the teardown error', () => {
    const result = cleanHtml(`<html><head><title>Harbour budget</title></head><body><article><h1>Harbour budget</h1>${story}${FOREIGN_FRAME}</article></body></html>`);
    assert.equal(result.blocks.filter((b) => b.kind === 'paragraph').length, 8);
  });

  it('closeWindow frees an ordinary window and never throws', () => {
    const doc = parseHtml(`<body>${story}</body>`);
    closeWindow(doc);
    assert.equal(doc.body?.innerHTML ?? '', '');
    closeWindow(parseHtml(`<body>${FOREIGN_FRAME}</body>`));
  });
});

describe('Markdown only when asked', () => {
  for (const page of goldenPages().filter((p) => existsSync(path.join(p.dir, 'source.html')))) {
    it(`${page.slug}: markdownOf renders from the html what the engine renders from its article`, () => {
      const html = readFileSync(path.join(page.dir, 'source.html'), 'utf8');
      const full = cleanHtml(html, { url: page.url });
      const deferred = cleanHtml(html, { url: page.url, markdown: false });
      assert.equal(deferred.markdown, '');
      assert.equal(deferred.html, full.html);
      assert.equal(markdownOf(deferred, parseHtml('<!doctype html><title></title>')), full.markdown);
      assert.equal(markdownOf(full, parseHtml('')), full.markdown);
    });
  }
});
