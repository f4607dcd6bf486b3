/**
 * ReadOnce in a real Firefox: Debian's firefox-esr, headless, with the firefox-test build (the Firefox
 * build plus host access to 127.0.0.1, because headless Firefox cannot grant activeTab on a click).
 * A person opens the seed article, opens the popup, reads the clean article, then turns reader mode on
 * and off; the page must be left exactly as it was.
 */
import assert from 'node:assert/strict';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, describe, it } from 'node:test';
import { ArticlePage, firefoxMissing, firefoxWithSite } from './firefox/firefox-session.ts';
import { READER_FRAME, readerFrameSeenByPage, UNREADABLE_FRAME } from './pages/reader-page.ts';
import { ARTIFACTS } from './support/extension.ts';
import { SEED } from './support/seed.ts';
import { startPageServer, type PageServer } from './support/server.ts';
import { articlePage } from '../test/hostile/xss-vectors.ts';
import { TEST_LIMIT } from './support/step.ts';

/** test/fixtures/seed/page-inline.html, served from 127.0.0.1 like a news site. */
const SEED_PATH = '/seed/page-inline.html';

const skip = firefoxMissing() ?? false;

let pages: PageServer | undefined;
/** A page of the article with `head` (a hostile script) in its <head>, served from 127.0.0.1. */
async function pageWithHead(head: string): Promise<string> {
  pages ??= await startPageServer();
  const path = `/hostile-${pages.pages.size}.html`;
  pages.pages.set(path, articlePage([]).replace('</head>', `${head}</head>`));
  return pages.url(path);
}

/**
 * Tab, many times: focus stays on the reader's frame (the reader cycles through its own controls, which exist
 * only once its article arrived), never on the page's links behind it.
 */
async function tabsStayInReader(article: ArticlePage): Promise<void> {
  for (let i = 0; i < 12; i++) {
    await article.page.keyboard.press('Tab');
    assert.equal(await article.page.evaluate(() => document.activeElement?.localName), 'iframe', `after ${i + 1} presses of Tab`);
  }
}

