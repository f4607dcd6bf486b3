/**
 * The engine's document (src/engine-page) in jsdom: what it makes of a page's snapshot. The page's links resolve
 * against the page's address, not the engine's; open shadow roots (declarative templates in the snapshot) are
 * read as the browser composed them; a site kept whole loses nothing; a text/plain page goes the text path; no
 * article gives the page's text, line by line, without what a browser never shows. The snapshot itself, taken in
 * a real browser: e2e/snapshot.test.ts.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { JSDOM, VirtualConsole } from 'jsdom';
import { cleanSnapshot, parsedPage } from '../src/engine-page/clean-snapshot.ts';
import { pageText } from '../src/engine-page/page-text.ts';
import { flattenShadowRoots } from '../src/engine-page/shadow-roots.ts';
import type { ArticleReply, EngineRequest, ProblemReply } from '../src/platform/messages.ts';

const ENGINE_URL = 'chrome-extension://readonce/engine.html';
const win = new JSDOM('<!doctype html><title>engine</title>', { url: ENGINE_URL, virtualConsole: new VirtualConsole() }).window as unknown as Window & typeof globalThis;
const g = globalThis as { window?: unknown };
// In the engine's document the global window is its own; cleanText takes DOMPurify's window from there.
before(() => (g.window = win));
after(() => delete g.window);

const PARAGRAPHS = Array.from({ length: 6 }, (_, i) => `<p>Paragraph ${i + 1} of the story: the council approved the harbour budget after a debate that lasted more than six hours.</p>`).join('');

function request(markup: string, overrides: Partial<EngineRequest['snapshot']> = {}, keptEverything = false): EngineRequest {
  return { type: 'clean', id: 1, snapshot: { url: 'https://news.example/2025/story.html', baseUrl: 'https://news.example/2025/story.html', contentType: 'text/html', dir: null, markup, ...overrides }, keep: [], keptEverything };
}

function article(markup: string, overrides: Partial<EngineRequest['snapshot']> = {}, keptEverything = false): ArticleReply {
  const reply = cleanSnapshot(win, request(markup, overrides, keptEverything));
  assert.equal(reply.ok, true, JSON.stringify(reply));
  return reply as ArticleReply;
}

const page = (body: string, head = '') => `<!DOCTYPE html><html><head><title>Harbour budget approved</title>${head}</head><body><article><h1>Harbour budget approved</h1>${body}</article></body></html>`;

describe('the engine document cleans a snapshot', () => {
  it('resolves links against the page, and keeps in-page links where the page had no <base>', () => {
    const reply = article(page(`${PARAGRAPHS}<p>Read <a href="../budget.pdf">the budget</a> and <a href="#note-1">note 1</a>, said the mayor of the town today.</p>`));
    assert.match(reply.result.html, /href="https:\/\/news\.example\/budget\.pdf"/u);
    assert.match(reply.result.html, /href="#note-1"/u);
    assert.equal(reply.url, 'https://news.example/2025/story.html');
    assert.doesNotMatch(reply.result.html, /chrome-extension:/u);
  });

  it('resolves against the page\'s <base> where it had one', () => {
    const reply = article(page(`${PARAGRAPHS}<p>Read <a href="budget.pdf">the budget</a>, said the mayor of the town this morning at the council.</p>`), { baseUrl: 'https://cdn.news.example/files/' });
    assert.match(reply.result.html, /href="https:\/\/cdn\.news\.example\/files\/budget\.pdf"/u);
  });

  it('reads a story told inside an open shadow root', () => {
    const reply = article(page(`<div class="story"><template shadowrootmode="open"><h2>Inside the component</h2>${PARAGRAPHS}<slot></slot></template><p>Light paragraph assigned to the slot, long enough to count as text of the story.</p></div>`));
    const texts = reply.result.blocks.map((b) => b.text);
    assert.ok(texts.includes('Inside the component'), JSON.stringify(texts));
    assert.ok(texts.some((t) => t.startsWith('Paragraph 6 of the story')));
    assert.ok(texts.some((t) => t.startsWith('Light paragraph assigned')));
  });

  it('removes nothing on a site kept whole', () => {
    const body = `<p>Skip to content</p>${PARAGRAPHS}<p>Share this article on Facebook</p>`;
    assert.ok(article(page(body)).result.removed.length > 0);
    const kept = article(page(body), {}, true);
    assert.deepEqual(kept.result.removed, []);
    assert.equal(kept.keptEverything, true);
  });

  it("passes on the direction the live page set (its style sheet's is not in the parsed copy)", () => {
    assert.equal(article(page(PARAGRAPHS), { dir: 'rtl' }).dir, 'rtl');
    assert.equal(article(page(PARAGRAPHS)).dir, null);
  });

  it('reads a text/plain page as scraped text', () => {
    const text = `Harbour budget approved\n\n${Array.from({ length: 5 }, (_, i) => `Paragraph ${i + 1}: the council approved the harbour budget after a long debate.`).join('\n\n')}`;
    const reply = article(text, { contentType: 'text/plain' });
    assert.equal(reply.fromPlainText, true);
    assert.ok(reply.result.blocks.length >= 5);
  });

  it('gives the page\'s text when there is no article: a line a block, nothing a browser hides', () => {
    const reply = cleanSnapshot(win, request(`<!DOCTYPE html><title>Sign in</title><body><form><h1>Sign in</h1><label>Email <input></label><div>Password</div><div hidden>Hidden text</div><div style="display: none">Styled away</div><script>var s = 'script text';</script><noscript>Enable JavaScript</noscript></form></body>`)) as ProblemReply;
    assert.equal(reply.problem, 'no-article');
    assert.equal(reply.pageText, 'Sign in\nEmail\nPassword');
  });
});

describe('shadow roots in a parsed snapshot', () => {
  const parse = (body: string) => new win.DOMParser().parseFromString(`<!DOCTYPE html><body>${body}`, 'text/html');

  it('fills named slots, the unnamed slot and a slot\'s fallback as the browser composes them', () => {
    const doc = parse('<card-x><template shadowrootmode="open"><h2><slot name="title">No title</slot></h2><slot name="by">Unknown</slot><div><slot></slot></div></template><b slot="title">Budget</b>Body text<i>more</i><u slot="nowhere">never shown</u></card-x>');
    assert.equal(flattenShadowRoots(doc), 1);
    assert.equal(doc.body.innerHTML, '<card-x><h2><b slot="title">Budget</b></h2>Unknown<div>Body text<i>more</i></div></card-x>');
  });

  it('flattens roots inside roots, and leaves a template that is no host\'s first child alone', () => {
    const doc = parse('<outer-x><template shadowrootmode="open"><inner-x><template shadowrootmode="open"><p>Deep</p></template></inner-x><slot></slot></template>Light</outer-x><div><p>x</p><template shadowrootmode="open"><p>Not a root</p></template></div>');
    assert.equal(flattenShadowRoots(doc), 2);
    assert.equal(doc.body.innerHTML, '<outer-x><inner-x><p>Deep</p></inner-x>Light</outer-x><div><p>x</p><template shadowrootmode="open"><p>Not a root</p></template></div>');
  });

  it('gives the parsed page the page\'s address for Readability, its own being the engine\'s', () => {
    const doc = parsedPage(win, request(page(PARAGRAPHS), { baseUrl: 'https://news.example/base/' }).snapshot);
    assert.equal(doc.documentURI, 'https://news.example/2025/story.html');
    assert.equal(doc.baseURI, 'https://news.example/base/');
  });
});

describe('the page text offered when there is no article', () => {
  it('stops at the limit', () => {
    const doc = new win.DOMParser().parseFromString(`<body>${'<p>line of text</p>'.repeat(100)}</body>`, 'text/html');
    assert.equal(pageText(doc, 29), 'line of text\nline of text\nlin');
  });
});
