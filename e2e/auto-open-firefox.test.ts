/**
 * "Always use reader mode on this site" in a real Firefox (firefox-esr, headless, the firefox-test build, which
 * holds 127.0.0.1 because headless Firefox cannot grant activeTab: the request for it is granted without a
 * prompt). Turned on in the popup, it asks for that one origin once; a second article page on the site opens in
 * reader mode without a click; the front page, a page without an article and another site (localhost) do not;
 * taken back in the options page, it stops.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'puppeteer-core';
import { buildTargets } from './firefox/build-target.ts';
import { ArticlePage, firefoxMissing, FirefoxSession } from './firefox/firefox-session.ts';
import { READER_FRAME } from './pages/reader-page.ts';
import { NEWS_PATHS, onLocalhost, startNewsSite } from './support/news-site.ts';
import { assertLeftAlone, pageChanges, recordPageChanges } from './support/page-changes.ts';
import type { PageServer } from './support/server.ts';
import { settle } from './support/steps.ts';

const skip = firefoxMissing() ?? false;
const JUDGE_MS = 15_000;

const readerShown = (page: Page) => page.evaluate((selector: string) => document.querySelector(selector) !== null, READER_FRAME);

describe('Firefox: always use reader mode on a chosen site', { skip, timeout: 240_000 }, () => {
  let firefox: FirefoxSession;
  let site: PageServer;
  before(async () => {
    const dir = (await buildTargets('firefox-test'))['firefox-test']!;
    site = await startNewsSite();
    firefox = await FirefoxSession.start(dir);
  });
  after(async () => {
    await firefox?.close();
    await site?.close();
  });

  /** The background's judgement of a load of `url` after the first `since` entries, waited for; null when none came within `ms`. */
  async function outcomeFor(url: string, ms = JUDGE_MS, since = 0): Promise<string | null> {
    const deadline = Date.now() + ms;
    while (Date.now() < deadline) {
      const found = (await firefox.autoOpenLog()).slice(since).filter((entry) => entry.url === url).pop();
      if (found) return found.outcome;
      await settle(300);
    }
    return null;
  }

  it('asks for the site once; its next article opens in reader mode by itself, the rest does not; taken back, it stops', { timeout: 180_000 }, async () => {
    const first = await firefox.openPage(site.url(NEWS_PATHS.first));
    const popup = await firefox.openPopup(await firefox.tabIdOf(first));
    await popup.article();
    await popup.page.waitForSelector('#auto-open:not([disabled])', { timeout: 10_000 });
    await popup.page.evaluate(() => {
      const w = window as unknown as { __asked: string[][]; browser: typeof chrome };
      w.__asked = [];
      const request = w.browser.permissions.request.bind(w.browser.permissions);
      (w.browser.permissions as { request: unknown }).request = (...args: [chrome.permissions.Permissions]) => {
        w.__asked.push(args[0].origins ?? []);
        return request(...args);
      };
    });
    await popup.page.click('#auto-open');
    await popup.page.waitForFunction(() => /http:\/\/127\.0\.0\.1/u.test(document.querySelector('#status')?.textContent ?? ''), { timeout: 10_000 });
    assert.deepEqual(await popup.page.evaluate(() => (window as unknown as { __asked: string[][] }).__asked), [['http://127.0.0.1/*']]);
    await popup.close();
    await first.close();

    const secondUrl = site.url(NEWS_PATHS.second);
    const second = new ArticlePage(await firefox.openPage(secondUrl));
    assert.equal(await outcomeFor(secondUrl), 'opened');
    await second.waitForReader(true);
    assert.equal(await second.page.evaluate((selector: string) => getComputedStyle(document.querySelector(selector)!).visibility, READER_FRAME), 'visible', 'judged an article, the frame is shown');
    assert.deepEqual((await firefox.autoOpenLog()).filter((entry) => entry.url === secondUrl).map((entry) => entry.outcome), ['opened'], 'judged once');

    // The front page (known by its address: no frame) and a page without an article (judged in a hidden frame,
    // then closed) are left as they are: nothing added to the page stays, nothing else changed, focus not taken.
    for (const [path, frames] of [[NEWS_PATHS.front, 0], [NEWS_PATHS.noArticle, 1]] as const) {
      const url = site.url(path);
      const page = await firefox.openPage(url, recordPageChanges);
      assert.equal(await outcomeFor(url), 'not-an-article', path);
      assert.equal(await readerShown(page), false, `no reader mode on ${path}`);
      const seen = await page.evaluate(pageChanges);
      assertLeftAlone(seen, path, frames);
      await page.close();
    }

    const other = await firefox.openPage(onLocalhost(secondUrl));
    await settle(3_000);
    assert.equal(await readerShown(other), false, 'no reader mode on another site');
    await other.close();

    const options = await firefox.openExtensionPage('options.html');
    await options.waitForSelector('#auto-open-sites button[data-site="http://127.0.0.1/*"]', { timeout: 10_000 });
    await options.click('#auto-open-sites button[data-site="http://127.0.0.1/*"]');
    await options.waitForSelector('#auto-open-none:not([hidden])', { timeout: 5_000 });
    await options.close();

    const since = (await firefox.autoOpenLog()).length;
    const again = await firefox.openPage(secondUrl);
    // Taken back, the site is not judged at all, or judged not chosen (the test build keeps 127.0.0.1 if Firefox
    // refuses to give a manifest host back).
    const outcome = await outcomeFor(secondUrl, 3_000, since);
    assert.ok(outcome === null || outcome === 'not-chosen', String(outcome));
    await settle(2_000);
    assert.equal(await readerShown(again), false, 'no reader mode once taken back');
    await again.close();
    await second.close();
  });
});
