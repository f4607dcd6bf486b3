/**
 * The toolbar popup: a real click on ReadOnce's button, then what the reader sees in the popup.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright';
import { PopupPage } from './pages/popup-page.ts';
import { ReaderPage } from './pages/reader-page.ts';
import { clickToolbarButton, newestTabId, withExtension } from './support/extension.ts';
import { SEED, SEED_INLINE_ENGINE_REMOVALS } from './support/seed.ts';
import { startFixtureServer } from './support/server.ts';
import { openPopupOn } from './support/steps.ts';
import { TEST_LIMIT } from './support/step.ts';

const suite = withExtension(startFixtureServer);

/** Opens `path`, clicks the toolbar button on it and opens the popup for that tab. */
async function clickOn(path: string): Promise<{ page: Page; popup: PopupPage }> {
  const page = await suite.ext.context.newPage();
  await page.goto(suite.server.url(path));
  const popup = await openPopupOn(suite.ext, page);
  return { page, popup };
}

describe('popup', () => {
  it('shows exactly the seed article after a real toolbar click', TEST_LIMIT, async () => {
    const { page, popup } = await clickOn('/seed/page-inline.html');
    await popup.waitForArticle();
    assert.equal(await popup.title(), SEED.title);
    assert.deepEqual(await popup.blocks(), SEED.blocks);
    const meta = await popup.page.locator('.ro-meta').innerText();
    assert.match(meta, /Staff Writer/);
    assert.match(meta, /2025/);
    assert.match(meta, /\d+ min read/);
    assert.equal(await popup.page.locator('.ro-site').textContent(), 'World Daily Wire');
    await popup.screenshot('popup-article.png');
    await popup.page.emulateMedia({ colorScheme: 'dark' });
    await popup.screenshot('popup-article-dark.png');
    await popup.close();
    await page.close();
  });

  it('lists what was removed, grouped by reason, and shows a removed block in place', TEST_LIMIT, async () => {
    const { page, popup } = await clickOn('/seed/page-inline.html');
    await popup.waitForArticle();
    const listed = await popup.removedTexts();
    assert.match(await popup.removedButton.innerText(), new RegExp(`^Removed ${listed.length}$`));
    await popup.openRemovedList();
    for (const text of SEED_INLINE_ENGINE_REMOVALS) {
      assert.ok(listed.includes(text), `"Removed" list lacks: ${text}`);
    }
    for (const text of SEED.blocks) assert.ok(!listed.includes(text), `kept block listed as removed: ${text}`);
    const categories = await popup.removedCategories();
    assert.ok(categories.some((c) => /^Boilerplate · \d+$/.test(c)), categories.join(', '));
    assert.ok(categories.some((c) => /^Restating summaries · 7$/.test(c)), categories.join(', '));
    await popup.screenshot('popup-removed-list.png');

    // The truncated teaser came before the article's first paragraph.
    const teaser = SEED.removed[1]!;
    await popup.showInPlace(teaser.slice(0, 40));
    const shown = await popup.shownInPlace();
    assert.equal(shown.length, 1);
    assert.equal(shown[0]!.text, teaser);
    assert.equal(shown[0]!.next, SEED.blocks[0]);
    assert.deepEqual(await popup.blocks(), SEED.blocks, 'a block shown in place is not counted as kept');
    await popup.screenshot('popup-removed-in-place.png');
    await popup.close();
    await page.close();
  });

  it('copies the article as Markdown and as text', TEST_LIMIT, async () => {
    const { page, popup } = await clickOn('/seed/page-inline.html');
    await popup.waitForArticle();
    const { text: markdown, status } = await popup.copy('copy-markdown');
    assert.equal(status, 'Copied to the clipboard.');
    assert.ok(markdown.startsWith(`# ${SEED.title}\n`), markdown.slice(0, 120));
    assert.ok(markdown.includes(`## ${SEED.blocks[0]}`));
    assert.ok(!markdown.includes('Skip to content'));
    const { text } = await popup.copy('copy-text');
    assert.equal(text, [SEED.title, ...SEED.blocks].join('\n\n') + '\n');
    await popup.close();
    await page.close();
  });

  it('shows images with their captions', TEST_LIMIT, async () => {
    const { page, popup } = await clickOn('/figure/article.html');
    await popup.waitForArticle();
    const image = popup.page.locator('#content .ro-body figure img');
    await image.waitFor();
    assert.equal(await image.getAttribute('alt'), 'Boats moored along the harbour wall');
    // Loaded from the page's own host, under the popup's CSP (img-src allows http: and https:).
    await popup.page.waitForFunction(() => (document.querySelector('#content .ro-body figure img') as HTMLImageElement | null)?.naturalWidth === 128);
    assert.equal(await popup.page.locator('#content .ro-body figure figcaption').textContent(), 'Boats moored along the harbour wall on Tuesday afternoon.');
    assert.equal((await popup.blocks()).length, 5);
    await popup.screenshot('popup-figure.png');
    await popup.close();
    await page.close();
  });

  it('cleans a plain-text page with the text path of the engine', TEST_LIMIT, async () => {
    const { page, popup } = await clickOn('/seed/page.txt');
    await popup.waitForArticle();
    assert.equal(await popup.title(), SEED.title);
    assert.deepEqual(await popup.blocks(), SEED.blocks);
    await popup.close();
    await page.close();
  });

  it('says the page is still loading, then shows the article once it has loaded', TEST_LIMIT, async () => {
    const page = await suite.ext.context.newPage();
    await page.goto(suite.server.url('/slow/seed/page-inline.html'), { waitUntil: 'commit' });
    await page.waitForSelector('h2');
    assert.equal(await page.evaluate(() => document.readyState), 'loading');
    const popup = await openPopupOn(suite.ext, page);
    await popup.problem.waitFor();
    assert.equal(await popup.problem.getAttribute('data-problem'), 'loading');
    assert.match(await popup.problem.innerText(), /still loading/);
    await popup.screenshot('popup-loading.png');
    await popup.waitForArticle();
    assert.deepEqual(await popup.blocks(), SEED.blocks);
    await popup.close();
    await page.close();
  });

  it('says when a page has no article, and offers the whole page text', TEST_LIMIT, async () => {
    const { page, popup } = await clickOn('/no-article.html');
    await popup.problem.waitFor();
    assert.equal(await popup.problem.getAttribute('data-problem'), 'no-article');
    assert.match(await popup.problem.innerText(), /No article found/);
    await popup.screenshot('popup-no-article.png');
    await popup.page.getByRole('button', { name: 'Show the whole page text' }).click();
    const text = await popup.page.locator('#content .ro-page-text').innerText();
    assert.match(text, /World Daily Wire/);
    assert.match(text, /All rights reserved/);
    await popup.close();
    await page.close();
  });

  it('says when a page is too large to read', TEST_LIMIT, async () => {
    const { page, popup } = await clickOn('/generated/too-large.html');
    await popup.problem.waitFor({ timeout: 20_000 });
    assert.equal(await popup.problem.getAttribute('data-problem'), 'too-large');
    assert.match(await popup.problem.innerText(), /too large/);
    await popup.close();
    await page.close();
  });

  it('says the browser does not let it read a browser page', TEST_LIMIT, async () => {
    const page = await suite.ext.context.newPage();
    await page.goto('chrome://version/');
    await clickToolbarButton(suite.ext, page);
    const popup = await PopupPage.open(suite.ext, await newestTabId(suite.ext));
    await popup.problem.waitFor();
    assert.equal(await popup.problem.getAttribute('data-problem'), 'restricted');
    assert.match(await popup.problem.innerText(), /can’t read this page/);
    await popup.screenshot('popup-restricted.png');
    await popup.close();
    await page.close();
  });

  it('cannot inject anything without a gesture on the page', TEST_LIMIT, async () => {
    const page = await suite.ext.context.newPage();
    await page.goto(suite.server.url('/seed/page-inline.html'));
    const tabId = await newestTabId(suite.ext);
    // A string, not a function: tsx would wrap a nested function in a helper the worker lacks.
    const refusal: string | null = await suite.ext.worker.evaluate(`
      chrome.scripting
        .executeScript({ target: { tabId: ${tabId} }, func: function () { return document.title; } })
        .then(function () { return null; }, function (error) { return String(error); })`);
    assert.match(refusal ?? 'injected!', /Cannot access contents of the page/);
    // And the popup, opened on that tab without a click, says how to grant access instead of a blank.
    const popup = await PopupPage.open(suite.ext, tabId);
    await popup.problem.waitFor();
    assert.equal(await popup.problem.getAttribute('data-problem'), 'no-access');
    assert.equal(await new ReaderPage(page).isOpen(), false);
    await popup.close();
    await page.close();
  });
});
