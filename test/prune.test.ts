/**
 * The working copy: where the article's paragraphs are (proseRegion), and what the copy keeps around them.
 * Pages here are small sketches of real layouts: an article column beside a rail, a header with the headline
 * and byline above the body, <meta> tags inside the body.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { copyWithoutFurniture, proseRegion } from '../src/core/prune.ts';
import { cleanDocument, parseHtml } from '../src/node/index.ts';

const sentence = (i: number) =>
  `Paragraph ${i} of the story: the harbour council met again on Tuesday to weigh the ferry budget and the new timetable.`;
const paragraphs = (from: number, n: number) => Array.from({ length: n }, (_, i) => `<p>${sentence(from + i)}</p>`).join('');

/** A news page: site header, an <article> with its own header and a lead figure, the body, a rail, a footer. */
function newsPage({ byline = '<p class="byline">By Ada Example</p>', bodyMeta = '' } = {}): string {
  return `<!doctype html><html lang="en"><head><title>Harbour council approves ferry budget</title></head><body>
    <div class="site-header"><div class="logo">Daily Example</div><div class="menu"><a href="/">Home</a></div></div>
    <div class="layout">
      <div class="main-column"><article>
        <div class="article-head"><h1>Harbour council approves ferry budget</h1>${byline}</div>
        <div class="share-bar"><a href="https://x.example/share">Share</a></div>
        <figure class="lead"><img src="https://example.com/ferry.jpg" alt="The ferry"><figcaption>The ferry at dawn.</figcaption></figure>
        <div class="body-wrap"><div class="story-body">${bodyMeta}${paragraphs(1, 12)}</div></div>
      </article></div>
      <div class="rail"><div class="most-read"><a href="/a">Another story</a><a href="/b">And another</a></div></div>
    </div>
    <div class="site-footer"><span>© Daily Example</span></div>
  </body></html>`;
}

describe('proseRegion', () => {
  it('is the deepest element holding nearly all the paragraph text', () => {
    const doc = parseHtml(newsPage(), 'https://example.com/story');
    assert.equal(proseRegion(doc)?.className, 'story-body');
  });

  it('is the body when the paragraphs are spread over the page', () => {
    const doc = parseHtml(`<body><div>${paragraphs(1, 6)}</div><div>${paragraphs(7, 6)}</div></body>`);
    assert.equal(proseRegion(doc), doc.body);
  });

  it('is the body when there is too little paragraph text to tell', () => {
    const doc = parseHtml(`<body><div class="short"><p>${sentence(1)}</p></div><div>menu</div></body>`);
    assert.equal(proseRegion(doc), doc.body);
  });

  it('is null without a body', () => {
    const doc = parseHtml('<p>x</p>');
    doc.documentElement.removeChild(doc.body);
    assert.equal(proseRegion(doc), null);
  });
});

describe('the copy around the region', () => {
  it('keeps the siblings that hold content and leaves out bars, rails and site chrome', () => {
    const doc = parseHtml(newsPage(), 'https://example.com/story');
    const copy = copyWithoutFurniture(doc, proseRegion(doc)).doc;
    const text = copy.body.textContent ?? '';
    assert.match(text, /Paragraph 12 of the story/u);
    assert.match(text, /Harbour council approves ferry budget/u, 'the headline beside the body');
    assert.ok(copy.querySelector('figure.lead img'), 'the lead image beside the body');
    for (const chrome of ['Share', 'Another story', 'Daily Example', 'Home']) {
      assert.doesNotMatch(text, new RegExp(`\\b${chrome}\\b`, 'u'), chrome);
    }
  });

  it('copies the whole page without a region', () => {
    const doc = parseHtml(newsPage(), 'https://example.com/story');
    assert.match(copyWithoutFurniture(doc).doc.body.textContent ?? '', /Another story/u);
  });

  it('moves <meta> tags from outside the region into the head, where Readability reads them', () => {
    const html = newsPage().replace('<div class="rail">', '<div class="rail"><meta property="og:site_name" content="Daily Example News">');
    const doc = parseHtml(html, 'https://example.com/story');
    const copy = copyWithoutFurniture(doc, proseRegion(doc)).doc;
    assert.equal(copy.head.querySelector('meta[property="og:site_name"]')?.getAttribute('content'), 'Daily Example News');
    assert.equal(cleanDocument(doc).siteName, 'Daily Example News');
  });

  it('leaves the page it copies untouched', () => {
    const doc = parseHtml(newsPage(), 'https://example.com/story');
    const before = doc.documentElement.outerHTML;
    copyWithoutFurniture(doc, proseRegion(doc));
    cleanDocument(doc);
    assert.equal(doc.documentElement.outerHTML, before);
  });
});

describe('a byline outside the region', () => {
  // The byline sits in a header that holds no paragraph, image or headline of its own, so the copy passes it over.
  const page = newsPage({ byline: '' }).replace(
    '<div class="share-bar">',
    '<div class="meta-row"><span class="author-name">By Ada Example</span></div><div class="share-bar">',
  );

  it('still reaches Readability, and is not left in the article', () => {
    const result = cleanDocument(parseHtml(page, 'https://example.com/story'));
    assert.equal(result.byline, 'By Ada Example');
    assert.ok(!result.blocks.some((b) => b.text.includes('Ada Example')), JSON.stringify(result.blocks.slice(0, 3)));
  });

  it('is carried ahead of the region', () => {
    const doc = parseHtml(page, 'https://example.com/story');
    const copy = copyWithoutFurniture(doc, proseRegion(doc));
    assert.equal(copy.carriedByline, 'By Ada Example');
    assert.equal(copy.doc.body.firstElementChild?.textContent, 'By Ada Example');
  });

  it('is dropped from the article when Readability has a byline from the metadata and keeps it as text', () => {
    // The region's parent is the body, so Readability weighs the carried line as a sibling paragraph.
    const html = `<html><head><title>Harbour</title><meta name="author" content="Ada Example (metadata)"></head><body>
      <div class="dateline">Updated at noon today.</div><div class="story">${paragraphs(1, 12)}</div></body></html>`;
    const result = cleanDocument(parseHtml(html, 'https://example.com/story'));
    assert.equal(result.byline, 'Ada Example (metadata)');
    assert.equal(result.blocks[0]?.text, sentence(1));
  });
});