describe('Firefox: popup and reader mode on the seed article', { skip, timeout: 180_000 }, () => {
  const suite = firefoxWithSite('firefox-test');
  after(async () => pages?.close());

  it('shows the clean article in the popup, then reader mode opens and closes leaving the page as it was', TEST_LIMIT, async () => {
    const url = suite.server.url(SEED_PATH);
    const article = new ArticlePage(await suite.firefox.openPage(url));
    try {
      const untouched = await article.serialised();
      const popup = await suite.firefox.openPopup(await suite.firefox.tabIdOf(article.page));
      try {
        const shown = await popup.article();
        assert.equal(shown.title, SEED.title);
        assert.deepEqual(shown.blocks, SEED.blocks);
        await popup.openReader();
      } finally {
        await popup.close();
      }

      await article.waitForReader(true);
      await article.page.bringToFront();
      // Firefox shows the test no extension frames: this screenshot is where the reader's contents are seen.
      await new Promise((done) => setTimeout(done, 1000));
      await mkdir(ARTIFACTS, { recursive: true });
      await article.page.screenshot({ path: join(ARTIFACTS, 'firefox-reader.png') });
      const box = await article.readerBox();
      assert.deepEqual([box.width, box.height], [box.viewport.width, box.viewport.height], 'the reader covers the page');

      await article.pressEscape();
      await article.waitForReader(false);
      assert.equal(await article.serialised(), untouched);
    } finally {
      await article.close();
    }
  });

  it('the toggle-reader command turns reader mode on and off, leaving the page as it was', TEST_LIMIT, async () => {
    const url = suite.server.url(SEED_PATH);
    const article = new ArticlePage(await suite.firefox.openPage(url));
    try {
      const untouched = await article.serialised();
      const tab = { id: await suite.firefox.tabIdOf(article.page), url };

      assert.deepEqual(await suite.firefox.runCommand('toggle-reader', tab), { open: true });
      await article.waitForReader(true);
      assert.deepEqual(await suite.firefox.runCommand('toggle-reader', tab), { open: false });
      await article.waitForReader(false);
      assert.equal(await article.serialised(), untouched);
    } finally {
      await article.close();
    }
  });

  /** A page with `head` in its <head>, reader mode turned on over it by the toggle-reader command, in front. */
  async function readerOverPageWithHead(head: string): Promise<ArticlePage> {
    const url = await pageWithHead(head);
    const article = new ArticlePage(await suite.firefox.openPage(url));
    try {
      assert.deepEqual(await suite.firefox.runCommand('toggle-reader', { id: await suite.firefox.tabIdOf(article.page), url }), { open: true });
      await article.waitForReader(true);
      await article.page.bringToFront();
      return article;
    } catch (error) {
      await article.close();
      throw error;
    }
  }

  // Issue 10's attacks on the old in-page overlay that must also fail in Firefox (all of them: page-attacks.test.ts).
  // Firefox's WebDriver BiDi does not show extension frames to the test, so what the reader does is seen from
  // the page: where focus is, what the page's listeners heard, and whether the frame is there.
  it('a page that registers custom elements and hooks attachInternals runs no code on the reader and gets no handle', TEST_LIMIT, async () => {
    const article = await readerOverPageWithHead(`<script>window.__log = [];
for (const name of ['readonce-reader', 'readonce-frame', 'ro-reader']) customElements.define(name, class extends HTMLElement {
  constructor() { super(); window.__log.push('constructed ' + name); try { const i = this.attachInternals(); window.__log.push('root ' + (i.shadowRoot && i.shadowRoot.innerHTML)); } catch (e) {} }
});
new MutationObserver((records) => { for (const r of records) for (const n of r.addedNodes) if (n.nodeType === 1) {
  try { n.attachInternals(); window.__log.push('internals on ' + n.localName); } catch (e) {}
} }).observe(document.documentElement, { childList: true, subtree: true });</script>`);
    try {
      await tabsStayInReader(article);
      assert.deepEqual(await article.page.evaluate(readerFrameSeenByPage, READER_FRAME), UNREADABLE_FRAME);
      assert.deepEqual(await article.page.evaluate(() => (window as unknown as { __log: string[] }).__log), []);
      await article.pressEscape();
      await article.waitForReader(false);
    } finally {
      await article.close();
    }
  });

  it('capture-phase key listeners on window and document neither hear nor block the reader\'s keys; Esc closes it', TEST_LIMIT, async () => {
    const article = await readerOverPageWithHead(`<script>window.__log = [];
for (const target of [window, document]) for (const type of ['keydown', 'keyup', 'keypress', 'beforeinput', 'input', 'click', 'mousedown']) {
  target.addEventListener(type, (e) => { window.__log.push(type + ' ' + (e.key || '')); e.preventDefault(); e.stopImmediatePropagation(); }, true);
}</script>`);
    try {
      await tabsStayInReader(article);
      for (const key of ['p', 'a', 's', 's', 'ArrowDown'] as const) await article.page.keyboard.press(key);
      assert.deepEqual(await article.page.evaluate(() => (window as unknown as { __log: string[] }).__log), [], 'the page heard nothing typed in the reader');
      await article.pressEscape();
      await article.waitForReader(false);
      // The reader closes when Esc is released, so the release does not land on the page either.
      assert.deepEqual(await article.page.evaluate(() => (window as unknown as { __log: string[] }).__log), []);
    } finally {
      await article.close();
    }
  });

  it("binds the manifest's suggested shortcuts (Firefox leaves a refused one empty)", TEST_LIMIT, async () => {
    const manifest = JSON.parse(await readFile(join(suite.dir, 'manifest.json'), 'utf8')) as {
      commands: Record<string, { suggested_key: { default: string } }>;
    };
    const suggested = Object.fromEntries(Object.entries(manifest.commands).map(([name, c]) => [name, c.suggested_key.default]));
    assert.deepEqual(await suite.firefox.shortcuts(), suggested);
  });
});

describe('Firefox: the store build reads a page only after a gesture', { skip, timeout: 120_000 }, () => {
  const suite = firefoxWithSite('firefox');

  it('without a click on ReadOnce (no activeTab), the popup says it has no access instead of reading', TEST_LIMIT, async () => {
    const url = suite.server.url(SEED_PATH);
    const article = new ArticlePage(await suite.firefox.openPage(url));
    try {
      const popup = await suite.firefox.openPopup(await suite.firefox.tabIdOf(article.page));
      try {
        assert.equal(await popup.problem(), 'no-access');
      } finally {
        await popup.close();
      }
    } finally {
      await article.close();
    }
  });
});
