/**
 * "Always use reader mode on this site" in Chromium. Turned on in the popup on an article of the chosen site, it
 * asks for that one origin, once; then a second article page on the site opens in reader mode without a click,
 * while the site's front page, its page without an article and another site are left as they are; taken back
 * in the options page, it stops. The chosen site is localhost (the news site's other name is 127.0.0.1).
 *
 * Headless Chromium shows the optional-permission prompt, and no automation can press its Allow button (no
 * switch or DevTools method answers it; chrome://extensions' developerPrivate grants only withheld required
 * hosts: tried). So this runs the chrome-site-test build, granted localhost up front as the Allow would grant
 * it; the request is still made, once, for exactly that origin. The store build's own prompt is checked too: the
 * request for a site it has not got stays open (the prompt is up) and turns nothing on.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright';
import { buildTargets } from './firefox/build-target.ts';
import { READER_FRAME, ReaderPage } from './pages/reader-page.ts';
import { launchExtension, withExtension, type LoadedExtension } from './support/extension.ts';
import { NEWS_PATHS, onLocalhost, startNewsSite } from './support/news-site.ts';
import { assertLeftAlone, pageChanges, recordPageChanges } from './support/page-changes.ts';
import type { PageServer } from './support/server.ts';
import { TEST_LIMIT } from './support/step.ts';
import { openPopupOn, settle, step } from './support/steps.ts';

/** How long the background gets to judge a loaded page before a test says reader mode did not open. */
const JUDGE_MS = 15_000;

/** Wraps chrome.permissions.request in an extension page so the test can count what it asked for. */
async function countPermissionRequests(page: Page): Promise<void> {
  await page.evaluate(() => {
    const w = window as unknown as { __asked: string[][] };
    w.__asked = [];
    const request = chrome.permissions.request.bind(chrome.permissions);
    (chrome.permissions as { request: unknown }).request = (...args: [chrome.permissions.Permissions]) => {
      w.__asked.push(args[0].origins ?? []);
      return request(...args);
    };
  });
}
const asked = (page: Page) => page.evaluate(() => (window as unknown as { __asked: string[][] }).__asked);

const judged = (ext: LoadedExtension) => step("read the background's judgements", 5_000, async () => (await ext.worker.evaluate('readOnce.autoOpenLog')) as { url: string; outcome: string }[]);

/** What the background made of a load of `url` after its first `since` judgements (test hooks), waiting for it. */
async function outcomeFor(ext: LoadedExtension, url: string, since = 0): Promise<string> {
  const deadline = Date.now() + JUDGE_MS;
  while (Date.now() < deadline) {
    const found = (await judged(ext)).slice(since).filter((entry) => entry.url === url).pop();
    if (found) return found.outcome;
    await settle(200);
  }
  throw new Error(`the background judged no load of ${url} within ${JUDGE_MS} ms`);
}

/** Whether the page holds a reader frame, and whether it can be seen (null: none). */
const readerShown = (page: Page) => step('look for the reader frame', 5_000, () => page.evaluate((selector) => document.querySelector(selector) !== null, READER_FRAME));
const readerVisibility = (page: Page) =>
  step("read the reader frame's visibility", 5_000, () => page.evaluate((selector) => {
    const frame = document.querySelector(selector);
    return frame ? getComputedStyle(frame).visibility : null;
  }, READER_FRAME));

