/**
 * Every vector in xss-vectors.ts, alone in an ordinary article page, then all of them in one page: the cleaned
 * article keeps the article's text and nothing of the payload that could run or load, checked on the parsed
 * output DOM (hazards) and by running the output in a script-enabled jsdom (executions).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cleanHtml, type CleanResult } from '../../src/node/index.ts';
import { executions, hazards } from './inert.ts';
import { XSS_VECTORS, articlePage, engineMarker } from './xss-vectors.ts';

const URL_BASE = 'https://news.example/2026/harbour-budget';

function clean(html: string): CleanResult {
  return cleanHtml(html, { url: URL_BASE });
}

function assertInert(result: CleanResult, needles: string[]): void {
  assert.deepEqual(hazards(result.html, needles), []);
  // The article itself survived: the test is not vacuous.
  assert.match(result.html, /approved the harbour budget late on Tuesday/u);
  assert.match(result.html, /quarterly reports/u);
}

describe('XSS vectors in an article page', () => {
  it(`has at least 50 vectors with distinct titles (${XSS_VECTORS.length})`, () => {
    assert.ok(XSS_VECTORS.length >= 50);
    assert.equal(new Set(XSS_VECTORS.map((v) => v.title)).size, XSS_VECTORS.length);
  });

  XSS_VECTORS.forEach((vector, i) => {
    it(`${i}: ${vector.title} (${vector.why})`, async () => {
      const m = engineMarker(i);
      const result = clean(articlePage([{ payload: vector.payload(m), where: vector.where, label: `vector ${i}` }]));
      assertInert(result, [m.url, 'evil.example']);
      assert.deepEqual(await executions(result.html), []);
      // Markdown is plain text for a reader, but must not carry a script link either (data: images are fine).
      assert.doesNotMatch(result.markdown, /\]\(\s*(javascript|vbscript|data:(?!image\/(?!svg)))/iu);
    });
  });

  it('all vectors in one page', async () => {
    const page = articlePage(XSS_VECTORS.map((v, i) => ({ payload: v.payload(engineMarker(i)), where: v.where, label: `vector ${i}` })));
    const result = clean(page);
    assertInert(result, ['evil.example']);
    assert.deepEqual(await executions(result.html), []);
    // Most of the article's own paragraphs around the vectors are kept.
    const kept = XSS_VECTORS.filter((_, i) => result.html.includes(`After vector ${i}:`)).length;
    assert.ok(kept >= XSS_VECTORS.length * 0.8, `only ${kept} of ${XSS_VECTORS.length} "After" paragraphs kept`);
  });

  it('the checks themselves catch a live payload (the test can fail)', async () => {
    const m = engineMarker(0);
    const live = XSS_VECTORS.map((v) => v.payload(m)).join('\n');
    assert.ok(hazards(live, [m.url]).length > XSS_VECTORS.length);
    assert.ok((await executions(`<img src=x onerror=${m.js}><script>${m.js}</script>`)).length >= 2);
  });
});
