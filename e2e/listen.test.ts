/**
 * Listen, in Chromium, with a real speech engine: speech-dispatcher and espeak-ng playing into a PulseAudio
 * null sink (support/speech.ts), which Chromium reaches with --enable-speech-dispatcher. A is read in the popup
 * (the reading memory remembers it); B repeats three of A's paragraphs (they fold) and carries a "Read also"
 * teaser (removed). In reader mode over B, Listen reads the title, then the kept blocks in order, skipping the
 * fold and the removal; opened and shown, they are read in their places. The highlight follows; pause stops the
 * sound and resume goes on from there; closing reader mode silences it. Without a voice (Chromium without
 * speech-dispatcher), the control is disabled and says why.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { Frame, Page } from 'playwright';
import { ReaderPage } from './pages/reader-page.ts';
import { launchExtension, withExtension, type LoadedExtension } from './support/extension.ts';
import { installListenRecorder, segmentsRead, spokenSoFar, type Spoken } from './support/listen-recorder.ts';
import { startFixtureServer, type FixtureServer } from './support/server.ts';
import { CHROMIUM_SPEECH_FLAG, speechMissing, startSpeechService, type SpeechService } from './support/speech.ts';
import { openPopupOn, openReaderFromPopup, settle } from './support/steps.ts';
import { TEST_LIMIT } from './support/step.ts';

const B_TEXT: Record<string, string> = {
  title: 'Ferry line to start in May after the council vote',
  b0: 'The first ferry to the island will sail on the second of May, the harbour master said on Friday.',
  b1: 'Read also: City buses get three new routes',
  b2: 'Boats will leave every forty minutes from the north pier, starting at six in the morning.',
  b3: 'A single ticket will cost two euros, and children under twelve will travel for free.',
  b4: 'The council expects about three thousand passengers a day once the summer season begins.',
  b5: 'What comes next',
  b6: 'Two boats are being repainted in the shipyard and will be tested in the bay in April.',
  b7: 'The crews still need a safety course, which the coast guard will run in the spring.',
};

/** Polls `test` in the reader's frame (or any page) until it holds; fails naming `what` after `ms`. */
async function until(where: Frame | Page, what: string, test: () => boolean, ms: number): Promise<void> {
  try {
    await where.waitForFunction(test, undefined, { timeout: ms, polling: 100 });
  } catch (error) {
    throw new Error(`${what}: not within ${ms} ms (${String(error).split('\n')[0]})`);
  }
}

/**
 * Presses a button in the reader with the keyboard (focus, Enter), as a keyboard user does. Not the mouse: after
 * reader mode was opened from the popup opened as a tab (which then closes itself), Chromium sent mouse clicks
 * at most points of the reader to the page's <iframe> element instead of into the frame, with or without a
 * speech engine; reader mode opened by the command takes the same clicks (checked), so it is this harness's
 * flow, not the reader. Keys go to the focused frame.
 */
async function press(frame: Frame, selector: string): Promise<void> {
  await frame.locator(selector).press('Enter');
}

/** Clicks Listen and waits until the whole article was read (the button is back to Listen). */
async function listenToEnd(frame: Frame): Promise<Spoken[]> {
  const before = (await frame.evaluate(spokenSoFar)).length;
  await press(frame, '#listen');
  await until(frame, 'reading aloud started', () => document.querySelector('#listen')?.getAttribute('data-state') === 'playing', 10_000);
  await until(frame, 'reading aloud finished', () => document.querySelector('#listen')?.getAttribute('data-state') === 'stopped', 120_000);
  return (await frame.evaluate(spokenSoFar)).slice(before);
}

const skip = speechMissing() ?? false;

