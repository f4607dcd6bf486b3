/**
 * The working copy: where the article's paragraphs are (proseRegion), and what the copy keeps around them.
 * Pages here are small sketches of real layouts: an article column beside a rail, a header with the headline
 * and byline above the body, <meta> tags inside the body.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { copyLoss } from '../scripts/lib/copy-loss.ts';
import { namesShadowMembers, unclobberedClone } from '../src/core/working-copy/01-served.ts';
import { copyWithoutFurniture, proseRegion, workingCopy } from '../src/core/working-copy/index.ts';
import { cleanDocument, parseHtml } from '../src/node/index.ts';
import { goldenPages } from './golden.ts';

const sentence = (i: number) =>
  `Paragraph ${i} of the story: the harbour council met again on Tuesday to weigh the ferry budget and the new timetable.`;
const paragraphs = (from: number, n: number) => Array.from({ length: n }, (_, i) => `<p>${sentence(from + i)}</p>`).join('');

/** A news page: site header, an <article> with its own header and a lead figure, the body, a rail, a footer. */
function newsPage({ byline = '<p class="byline">By Ada Example</p>', bodyMeta = '', count = 12 } = {}): string {
  return `<!doctype html><html lang="en"><head><title>Harbour council approves ferry budget</title></head><body>
    <div class="site-header"><div class="logo">Daily Example</div><div class="menu"><a href="/">Home</a></div></div>
    <div class="layout">
      <div class="main-column"><article>
        <div class="article-head"><h1>Harbour council approves ferry budget</h1>${byline}</div>
        <div class="share-bar"><a href="https://x.example/share">Share</a></div>
        <figure class="lead"><img src="https://example.com/ferry.jpg" alt="The ferry"><figcaption>The ferry at dawn.</figcaption></figure>
        <div class="body-wrap"><div class="story-body">${bodyMeta}${paragraphs(1, count)}</div></div>
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

  it('is the element around a paragraph that holds nearly all the text, not the paragraph', () => {
    // qq.com sets a whole story in one <p>; the editor's line stands beside it.
    const doc = parseHtml(`<body><div class="main"><div class="story">${'<p>' + Array.from({ length: 12 }, (_, i) => sentence(i)).join(' ') + '</p>'}<div class="editor">Editor: Li Wei</div></div><div class="rail"><a href="/x">More</a></div></div></body>`);
    assert.equal(proseRegion(doc)?.className, 'story');
    assert.match(cleanDocument(doc).blocks.map((b) => b.text).join('\n'), /Editor: Li Wei/u);
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

  it('keeps a sibling near the region that holds a line of plain text (a dateline), not one of links only', () => {
    const html = newsPage().replace('<div class="share-bar">', '<div class="stamp"><span>First published Tuesday 19 November 2019</span></div><div class="share-bar">');
    const doc = parseHtml(html, 'https://example.com/story');
    const text = copyWithoutFurniture(doc, proseRegion(doc)).doc.body.textContent ?? '';
    assert.match(text, /First published Tuesday/u);
    assert.doesNotMatch(text, /\bShare\b/u);
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
  // The byline is a link in a bar that holds no paragraph, image, headline or plain text of its own, so the copy
  // passes the bar over.
  const page = newsPage({ byline: '' }).replace(
    '<div class="share-bar">',
    '<div class="meta-row"><a class="author-name" href="/ada">By Ada Example</a></div><div class="share-bar">',
  );

  it('reaches the metadata, and is not in the article', () => {
    const result = cleanDocument(parseHtml(page, 'https://example.com/story'));
    assert.equal(result.byline, 'By Ada Example');
    assert.ok(!result.blocks.some((b) => b.text.includes('Ada Example')), JSON.stringify(result.blocks.slice(0, 3)));
  });

  it('is carried as a hint beside the copy, not in it', () => {
    const doc = parseHtml(page, 'https://example.com/story');
    for (const strategy of ['walk', 'clone'] as const) {
      const copy = copyWithoutFurniture(doc, proseRegion(doc), strategy);
      assert.equal(copy.bylineHint, 'By Ada Example', strategy);
      assert.doesNotMatch(copy.doc.body.textContent ?? '', /Ada Example/u, strategy);
    }
  });

  it('gives way to the byline Readability finds', () => {
    const html = page.replace('<title>', '<meta name="author" content="Ada Example (metadata)"><title>');
    assert.equal(cleanDocument(parseHtml(html, 'https://example.com/story')).byline, 'Ada Example (metadata)');
  });

  it('leaves a dateline of plain text beside the region in the copy, where Readability weighs it as it would alone', () => {
    const html = `<html><head><title>Harbour</title><meta name="author" content="Ada Example (metadata)"></head><body>
      <div class="dateline">Updated at noon today.</div><div class="story">${paragraphs(1, 12)}</div></body></html>`;
    const doc = parseHtml(html, 'https://example.com/story');
    const copy = workingCopy(doc);
    assert.equal(copy.bylineHint, null);
    assert.match(copy.doc.body.textContent ?? '', /Updated at noon today/u);
    assert.equal(cleanDocument(doc).byline, 'Ada Example (metadata)');
  });
});

/** Every page the repo carries: the golden pages and the e2e fixtures. */
function fixturePages(): Array<{ name: string; url: string; html: string }> {
  const root = path.join(import.meta.dirname, '..');
  const pages = goldenPages()
    .filter((p) => existsSync(path.join(p.dir, 'source.html')))
    .map((p) => ({ name: p.slug, url: p.url, html: readFileSync(path.join(p.dir, 'source.html'), 'utf8') }));
  for (const file of ['test/fixtures/seed/page-inline.html', 'e2e/fixtures/figure/article.html', 'test/fixtures/hidden/react-streaming-ssr.html']) {
    pages.push({ name: file, url: 'https://example.com/story', html: readFileSync(path.join(root, file), 'utf8') });
  }
  return pages;
}

/**
 * Pages whose content Readability alone never sees: a Discourse thread's posts stand in its <noscript> crawler
 * view, which is furniture to Readability; the engine reads them as a thread (test/coverage.test.ts checks
 * their words).
 */
const UNSEEN_BY_READABILITY = new Set(['wcxb-thread-discourse']);

describe('the working copy never costs the article', () => {
  for (const page of fixturePages()) {
    it(`${page.name}: Readability keeps on the copy every word it keeps on the page without its furniture`, () => {
      const loss = copyLoss(parseHtml(page.html, page.url));
      assert.equal(loss.whole > 0, !UNSEEN_BY_READABILITY.has(page.name), 'Readability finds an article on the whole page');
      assert.deepEqual(loss.content, []);
    });
  }

  it('copies the whole body when the region would leave a long paragraph out', () => {
    // The story body holds 24 of 25 paragraphs; the 25th, in a column the region does not reach, is prose too.
    const html = newsPage({ count: 24 }).replace('<div class="rail">', `<div class="rail"><div class="more"><div class="box"><p>${sentence(25)} ${sentence(26)}</p></div></div>`);
    const doc = parseHtml(html, 'https://example.com/story');
    assert.equal(proseRegion(doc)?.className, 'story-body', 'the region alone would cut it off');
    assert.match(workingCopy(doc).doc.body.textContent ?? '', /Paragraph 26 of the story/u);
  });

  it('keeps the region when what it leaves out is short: teaser blurbs, a footer line', () => {
    const html = newsPage().replace('<div class="rail">', '<div class="rail"><div class="card"><div class="box"><p>The ferry strike, explained in five charts.</p></div></div>');
    const doc = parseHtml(html, 'https://example.com/story');
    assert.doesNotMatch(workingCopy(doc).doc.body.textContent ?? '', /five charts/u);
  });
});

describe('the copy strategies', () => {
  for (const page of fixturePages()) {
    it(`${page.name}: the walk, the pruned clone and the page pruned in place give the same copy`, () => {
      const doc = parseHtml(page.html, page.url);
      const walk = workingCopy(doc, 'walk');
      for (const pruned of [workingCopy(doc, 'clone'), workingCopy(parseHtml(page.html, page.url), 'in-place')]) {
        assert.equal(pruned.doc.documentElement.outerHTML, walk.doc.documentElement.outerHTML);
        assert.equal(pruned.bylineHint, walk.bylineHint);
      }
    });
  }

  it('the clone leaves the page untouched', () => {
    const doc = parseHtml(newsPage(), 'https://example.com/story');
    const before = doc.documentElement.outerHTML;
    cleanDocument(doc, { copy: 'clone' });
    assert.equal(doc.documentElement.outerHTML, before);
  });

  it('in place, the document given is the copy, and the clean is the same as from a copy', () => {
    const html = newsPage();
    const doc = parseHtml(html, 'https://example.com/story');
    const before = doc.documentElement.outerHTML;
    const inPlace = cleanDocument(doc, { copy: 'in-place' });
    assert.notEqual(doc.documentElement.outerHTML, before, 'Readability read the document itself');
    assert.deepEqual(inPlace, cleanDocument(parseHtml(html, 'https://example.com/story')));
  });
});

describe('content a page hides until its scripts run', () => {
  const fixture = (name: string) => readFileSync(path.join(import.meta.dirname, 'fixtures', 'hidden', name), 'utf8');

  // Defuddle's test page general--react-streaming-ssr (MIT): the body arrives as <div hidden id="S:0"> and a
  // $RC("B:0","S:0") script, the boundary shows a loading skeleton until then.
  for (const copy of ['walk', 'clone', 'in-place'] as const) {
    it(`swaps React's streamed segments into their boundary (${copy})`, () => {
      const page = () => parseHtml(fixture('react-streaming-ssr.html'), 'https://example.com/blog/widgets');
      const result = cleanDocument(page(), { copy });
      const text = result.blocks.map((b) => b.text).join('\n');
      assert.match(text, /Modern widget systems have evolved significantly/u);
      assert.match(text, /The dependency graph makes this lookup efficient/u);
      const body = workingCopy(page(), copy).doc.body;
      assert.equal(body.querySelector('[hidden], template, .skeleton'), null, 'the segment in place of the skeleton');
      assert.ok(body.querySelector('.article-body > p'), 'inside the boundary');
    });
  }

  it('swaps a segment into its placeholder ($RS) and leaves a swap whose ids are missing alone', () => {
    const html = `<body><article><h1>Title</h1><template id="P:1"></template></article>
      <div hidden id="S:1">${paragraphs(1, 4)}</div><div hidden id="S:9"><p>Never swapped.</p></div>
      <script>$RS("S:1","P:1");$RC("B:7","S:9")</script></body>`;
    const body = workingCopy(parseHtml(html)).doc.body;
    assert.equal(body.querySelector('article')?.querySelectorAll('p').length, 4);
    assert.equal(body.querySelector('#P\\:1, #S\\:1'), null);
  });

  it('unhides a streamed segment whose script is gone, and no other hidden element', () => {
    // Defuddle's general--lesswrong.com page (MIT): saved without its $RC scripts, the post is in <div hidden id="S:5">.
    const html = `<body><div hidden><template id="B:0"></template></div><div hidden id="S:5"><article><h1>Title</h1>${paragraphs(1, 4)}</article></div>
      <div hidden id="S:a"><p>Mentioned in</p></div><div hidden id="menu"><p>Never shown.</p></div></body>`;
    const body = workingCopy(parseHtml(html)).doc.body;
    assert.equal(body.querySelectorAll('article p').length, 4);
    assert.match(body.textContent ?? '', /Mentioned in/u);
    assert.doesNotMatch(body.textContent ?? '', /Never shown/u);
    assert.equal(body.querySelector('[hidden]'), null);
  });

  it('keeps a page whose whole content is under aria-hidden while a modal is open', () => {
    // Defuddle's issue 162 (MIT): <div class="updates-overlay" aria-hidden="true"> holds the letter.
    const result = cleanDocument(parseHtml(fixture('aria-hidden-main.html'), 'https://earendil.com/posts/invitation/'));
    assert.match(result.blocks.map((b) => b.text).join('\n'), /building in the open/u);
  });
});

