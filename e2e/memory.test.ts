/**
 * The reading memory in Chromium, as a reader meets it: asked once in the popup, then the Detroit News copy of
 * an AP story (A) is read; the same story in another site's template (B) folds what was read and names A in a
 * banner, in the popup and in reader mode. "Not now" stores nothing; "Forget everything" in the options empties
 * the memory; "The Latest" opened again after its update says how many paragraphs are new.
 * A is served from 127.0.0.1 and B from localhost, so they are two sites to the extension.
 */
import assert from 'node:assert/strict';
import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'playwright';
import { PopupPage } from './pages/popup-page.ts';
import { ReaderPage } from './pages/reader-page.ts';
import { artifact, withExtension, type LoadedExtension } from './support/extension.ts';
import { FIXTURES, startFixtureServer, type FixtureServer } from './support/server.ts';
import { openPopupOn } from './support/steps.ts';
import { TEST_LIMIT } from './support/step.ts';

let server: FixtureServer;
let root: string;

before(async () => {
  // A copy of the fixtures, so that "The Latest" can change under one address between two visits.
  root = await mkdtemp(join(tmpdir(), 'readonce-memory-e2e-'));
  await cp(join(FIXTURES, 'memory'), join(root, 'memory'), { recursive: true });
  await cp(join(root, 'memory', 'latest-4pm.html'), join(root, 'memory', 'latest.html'));
  server = await startFixtureServer(root);
});

after(async () => {
  await server?.close();
  await rm(root, { recursive: true, force: true });
});

const onLocalhost = (url: string) => url.replace('://127.0.0.1:', '://localhost:');

async function openPopup(ext: LoadedExtension, url: string): Promise<{ page: Page; popup: PopupPage }> {
  const page = await ext.context.newPage();
  await page.goto(url, { waitUntil: 'domcontentloaded' });
  const popup = await openPopupOn(ext, page);
  await popup.waitForArticle();
  return { page, popup };
}

/** Reads the article in the popup as a person does: stays a moment, scrolls through it. */
async function readInPopup(popup: PopupPage): Promise<void> {
  await popup.page.waitForTimeout(2_500);
  await popup.page.locator('main#content').evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
  await popup.page.locator('.ro-article[data-remembered="true"]').waitFor({ timeout: 10_000 });
}

/** Articles in the extension's IndexedDB, read from an extension page; 0 when the database was never made. */
async function storedArticles(page: Page): Promise<number> {
  return page.evaluate(async () => {
    if (!(await indexedDB.databases()).some((db) => db.name === 'readonce-memory')) return 0;
    const db = await new Promise<IDBDatabase>((resolve, reject) => {
      const req = indexedDB.open('readonce-memory');
      req.onsuccess = () => resolve(req.result);
      req.onerror = () => reject(req.error);
    });
    if (!db.objectStoreNames.contains('articles')) return 0;
    const n = await new Promise<number>((resolve) => {
      const req = db.transaction('articles').objectStore('articles').count();
      req.onsuccess = () => resolve(req.result);
    });
    db.close();
    return n;
  });
}

