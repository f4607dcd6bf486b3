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
import { buildTargets } from './firefox/build-target.ts';
import { ArticlePage, FirefoxSession, firefoxMissing } from './firefox/firefox-session.ts';
import { SEED } from './support/seed.ts';
import { startFixtureServer, type FixtureServer } from './support/server.ts';

/** e2e/fixtures/seed/page-inline.html, served from 127.0.0.1 like a news site. */
const SEED_PATH = '/seed/page-inline.html';

const skip = firefoxMissing() ?? false;

describe('Firefox: popup and reader mode on the seed article', { skip, timeout: 180_000 }, () => {
  let firefox: FirefoxSession | undefined;
  let server: FixtureServer | undefined;
  let dir = '';

  before(async () => {
    const dirs = await buildTargets('firefox-test');
    dir = dirs['firefox-test'] ?? '';
    server = await startFixtureServer();
    firefox = await FirefoxSession.start(dir);
  });

  after(async () => {
    await firefox?.close();
    await server?.close();
  });

  it('shows the clean article in the popup, then reader mode opens and closes leaving the page as it was', async () => {
    assert.ok(firefox && server);
    const url = server.url(SEED_PATH);
    const article = new ArticlePage(await firefox.openPage(url));
    try {
      const untouched = await article.serialised();
      const popup = await firefox.openPopup(await firefox.tabIdOf(article.page));
      try {
        const shown = await popup.article();
        assert.equal(shown.title, SEED.title);
        assert.deepEqual(shown.blocks, SEED.blocks);
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
    const url = server.url(SEED_PATH);
    const article = new ArticlePage(await firefox.openPage(url));
    try {
      const untouched = await article.serialised();
      const tab = { id: await firefox.tabIdOf(article.page), url };

      assert.deepEqual(await firefox.runCommand('toggle-reader', tab), { open: true });
      await article.waitForReader(true);
      assert.deepEqual(await firefox.runCommand('toggle-reader', tab), { open: false });
      await article.waitForReader(false);
      assert.equal(await article.serialised(), untouched);
    } finally {
      await article.close();
    }
  });

  it("binds the manifest's suggested shortcuts (Firefox leaves a refused one empty)", async () => {
    assert.ok(firefox);
    const manifest = JSON.parse(await readFile(join(dir, 'manifest.json'), 'utf8')) as {
      commands: Record<string, { suggested_key: { default: string } }>;
    };
    const suggested = Object.fromEntries(Object.entries(manifest.commands).map(([name, c]) => [name, c.suggested_key.default]));
    assert.deepEqual(await firefox.shortcuts(), suggested);
  });
});

describe('Firefox: the store build reads a page only after a gesture', { skip, timeout: 120_000 }, () => {
  let firefox: FirefoxSession | undefined;
  let server: FixtureServer | undefined;

  before(async () => {
    const dirs = await buildTargets('firefox');
    server = await startFixtureServer();
    firefox = await FirefoxSession.start(dirs.firefox ?? '');
  });

  after(async () => {
    await firefox?.close();
    await server?.close();
  });

  it('without a click on ReadOnce (no activeTab), the popup says it has no access instead of reading', async () => {
    assert.ok(firefox && server);
    const url = server.url(SEED_PATH);
    const article = new ArticlePage(await firefox.openPage(url));
    try {
      const popup = await firefox.openPopup(await firefox.tabIdOf(article.page));
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