describe('a <base> in the copy', () => {
  const story = `<article><h1>Harbour</h1>${paragraphs(1, 6)}<p>${sentence(7)} The <a href="a/1">council's report</a> runs to forty pages.</p></article>`;

  it('is left out when it names its href with a prefix (xlink:href), which a browser does not read as one', () => {
    const doc = parseHtml(`<!doctype html><head><title>Harbour</title><base xlink:href="https://elsewhere.example/"></head><body>${story}</body>`, 'https://example.com/news/story');
    assert.equal(workingCopy(doc).doc.querySelector('base'), null);
    assert.match(cleanDocument(doc).html, /href="https:\/\/example\.com\/news\/a\/1"/u);
  });

  it('stays when it says only href and target, so links resolve against it', () => {
    const doc = parseHtml(`<!doctype html><head><title>Harbour</title><base href="https://cdn.example/base/" target="_top"></head><body>${story}</body>`, 'https://example.com/news/story');
    assert.match(cleanDocument(doc).html, /href="https:\/\/cdn\.example\/base\/a\/1"/u);
  });
});

describe('names that shadow the DOM members of a document or a form', () => {
  // jsdom gives forms and documents no named properties: a browser's are stood in for by an own property on
  // the instance, which is how they present themselves (the hang itself is shown in e2e/page-attacks.test.ts).
  const clobbered = (html: string) => {
    const doc = parseHtml(html, 'https://example.com/story');
    for (const el of Array.from(doc.querySelectorAll('form [name]'))) {
      const form = el.closest('form')!;
      Object.defineProperty(form, el.getAttribute('name')!, { value: el, configurable: true });
    }
    return doc;
  };
  const story = `<html><head><title>T</title></head><body><div class="story"><h1>Harbour</h1>${paragraphs(1, 8)}<form><input name="nextElementSibling"><input name="parentElement"></form></div></body></html>`;

  it('are found where a form answers with its control, not where names shadow nothing', () => {
    assert.equal(namesShadowMembers(clobbered(story)), true);
    assert.equal(namesShadowMembers(parseHtml(story)), false, 'jsdom: nothing answers for the form');
    assert.equal(namesShadowMembers(clobbered('<form><input name="q"></form>')), false, 'no member is named q');
  });

  it('are read around: the clean of a page whose form answers nextElementSibling ends, as on the page without', () => {
    assert.deepEqual(cleanDocument(clobbered(story)), cleanDocument(parseHtml(story)));
  });

  it('are taken off a clone that is otherwise the page, and the page is left as it was', () => {
    const html = '<html><head><title>T</title></head><body><form id="f" name="search"><input name="nextElementSibling" id="x"><img id="i" name="n"></form><img name="title" id="keep"><p id="p">Text</p></body></html>';
    const doc = parseHtml(html);
    const clone = unclobberedClone(doc);
    assert.equal(doc.documentElement.outerHTML, parseHtml(html).documentElement.outerHTML);
    assert.equal(clone.body.innerHTML, '<form id="f"><input><img></form><img id="keep"><p id="p">Text</p>');
    assert.equal(clone.title, 'T');
  });
});