describe('reading memory', () => {
  const suite = withExtension();

  it('after reading A, B folds what was read, with the banner, in the popup and in reader mode', TEST_LIMIT, async () => {
    const a = await openPopup(suite.ext, server.url('/memory/teachers-a.html'));
    const consent = a.popup.page.locator('.ro-memory-consent');
    await consent.waitFor();
    assert.match(await consent.innerText(), /Remember what you read, on this device only, so repeats are folded\?/);
    await a.popup.screenshot('memory-consent.png');
    await a.popup.page.locator('#memory-consent-yes').click();
    await consent.waitFor({ state: 'detached' });
    assert.equal(await a.popup.page.locator('.ro-fold').count(), 0, 'nothing read yet');
    await readInPopup(a.popup);
    assert.equal(await storedArticles(a.popup.page), 1);
    await a.popup.close();
    await a.page.close();

    const b = await openPopup(suite.ext, onLocalhost(server.url('/memory/teachers/b.html')));
    const folds = b.popup.page.locator('.ro-fold');
    await folds.first().waitFor();
    assert.equal(await b.popup.page.locator('.ro-memory-consent').count(), 0, 'asked once only');
    assert.deepEqual(
      (await folds.locator('.ro-fold-label').allInnerTexts()).map((s) => s.replace(/\d+ seconds? ago/u, 'WHEN')),
      ['3 paragraphs read WHEN on 127.0.0.1', '5 paragraphs read WHEN on 127.0.0.1', '3 paragraphs read WHEN on 127.0.0.1', '5 paragraphs read WHEN on 127.0.0.1'],
    );
    const banner = b.popup.page.locator('.ro-memory-banner');
    assert.equal(await banner.getAttribute('data-kind'), 'mostly-read');
    assert.match(await banner.innerText(), /You read 8\d% of this/);
    assert.equal(await banner.locator('a').getAttribute('href'), server.url('/memory/teachers-a.html'));
    // B's own paragraphs stay open; the read ones are hidden until shown.
    const visible = (await b.popup.blocks()).join('\n');
    assert.match(visible, /In Allen County, at least 120 teachers/);
    assert.ok(await b.popup.page.getByText('The union-organized rally represented').isHidden());
    await b.popup.screenshot('memory-popup-folded.png');
    await folds.first().getByRole('button', { name: 'Show' }).click();
    assert.ok(await b.popup.page.getByText('The union-organized rally represented').isVisible());
    await b.popup.screenshot('memory-popup-opened.png');

    // Copies: the whole article still, and only what is new on request.
    const whole = await b.popup.copy('copy-markdown');
    assert.match(whole.text, /The union-organized rally represented/);
    const fresh = await b.popup.copy('copy-new' as 'copy-markdown');
    assert.doesNotMatch(fresh.text, /The union-organized rally represented/);
    assert.match(fresh.text, /In Allen County, at least 120 teachers/);

    await b.popup.openReaderMode();
    const reader = await ReaderPage.opened(b.page);
    const frame = await reader.frame();
    await frame.locator('.ro-fold').first().waitFor();
    assert.equal(await frame.locator('.ro-fold').count(), 4);
    assert.equal(await frame.locator('.ro-memory-banner').getAttribute('data-kind'), 'mostly-read');
    // The frame fades in over 140 ms: a picture taken during it shows the page through the reader.
    await b.page.screenshot({ path: artifact('memory-reader-folded.png'), animations: 'disabled' });
    await b.page.close();
  });

  it('a page opened again after a change says what is new since the last visit', TEST_LIMIT, async () => {
    const first = await openPopup(suite.ext, server.url('/memory/latest.html'));
    await readInPopup(first.popup);
    await first.popup.close();
    await first.page.close();
    await cp(join(root, 'memory', 'latest-10pm.html'), join(root, 'memory', 'latest.html'));

    const again = await openPopup(suite.ext, server.url('/memory/latest.html'));
    const banner = again.popup.page.locator('.ro-memory-banner');
    await banner.waitFor();
    assert.equal(await banner.getAttribute('data-kind'), 'new-since');
    assert.match(await banner.innerText(), /^5 new paragraphs since \d\d:\d\d/);
    assert.equal(await again.popup.page.locator('.ro-new').count(), 5);
    assert.match(await again.popup.page.locator('.ro-new').first().innerText(), /^Authorities say a stabbing/);
    await again.popup.screenshot('memory-popup-new-since.png');
    await again.popup.close();
    await again.page.close();
  });

  it('"Forget everything" in the options empties the memory; B then folds nothing', TEST_LIMIT, async () => {
    const options = await suite.ext.context.newPage();
    await options.goto(`chrome-extension://${suite.ext.id}/options.html`);
    const forget = options.locator('#memory-forget-all');
    await options.locator('#memory-stats').filter({ hasText: /^2 articles/ }).waitFor();
    assert.deepEqual(await options.locator('#memory-sites li').allInnerTexts(), ['127.0.0.1 (2) Forget 127.0.0.1']);
    await options.locator('#memory-section').screenshot({ path: artifact('memory-options.png') });
    await forget.click();
    await options.locator('#memory-status').filter({ hasText: 'Forgotten: 2 articles.' }).waitFor();
    assert.equal(await storedArticles(options), 0);
    await options.close();

    const b = await openPopup(suite.ext, onLocalhost(server.url('/memory/teachers/b.html')));
    await b.popup.page.waitForTimeout(1_000);
    assert.equal(await b.popup.page.locator('.ro-fold, .ro-memory-banner').count(), 0);
    await b.popup.close();
    await b.page.close();
  });
});

describe('reading memory, "Not now"', () => {
  const suite = withExtension();

  it('stores nothing, asks no more, and folds nothing', TEST_LIMIT, async () => {
    const a = await openPopup(suite.ext, server.url('/memory/teachers-a.html'));
    await a.popup.page.locator('#memory-consent-no').click();
    await a.popup.page.locator('.ro-memory-consent').waitFor({ state: 'detached' });
    await a.popup.page.waitForTimeout(2_500);
    await a.popup.page.locator('main#content').evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await a.popup.page.waitForTimeout(2_000);
    assert.equal(await a.popup.page.locator('.ro-article[data-remembered]').count(), 0);
    assert.equal(await storedArticles(a.popup.page), 0);
    await a.popup.close();
    await a.page.close();

    const b = await openPopup(suite.ext, onLocalhost(server.url('/memory/teachers/b.html')));
    await b.popup.page.waitForTimeout(1_000);
    assert.equal(await b.popup.page.locator('.ro-memory-consent, .ro-fold, .ro-memory-banner').count(), 0);
    assert.equal(await storedArticles(b.popup.page), 0);
    await b.popup.close();
    await b.page.close();
  });
});