describe('always use reader mode on a chosen site (Chromium)', { timeout: 240_000 }, () => {
  let ext: LoadedExtension;
  let site: PageServer;
  before(async () => {
    const dir = (await buildTargets('chrome-site-test'))['chrome-site-test']!;
    [ext, site] = await Promise.all([launchExtension(undefined, { extensionDir: dir }), startNewsSite()]);
  });
  after(async () => {
    await ext?.close();
    await site?.close();
  });

  it('asks for the site once; its next article opens in reader mode by itself, its front page, a page without an article and another site do not; taken back, it stops', { timeout: 180_000 }, async () => {
    const first = await ext.context.newPage();
    await first.goto(onLocalhost(site.url(NEWS_PATHS.first)));
    const popup = await openPopupOn(ext, first);
    await popup.waitForArticle();
    await popup.page.locator('#auto-open:not([disabled])').waitFor({ timeout: 10_000 });
    await countPermissionRequests(popup.page);
    await popup.page.locator('#auto-open').check();
    await popup.page.locator('#status', { hasText: /opens by itself on http:\/\/localhost/u }).waitFor({ timeout: 10_000 });
    assert.deepEqual(await asked(popup.page), [['http://localhost/*']], 'one request, for this one origin');
    await popup.screenshot('auto-open-popup.png');
    await popup.close();
    await first.close();

    // A second article page on the site: reader mode without a click.
    const second = await ext.context.newPage();
    const secondUrl = onLocalhost(site.url(NEWS_PATHS.second));
    await second.goto(secondUrl);
    assert.equal(await outcomeFor(ext, secondUrl), 'opened');
    const reader = await ReaderPage.opened(second);
    assert.equal(await readerVisibility(second), 'visible', 'judged an article, the frame is shown');
    // Judged once: the hidden frame's own load does not count as the page loading again.
    assert.deepEqual((await judged(ext)).filter((entry) => entry.url === secondUrl).map((entry) => entry.outcome), ['opened']);
    assert.match(await reader.text('.ro-title'), /teachers/iu);
    await reader.screenshot('auto-open-reader.png');
    // Closed by the reader, it stays closed on that page.
    await reader.pressEscape();
    await reader.waitUntilClosed();

    // The front page (known by its address: no frame) and a page without an article (judged in a hidden frame,
    // then closed) are left as they are: nothing added to the page stays, nothing else changed, focus not taken.
    for (const [path, frames] of [[NEWS_PATHS.front, 0], [NEWS_PATHS.noArticle, 1]] as const) {
      const page = await ext.context.newPage();
      await step('record what happens to the page', 5_000, () => page.addInitScript(recordPageChanges));
      const url = onLocalhost(site.url(path));
      await page.goto(url);
      assert.equal(await outcomeFor(ext, url), 'not-an-article', path);
      assert.equal(await readerShown(page), false, `no reader mode on ${path}`);
      const seen = await step(`read the changes to ${path}`, 5_000, () => page.evaluate(pageChanges));
      assertLeftAlone(seen, path, frames);
      await page.close();
    }

    // Another site (the same article on 127.0.0.1): nothing. The extension cannot even see its address.
    const other = await ext.context.newPage();
    await other.goto(site.url(NEWS_PATHS.second));
    await settle(3_000);
    assert.equal(await readerShown(other), false, 'no reader mode on another site');
    await other.close();

    // Taken back in the options page: the next article on the site is left as it is.
    const options = await ext.context.newPage();
    await options.goto(`chrome-extension://${ext.id}/options.html`);
    const takeBack = options.locator('#auto-open-sites button[data-site="http://localhost/*"]');
    await takeBack.click();
    await options.locator('#auto-open-none:not([hidden])').waitFor({ timeout: 5_000 });
    await options.screenshot({ path: 'test-results/e2e/auto-open-options.png', fullPage: true });
    await options.close();
    const since = (await judged(ext)).length;
    await second.reload();
    assert.equal(await outcomeFor(ext, secondUrl, since), 'not-chosen');
    assert.equal(await readerShown(second), false, 'no reader mode once taken back');
    await second.close();
  });
});

describe('always use reader mode: the store build asks Chrome for the site', { timeout: 120_000 }, () => {
  const suite = withExtension(() => startNewsSite());

  it('shows the prompt for the one origin and turns nothing on while it is unanswered; the manifest asks for no host', TEST_LIMIT, async () => {
    const page = await suite.ext.context.newPage();
    await page.goto(suite.server.url(NEWS_PATHS.first));
    const popup = await openPopupOn(suite.ext, page);
    await popup.waitForArticle();
    await popup.page.locator('#auto-open:not([disabled])').waitFor({ timeout: 10_000 });
    await countPermissionRequests(popup.page);
    await popup.page.locator('#auto-open').check();
    await settle(2_000);
    assert.deepEqual(await asked(popup.page), [['http://127.0.0.1/*']]);
    const granted = await suite.ext.worker.evaluate(() => chrome.permissions.getAll());
    assert.deepEqual(granted.origins, [], 'nothing granted before the reader answers');
    const manifest = await suite.ext.worker.evaluate(() => chrome.runtime.getManifest());
    assert.equal((manifest as { host_permissions?: string[] }).host_permissions, undefined);
    assert.deepEqual((manifest as { optional_host_permissions?: string[] }).optional_host_permissions, ['http://*/*', 'https://*/*']);
    await popup.close();
    await page.close();
  });
});
