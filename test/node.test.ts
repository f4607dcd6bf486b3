/** The Node entry: jsdom as the engine's DOM, and what it must not add to a clean (a teardown crash). */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cleanHtml, closeWindow, parseHtml } from '../src/node/index.ts';

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