describe('Listen with speech-dispatcher and espeak-ng (real speech)', { skip, timeout: 420_000 }, () => {
  let speech: SpeechService;
  let ext: LoadedExtension;
  let server: FixtureServer;
  before(async () => {
    speech = await startSpeechService();
    [ext, server] = await Promise.all([launchExtension(undefined, { args: [CHROMIUM_SPEECH_FLAG], env: speech.env }), startFixtureServer()]);
  });
  after(async () => {
    await ext?.close();
    await server?.close();
    await speech?.close();
  });

  it('reads what the reader sees in order, the highlight following; pause, resume, and closing reader mode stop the sound', { timeout: 360_000 }, async () => {
    // A, read in the popup with the reading memory on.
    const a = await ext.context.newPage();
    await a.goto(server.url('/listen/a.html'));
    const popupA = await openPopupOn(ext, a);
    await popupA.waitForArticle();
    await popupA.page.locator('#memory-consent-yes').click();
    await popupA.page.waitForTimeout(2_500);
    await popupA.page.locator('main#content').evaluate((el) => el.scrollTo({ top: el.scrollHeight }));
    await popupA.page.locator('.ro-article[data-remembered="true"]').waitFor({ timeout: 10_000 });
    await popupA.close();
    await a.close();

    // B in reader mode: A's three paragraphs folded, the teaser removed.
    const b = await ext.context.newPage();
    await b.goto(server.url('/listen/b.html'));
    const { reader, closeAll } = await openReaderFromPopup(ext, b);
    const frame = await reader.frame();
    await frame.locator('.ro-fold').waitFor({ timeout: 10_000 });
    await until(frame, 'the Listen button is enabled', () => !(document.querySelector('#listen') as HTMLButtonElement | null)?.disabled, 30_000);
    await frame.evaluate(installListenRecorder);
    await frame.locator('#listen-speed').selectOption('2');

    const first = await listenToEnd(frame);
    assert.deepEqual(segmentsRead(first).map((s) => s.id), ['title', 'b0', 'b5', 'b6', 'b7'], 'the fold and the removal are skipped');
    for (const s of segmentsRead(first)) assert.equal(s.text, B_TEXT[s.id ?? ''], `what was said for ${s.id}`);
    for (const u of first) {
      assert.deepEqual(u.events, ['start', 'end'], `"${u.text}" was spoken to its end`);
      assert.equal(u.lang, 'en');
      assert.equal(u.rate, 2);
      assert.match(u.voiceLang ?? '', /^en/u, 'an English voice reads the English article');
    }
    await reader.screenshot('listen-reader.png');

    // Shown by the reader, the fold and the removal are read in their places.
    await press(frame, '.ro-fold-toggle');
    await until(frame, 'the fold opened', () => document.querySelector('.ro-fold')?.getAttribute('data-open') === 'true', 5_000);
    await press(frame, '.ro-removed-toggle');
    await until(frame, 'the removed list opened', () => (document.querySelector('.ro-removals') as HTMLElement | null)?.hidden === false, 5_000);
    await press(frame, '.ro-removal[data-removal="0"] .ro-show-in-place');
    await until(frame, 'the removal is shown in place', () => document.querySelector('.ro-body .ro-removed') !== null, 5_000);
    const second = await listenToEnd(frame);
    assert.deepEqual(segmentsRead(second).map((s) => s.id), ['title', 'b0', 'b1', 'b2', 'b3', 'b4', 'b5', 'b6', 'b7']);
    assert.ok(second.every((u) => u.inView !== false), `the highlighted paragraph was in view each time: ${JSON.stringify(second.map((u) => [u.highlighted, u.inView]))}`);

    // Pause while b0 is read: the sound stops and nothing else starts; resume goes on in b0, then on to b1.
    await frame.locator('#listen-speed').selectOption('1');
    const started = (await frame.evaluate(spokenSoFar)).length;
    await press(frame, '#listen');
    await until(frame, 'b0 is being read', () => document.querySelector('.ro-speaking')?.getAttribute('data-ro-block') === 'b0', 20_000);
    await settle(1_200);
    assert.ok((await speech.loudness(600)) > 500, 'speech is heard while reading');
    await press(frame, '#listen');
    assert.equal(await frame.locator('#listen').getAttribute('data-state'), 'paused');
    await settle(500);
    const pausedAt = (await frame.evaluate(spokenSoFar)).length;
    assert.ok((await speech.loudness(1_200)) < 50, 'silence while paused');
    assert.equal((await frame.evaluate(spokenSoFar)).length, pausedAt, 'nothing new was said while paused');
    assert.equal(await frame.locator('.ro-speaking').getAttribute('data-ro-block'), 'b0', 'the highlight stays on the paused paragraph');
    await reader.screenshot('listen-reader-paused.png');
    await press(frame, '#listen');
    await until(frame, 'b1 is read after b0 resumed', () => document.querySelector('.ro-speaking')?.getAttribute('data-ro-block') === 'b1', 30_000);
    const resumed = (await frame.evaluate(spokenSoFar)).slice(started);
    const b0Parts = resumed.filter((u) => u.highlighted === 'b0');
    assert.ok(b0Parts.length >= 2, 'b0 was spoken in two parts, before and after the pause');
    assert.ok(B_TEXT.b0!.endsWith(b0Parts[b0Parts.length - 1]!.text), `resumed from where it paused: "${b0Parts[b0Parts.length - 1]!.text}"`);

    // The keys in reader mode: L moves on to the next paragraph, K pauses.
    await b.keyboard.press('l');
    await until(frame, 'L moved to b2', () => document.querySelector('.ro-speaking')?.getAttribute('data-ro-block') === 'b2', 10_000);
    await b.keyboard.press('k');
    await until(frame, 'K paused', () => document.querySelector('#listen')?.getAttribute('data-state') === 'paused', 5_000);
    await b.keyboard.press('k');
    await until(frame, 'K resumed', () => document.querySelector('#listen')?.getAttribute('data-state') === 'playing', 5_000);
    await settle(1_000);
    assert.ok((await speech.loudness(500)) > 500, 'speech is heard again');

    // Closing reader mode silences it.
    await reader.pressEscape();
    await reader.waitUntilClosed();
    await settle(800);
    assert.ok((await speech.loudness(1_500)) < 50, 'silence once reader mode closed');
    await closeAll();
  });
});

describe('Listen where the browser has no voice', { timeout: 120_000 }, () => {
  const suite = withExtension(() => startFixtureServer());

  it('is disabled and says so, in the popup and in reader mode', TEST_LIMIT, async () => {
    // Chromium on Linux without --enable-speech-dispatcher offers no voice at all.
    const page = await suite.ext.context.newPage();
    await page.goto(suite.server.url('/listen/b.html'));
    const popup = await openPopupOn(suite.ext, page);
    await popup.waitForArticle();
    await checkDisabled(popup.page);
    await popup.screenshot('listen-no-voice-popup.png');
    await popup.openReaderMode();
    const reader = await ReaderPage.opened(page);
    await checkDisabled(await reader.frame());
    await popup.close();
    await page.close();
  });
});

async function checkDisabled(where: Page | Frame): Promise<void> {
  await until(where, 'the no-voice note', () => (document.querySelector('#listen-note')?.textContent ?? '') !== '', 15_000);
  assert.equal(await where.locator('#listen').isDisabled(), true);
  assert.match((await where.locator('#listen-note').textContent()) ?? '', /no voice for English/u);
}

