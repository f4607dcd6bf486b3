/**
 * Listen in a real Firefox (firefox-esr, headless, the firefox-test build) with a real speech engine:
 * speech-dispatcher and espeak-ng playing into a PulseAudio null sink (support/speech.ts), which Firefox uses on
 * Linux by itself. A is read in the popup (the reading memory remembers it); in B's popup, Listen reads the title
 * and the kept blocks in order, skipping the three paragraphs read in A (folded) and the removed teaser; the
 * highlight follows; pause silences it and resume goes on; closing the popup silences it.
 * Firefox's WebDriver BiDi does not show the test extension frames, so this runs in the popup (opened as a page).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Page } from 'puppeteer-core';
import { buildTargets } from './firefox/build-target.ts';
import { ArticlePage, firefoxMissing, FirefoxSession } from './firefox/firefox-session.ts';
import { installListenRecorder, segmentsRead, spokenSoFar } from './support/listen-recorder.ts';
import { startFixtureServer, type FixtureServer } from './support/server.ts';
import { speechMissing, startSpeechService, type SpeechService } from './support/speech.ts';
import { settle } from './support/steps.ts';
import { TEST_LIMIT } from './support/step.ts';

const skip = firefoxMissing() ?? speechMissing() ?? false;

async function until(page: Page, what: string, test: () => boolean, ms: number): Promise<void> {
  try {
    await page.waitForFunction(test, { timeout: ms, polling: 100 });
  } catch (error) {
    throw new Error(`${what}: not within ${ms} ms (${String(error).split('\n')[0]})`);
  }
}

const state = (page: Page) => page.$eval('#listen', (b) => b.getAttribute('data-state'));
const highlighted = (page: Page) => page.evaluate(() => document.querySelector('.ro-speaking')?.getAttribute('data-ro-block') ?? null);

describe('Firefox: Listen with speech-dispatcher and espeak-ng (real speech)', { skip, timeout: 360_000 }, () => {
  let speech: SpeechService;
  let server: FixtureServer;
  let firefox: FirefoxSession;
  before(async () => {
    const dir = (await buildTargets('firefox-test'))['firefox-test'] ?? '';
    speech = await startSpeechService();
    server = await startFixtureServer();
    firefox = await FirefoxSession.start(dir, speech.env);
  });
  after(async () => {
    await firefox?.close();
    await server?.close();
    await speech?.close();
  });

  it('reads the title and the kept blocks in order in the popup; pause, resume and closing the popup stop the sound', { timeout: 300_000 }, async () => {
    const a = await firefox.openPage(server.url('/listen/a.html'));
    const popupA = await firefox.openPopup(await firefox.tabIdOf(a));
    await popupA.article();
    await popupA.page.waitForSelector('#memory-consent-yes', { timeout: 10_000 });
    await popupA.page.click('#memory-consent-yes');
    await settle(2_500);
    await popupA.page.evaluate(() => document.querySelector('main#content')?.scrollTo({ top: 1e6 }));
    await popupA.page.waitForSelector('.ro-article[data-remembered="true"]', { timeout: 10_000 });
    await popupA.close();
    await a.close();

    const b = await firefox.openPage(server.url('/listen/b.html'));
    const popup = await firefox.openPopup(await firefox.tabIdOf(b));
    const page = popup.page;
    await popup.article();
    await page.waitForSelector('.ro-fold', { timeout: 10_000 });
    await until(page, 'the Listen button is enabled', () => !(document.querySelector('#listen') as HTMLButtonElement | null)?.disabled, 60_000);
    await page.evaluate(installListenRecorder);

    await page.click('#listen');
    await until(page, 'reading aloud started', () => document.querySelector('#listen')?.getAttribute('data-state') === 'playing', 15_000);
    await until(page, 'reading aloud finished', () => document.querySelector('#listen')?.getAttribute('data-state') === 'stopped', 150_000);
    const spoken = await page.evaluate(spokenSoFar);
    assert.deepEqual(segmentsRead(spoken).map((s) => s.id), ['title', 'b0', 'b5', 'b6', 'b7'], 'the fold and the removal are skipped');
    for (const u of spoken) {
      assert.deepEqual(u.events, ['start', 'end'], `"${u.text}" was spoken to its end`);
      assert.equal(u.lang, 'en');
      assert.match(u.voiceLang ?? '', /^en/u, 'an English voice reads the English article');
    }
    assert.ok(spoken.every((u) => u.inView !== false), 'the highlighted paragraph was in view each time');

    // Pause while b0 is read, then resume: it goes on to b5 (the fold is still closed).
    await page.click('#listen');
    await until(page, 'b0 is being read', () => document.querySelector('.ro-speaking')?.getAttribute('data-ro-block') === 'b0', 20_000);
    await settle(1_200);
    assert.ok((await speech.loudness(600)) > 500, 'speech is heard while reading');
    await page.click('#listen');
    assert.equal(await state(page), 'paused');
    await settle(500);
    const pausedAt = (await page.evaluate(spokenSoFar)).length;
    assert.ok((await speech.loudness(1_200)) < 50, 'silence while paused');
    assert.equal((await page.evaluate(spokenSoFar)).length, pausedAt, 'nothing new was said while paused');
    assert.equal(await highlighted(page), 'b0', 'the highlight stays on the paused paragraph');
    await page.click('#listen');
    await until(page, 'b5 is read after b0 resumed', () => document.querySelector('.ro-speaking')?.getAttribute('data-ro-block') === 'b5', 30_000);
    await page.screenshot({ path: 'test-results/e2e/firefox-listen-popup.png' });

    // The popup goes: so does the sound.
    await settle(300);
    await popup.close();
    await settle(800);
    assert.ok((await speech.loudness(1_500)) < 50, 'silence once the popup closed');
    await b.close();
  });

  it('in reader mode K starts reading aloud and Esc, closing reader mode, silences it', TEST_LIMIT, async () => {
    // The test cannot see into the reader's frame in Firefox: what it does is heard on the sink instead.
    const page = new ArticlePage(await firefox.openPage(server.url('/listen/b.html')));
    const popup = await firefox.openPopup(await firefox.tabIdOf(page.page));
    await popup.article();
    await popup.openReader();
    await popup.close();
    await page.waitForReader(true);
    await page.page.bringToFront();
    assert.ok((await speech.loudness(800)) < 50, 'silent before K');
    // K does nothing until the voices are listed: press it once they may be, and listen for speech.
    let heard = 0;
    for (let tries = 0; tries < 10 && heard <= 500; tries++) {
      await settle(1_500);
      if (tries % 3 === 0) await page.page.keyboard.press('k');
      heard = await speech.loudness(700);
    }
    assert.ok(heard > 500, `K starts reading aloud (peak ${heard})`);
    await page.pressEscape();
    await page.waitForReader(false);
    await settle(800);
    assert.ok((await speech.loudness(1_500)) < 50, 'silence once reader mode closed');
    await page.close();
  });
});
