/**
 * The interface in the reader's language, and right-to-left articles, in Chromium. With the browser's language
 * set to German, then Japanese (--lang), the popup and reader mode show their strings from _locales; an Arabic
 * article (lang="ar" dir="rtl") is laid out right to left in both. Screenshots: test-results/e2e/locale-*.png,
 * for a person to look at.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { ReaderPage } from './pages/reader-page.ts';
import { launchExtension, ROOT, type LoadedExtension } from './support/extension.ts';
import { startFixtureServer, type FixtureServer } from './support/server.ts';
import { openPopupOn, settle } from './support/steps.ts';
import { TEST_LIMIT } from './support/step.ts';

const messages = (locale: string) => JSON.parse(readFileSync(join(ROOT, '_locales', locale, 'messages.json'), 'utf8')) as Record<string, { message: string }>;

for (const locale of ['de', 'ja']) {
  describe(`the interface in ${locale}`, { timeout: 120_000 }, () => {
    let ext: LoadedExtension;
    let server: FixtureServer;
    before(async () => {
      [ext, server] = await Promise.all([launchExtension(undefined, { args: [`--lang=${locale}`] }), startFixtureServer()]);
    });
    after(async () => {
      await ext?.close();
      await server?.close();
    });

    it('the popup and reader mode speak it', TEST_LIMIT, async () => {
      const m = messages(locale);
      const page = await ext.context.newPage();
      await page.goto(server.url('/seed/page-inline.html'));
      const popup = await openPopupOn(ext, page);
      await popup.waitForArticle();
      assert.equal(await popup.page.evaluate(() => document.documentElement.lang), locale);
      assert.equal((await popup.page.locator('#open-reader').textContent())?.trim(), m.openReader!.message);
      assert.equal((await popup.page.locator('#copy-text').textContent())?.trim(), m.copyText!.message);
      assert.equal((await popup.page.locator('.popup-auto-open span').textContent())?.trim(), m.autoOpenSite!.message);
      // The no-voice note (no speech engine here) names the language in the reader's language.
      await popup.page.locator('#listen-note:not(:empty)').waitFor({ timeout: 15_000 });
      await popup.screenshot(`locale-${locale}-popup.png`);

      await popup.openReaderMode();
      const reader = await ReaderPage.opened(page);
      const frame = await reader.frame();
      assert.equal(await frame.evaluate(() => document.documentElement.lang), locale);
      assert.equal(await reader.attribute('.ro-close', 'title'), m.readerCloseHint!.message);
      assert.equal((await reader.text('.ro-removed-toggle')).replace(/\d+/u, '$COUNT$'), m.removedCount!.message);
      assert.equal(await reader.text('#listen'), m.listenPlay!.message);
      // By the keyboard: after reader mode was opened from the popup opened as a tab, mouse clicks in the frame
      // reached the page's <iframe> element instead (see press() in e2e/listen.test.ts).
      await frame.locator('.ro-removed-toggle').press('Enter');
      await frame.waitForFunction(() => (document.querySelector('.ro-removals') as HTMLElement | null)?.hidden === false, undefined, { timeout: 5_000 });
      await settle(500);
      await reader.screenshot(`locale-${locale}-reader.png`);
      await popup.close();
      await page.close();
    });
  });
}

describe('a right-to-left article', { timeout: 120_000 }, () => {
  let ext: LoadedExtension;
  let server: FixtureServer;
  before(async () => {
    [ext, server] = await Promise.all([launchExtension(), startFixtureServer()]);
  });
  after(async () => {
    await ext?.close();
    await server?.close();
  });

  it('is laid out right to left in the popup and in reader mode, the interface around it as it was', TEST_LIMIT, async () => {
    const page = await ext.context.newPage();
    await page.goto(server.url('/rtl/ar.html'));
    const popup = await openPopupOn(ext, page);
    await popup.waitForArticle();
    const inPopup = await popup.article.evaluate((el) => ({ dir: el.getAttribute('dir'), lang: el.getAttribute('lang'), direction: getComputedStyle(el).direction, body: getComputedStyle(el.querySelector('.ro-body p')!).direction }));
    assert.deepEqual(inPopup, { dir: 'rtl', lang: 'ar', direction: 'rtl', body: 'rtl' });
    assert.equal(await popup.page.evaluate(() => getComputedStyle(document.querySelector('.popup-bar')!).direction), 'ltr', 'the toolbar follows the interface language');
    await popup.page.locator('#listen-note:not(:empty)').waitFor({ timeout: 15_000 });
    assert.match((await popup.page.locator('#listen-note').textContent()) ?? '', /Arabic/u);
    await popup.screenshot('locale-ar-article-popup.png');

    await popup.openReaderMode();
    const reader = await ReaderPage.opened(page);
    assert.deepEqual(await reader.style('.ro-article', ['direction']), { direction: 'rtl' });
    // The title sits at the right edge of the column.
    const box = await (await reader.locator('.ro-title')).evaluate((el) => {
      const range = document.createRange();
      range.selectNodeContents(el);
      const text = range.getBoundingClientRect();
      const column = el.getBoundingClientRect();
      return { right: Math.round(column.right - text.right), left: Math.round(text.left - column.left) };
    });
    assert.ok(box.right < 2 && box.left >= 0, `the title is set from the right: ${JSON.stringify(box)}`);
    await reader.screenshot('locale-ar-article-reader.png');
    await popup.close();
    await page.close();
  });
});
