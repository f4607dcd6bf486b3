/**
 * The reading memory in a real Firefox (firefox-esr, headless, the firefox-test build): asked once, A is read
 * in the popup, then B, the same AP story in another site's template, folds what was read and names A in a
 * banner. Both pages come from 127.0.0.1, the only host the test build may read.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { firefoxMissing, firefoxWithSite } from './firefox/firefox-session.ts';
import { TEST_LIMIT } from './support/step.ts';

const skip = firefoxMissing() ?? false;

describe('Firefox: reading memory, A then B', { skip, timeout: 180_000 }, () => {
  const suite = firefoxWithSite('firefox-test');

  it('after reading A in the popup, B folds the paragraphs read and shows the banner', TEST_LIMIT, async () => {
    const a = await suite.firefox.openPage(suite.server.url('/memory/teachers-a.html'));
    const popupA = await suite.firefox.openPopup(await suite.firefox.tabIdOf(a));
    try {
      await popupA.article();
      await popupA.page.waitForSelector('#memory-consent-yes', { timeout: 10_000 });
      await popupA.page.click('#memory-consent-yes');
      await popupA.page.waitForSelector('.ro-memory-consent', { hidden: true });
      // Read as a person does: a moment, then scrolled through.
      await new Promise((done) => setTimeout(done, 2_500));
      await popupA.page.evaluate(() => document.querySelector('main#content')?.scrollTo({ top: 1e6 }));
      await popupA.page.waitForSelector('.ro-article[data-remembered="true"]', { timeout: 10_000 });
    } finally {
      await popupA.close();
    }

    const b = await suite.firefox.openPage(suite.server.url('/memory/teachers/b.html'));
    const popupB = await suite.firefox.openPopup(await suite.firefox.tabIdOf(b));
    try {
      await popupB.article();
      await popupB.page.waitForSelector('.ro-fold', { timeout: 10_000 });
      const seen = await popupB.page.evaluate(() => ({
        folds: [...document.querySelectorAll('.ro-fold .ro-fold-label')].map((el) => el.textContent ?? ''),
        banner: document.querySelector('.ro-memory-banner')?.getAttribute('data-kind') ?? null,
        link: document.querySelector('.ro-memory-banner a')?.getAttribute('href') ?? null,
        consent: document.querySelector('.ro-memory-consent') !== null,
      }));
      assert.deepEqual(
        seen.folds.map((s) => s.replace(/^(\d+) paragraphs read .+ on 127\.0\.0\.1$/u, '$1')),
        ['3', '5', '3', '5'],
      );
      assert.equal(seen.banner, 'mostly-read');
      assert.equal(seen.link, suite.server.url('/memory/teachers-a.html'));
      assert.equal(seen.consent, false);
    } finally {
      await popupB.close();
      await b.close();
      await a.close();
    }
  });
});
