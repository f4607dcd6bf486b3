/**
 * What the working copy leaves out that Readability alone would keep: it stays in the copy (a <nav> inside the
 * story, a chart's <svg>), or a marker stands in its place and, when Readability keeps the marker in its
 * article, it is put back and recorded in `removed` with its reason. Pages are small sketches of real layouts.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { showAsReaderSaw, workingCopy } from '../src/core/working-copy/index.ts';
import { cleanDocument, cleanHtml, parseHtml } from '../src/node/index.ts';

const sentence = (i: number) =>
  `Paragraph ${i} of the story: the harbour council met again on Tuesday to weigh the ferry budget and the new timetable.`;
const paragraphs = (n: number) => Array.from({ length: n }, (_, i) => `<p>${sentence(i + 1)}</p>`).join('');
const page = (body: string) => `<!doctype html><html lang="en"><head><title>Ferry budget</title></head><body>${body}</body></html>`;
const url = 'https://example.com/ferry';

const keptText = (r: ReturnType<typeof cleanHtml>) => r.blocks.map((b) => b.text).join('\n');

describe('a <nav> inside the story', () => {
  // nytimes-5: section tabs inside the collection's <section>, under <main>.
  const html = page(`<main><h1>Ferry budget</h1>${paragraphs(4)}<nav class="tabs"><ul><li><a href="/latest">Latest stories</a></li><li><a href="/search">Search the archive</a></li></ul></nav>${paragraphs(4)}</main>`);

  it('stays in the working copy, where Readability reads it as on the page', () => {
    assert.match(workingCopy(parseHtml(html, url)).doc.body.textContent ?? '', /Latest stories/u);
  });

  it('is recorded as removed site navigation, where it stood, and not kept', () => {
    const result = cleanHtml(html, { url });
    assert.doesNotMatch(keptText(result), /Latest stories|Search the archive/u);
    const nav = result.removed.filter((r) => r.reason === 'site-navigation');
    assert.deepEqual(nav.map((r) => r.text), ['Latest stories', 'Search the archive']);
    assert.equal(nav[0]!.category, 'boilerplate');
    assert.equal(nav[0]!.after, result.blocks.find((b) => b.text.startsWith('Paragraph 4 '))?.id);
    assert.match(nav[0]!.html, /href="https:\/\/example.com\/latest"/u);
    assert.doesNotMatch(result.html, /Latest stories|<nav/u);
  });

  it('is kept in place when the reader keeps boilerplate', () => {
    const result = cleanHtml(html, { url, keep: ['boilerplate'] });
    assert.match(keptText(result), /Latest stories/u);
    assert.equal(result.removed.filter((r) => r.reason === 'site-navigation').length, 0);
  });

  it('is left to the rules when it is the article outline (every link in-page), not a row of tabs', () => {
    const outline = page(`<main><h1>Ferry budget</h1><nav><ol><li><a href="#costs">Costs of the new ferry</a></li><li><a href="#timetable">The winter timetable</a></li></ol></nav><h2 id="costs">Costs</h2>${paragraphs(4)}<h2 id="timetable">Timetable</h2>${paragraphs(4)}</main>`);
    const result = cleanHtml(outline, { url });
    assert.equal(result.removed.filter((r) => r.reason === 'site-navigation').length, 0);
    const tabs = outline.replace('<nav><ol>', '<nav><ol role="tablist">').replaceAll('<a href="#', '<a role="tab" href="#');
    assert.equal(cleanHtml(tabs, { url }).removed.filter((r) => r.reason === 'site-navigation').length, 2);
  });
});

describe('page chrome left out where Readability keeps it', () => {
  // A site header set inside the element that holds the story: Readability alone keeps its links with the story.
  const html = page(`<div class="story"><header class="masthead"><a href="/">Harbour Gazette front page</a> <a href="/subscribe">Subscribe today</a></header><h1>Ferry budget</h1>${paragraphs(8)}</div>`);

  for (const copy of ['walk', 'clone', 'in-place'] as const) {
    it(`is put back and recorded as removed, with its reason (${copy})`, () => {
      const result = cleanDocument(parseHtml(html, url), { copy });
      assert.deepEqual(result.removed.filter((r) => r.reason === 'site-header').map((r) => r.text), ['Harbour Gazette front page Subscribe today']);
      assert.doesNotMatch(keptText(result), /Subscribe today/u);
      assert.doesNotMatch(result.html, /ro-left-out|Subscribe today/u);
    });
  }

  it('is not looked at in the copy: the copy itself is still without it', () => {
    assert.doesNotMatch(workingCopy(parseHtml(html, url)).doc.body.textContent ?? '', /Subscribe today/u);
  });

  it('is recorded when the element that held it would have been left empty (the marker moves up beside it)', () => {
    const wrapped = page(`<div class="story"><div class="nav-wrap"><nav><a href="/">Front page of the gazette</a> <a href="/sport">Sport pages</a></nav></div><h1>Ferry budget</h1>${paragraphs(8)}</div>`);
    const result = cleanHtml(wrapped, { url });
    assert.deepEqual(result.removed.filter((r) => r.reason === 'site-navigation').map((r) => r.text), ['Front page of the gazette Sport pages']);
  });

  it('is not recorded when Readability leaves its place out of the article (a menu beside the story)', () => {
    const beside = page(`<header><a href="/">Harbour Gazette front page</a></header><div class="story"><h1>Ferry budget</h1>${paragraphs(8)}</div>`);
    const result = cleanHtml(beside, { url });
    assert.equal(result.removed.filter((r) => r.reason.startsWith('site-')).length, 0);
  });

  it("takes a page's own comment for nothing: only the copy's markers are read", () => {
    const spoof = page(`<div class="story"><!--ro-left-out 0--><h1>Ferry budget</h1>${paragraphs(8)}</div>`);
    for (const copy of ['walk', 'clone', 'in-place'] as const) {
      assert.equal(cleanDocument(parseHtml(spoof, url), { copy }).removed.length, 0, copy);
    }
  });
});

describe('an <svg> in the copy', () => {
  const chart = '<svg viewBox="0 0 400 200"><g><text x="0" y="27">January</text><text x="175" y="27">February</text></g><path d="M0,120L350,50"></path></svg>';
  const icon = '<svg viewBox="0 0 24 24"><path d="M12 2L2 22h20z"></path></svg>';
  const html = page(`<article><h1>Ferry budget</h1>${paragraphs(3)}${chart}${icon}${paragraphs(3)}</article>`);

  it('stays when it labels itself with <text> (a chart), and its labels are in the blocks', () => {
    const copy = workingCopy(parseHtml(html, url)).doc;
    assert.equal(copy.querySelectorAll('svg').length, 1);
    assert.match(keptText(cleanHtml(html, { url })), /January February/u);
  });
});

describe('showAsReaderSaw: the page as the working copy reads it shown, for measuring', () => {
  it("swaps React's streamed segments in and shows a story under a modal's aria-hidden, nothing else", () => {
    const doc = parseHtml(page(`<div aria-hidden="true" id="app"><h1>Ferry budget</h1><div id="slot"><template id="B:0"></template><p>Loading…</p><!--/$--></div></div><div aria-hidden="true" id="icon">★</div><div hidden id="S:0"><p>${sentence(1)}</p></div><script>$RC("B:0","S:0")</script>`), url);
    showAsReaderSaw(doc);
    assert.equal(doc.getElementById('app')?.hasAttribute('aria-hidden'), false);
    assert.equal(doc.getElementById('icon')?.getAttribute('aria-hidden'), 'true');
    assert.match(doc.getElementById('slot')?.textContent ?? '', /Paragraph 1/u);
    assert.doesNotMatch(doc.getElementById('slot')?.textContent ?? '', /Loading/u);
  });
});

describe('chrome inside a line', () => {
  // Found by test/hostile/properties.test.ts: a <nav> inside <strong>, which would join the line's text.
  it('is not put back: the kept blocks are what the html shows', () => {
    const result = cleanHtml(page(`<div class="story"><h1>Ferry budget</h1>${paragraphs(6)}<p><strong>Note<nav><a href="/">Front page of the gazette</a></nav></strong></p></div>`), { url });
    assert.doesNotMatch(result.html, /Front page/u);
    assert.doesNotMatch(result.blocks.map((b) => b.text).join('\n'), /Front page/u);
  });

  it('is put back and recorded when it sits between blocks of the same element', () => {
    const result = cleanHtml(page(`<div class="story"><h1>Ferry budget</h1>${paragraphs(6)}<nav><a href="/">Front page of the gazette</a></nav>${paragraphs(2)}</div>`), { url });
    assert.deepEqual(result.removed.filter((r) => r.reason === 'site-navigation').map((r) => r.text), ['Front page of the gazette']);
  });
});
