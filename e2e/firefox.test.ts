/**
 * ReadOnce in a real Firefox: Debian's firefox-esr, headless, with the firefox-test build (the Firefox
 * build plus host access to 127.0.0.1, because headless Firefox cannot grant activeTab on a click).
 * A person opens the seed article, opens the popup, reads the clean article, then turns reader mode on
 * and off; the page must be left exactly as it was.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { buildTargets, ROOT } from './firefox/build-target.ts';
import { ArticlePage, FirefoxSession, firefoxMissing } from './firefox/firefox-session.ts';
import { servePages, type PageServer } from './firefox/seed-server.ts';

const SEED = join(ROOT, 'e2e/fixtures/seed');
const SEED_PATH = '/world/xi-in-moscow.html';

interface Expected {
  title: string;
  blocks: string[];
}

const skip = firefoxMissing() ?? false;

describe('Firefox: popup and reader mode on the seed article', { skip, timeout: 180_000 }, () => {
  let firefox: FirefoxSession | undefined;
  let server: PageServer | undefined;
  let expected: Expected;

  before(async () => {
    const [dirs, page, fixture] = await Promise.all([
      buildTargets('firefox-test'),
      readFile(join(SEED, 'page-inline.html'), 'utf8'),
      readFile(join(SEED, 'expected.json'), 'utf8'),
    ]);
    expected = JSON.parse(fixture) as Expected;
    server = await servePages({ [SEED_PATH]: page });
    firefox = await FirefoxSession.start(dirs['firefox-test'] ?? '');
  });

  after(async () => {
    await firefox?.close();
    await server?.close();
  });

  it('shows the clean article in the popup, then reader mode opens and closes leaving the page as it was', async () => {
    assert.ok(firefox && server);
    // Each test has its own address, so finding the tab by URL finds this test's tab.
    const url = server.url(`${SEED_PATH}?from=popup`);
    const article = new ArticlePage(await firefox.openPage(url));
    try {
      const untouched = await article.serialised();
      const popup = await firefox.openPopup(await firefox.tabIdOf(url));
      try {
        const shown = await popup.article();
        assert.equal(shown.title, expected.title);
        assert.deepEqual(shown.blocks, expected.blocks);
        await popup.openReader();
      } finally {
        await popup.close();
      }

      await article.waitForReader(true);
      const box = await article.readerBox();
      assert.deepEqual([box.width, box.height], [box.viewport.width, box.viewport.height], 'the reader covers the page');

      await article.pressEscape();
      await article.waitForReader(false);
      assert.equal(await article.serialised(), untouched);
    } finally {
      await article.close();
    }
  });

  it('the toggle-reader command turns reader mode on and off, leaving the page as it was', async () => {
    assert.ok(firefox && server);
    const url = server.url(`${SEED_PATH}?from=command`);
    const article = new ArticlePage(await firefox.openPage(url));
    try {
      const untouched = await article.serialised();
      const tab = { id: await firefox.tabIdOf(url), url };

      assert.deepEqual(await firefox.runCommand('toggle-reader', tab), { open: true });
      await article.waitForReader(true);
      assert.deepEqual(await firefox.runCommand('toggle-reader', tab), { open: false });
      await article.waitForReader(false);
      assert.equal(await article.serialised(), untouched);
    } finally {
      await article.close();
    }
  });
});
