/**
 * Settings: validated wherever they are read, changed on the options page, kept across a browser
 * restart, and followed by the popup and reader mode.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { DEFAULT_SETTINGS, keepsEverythingOn, normaliseSite, parseSettings } from '../src/platform/settings-schema.ts';
import { OptionsPage } from './pages/options-page.ts';
import { ReaderPage } from './pages/reader-page.ts';
import { clickToolbarButton, launchExtension, newProfileDir, runCommand, tabIdOf, type LoadedExtension } from './support/extension.ts';
import { startFixtureServer, type FixtureServer } from './support/server.ts';
import { openPopupOn } from './support/steps.ts';
import { TEST_LIMIT } from './support/step.ts';

describe('settings validation', () => {
  // Each row: what storage held, what the extension reads. Why each exists is in its title.
  const cases: { title: string; stored: unknown; expect: Partial<typeof DEFAULT_SETTINGS> }[] = [
    { title: 'nothing stored yet (fresh install)', stored: {}, expect: DEFAULT_SETTINGS },
    { title: 'storage returned something that is not an object', stored: 'garbage', expect: DEFAULT_SETTINGS },
    { title: 'an unknown theme from a newer version', stored: { theme: 'neon', fontFamily: 'sans' }, expect: { theme: 'system', fontFamily: 'sans' } },
    { title: 'a font size as text, next to a valid width', stored: { fontSize: '22', contentWidth: 'wide' }, expect: { fontSize: 19, contentWidth: 'wide' } },
    { title: 'a font size beyond the range is clamped, not dropped', stored: { fontSize: 99 }, expect: { fontSize: 28 } },
    { title: 'a line height not on the scale', stored: { lineHeight: 3.5 }, expect: { lineHeight: 1.6 } },
    { title: 'an unknown removal kind among known ones', stored: { keep: ['teasers', 'ads', 'teasers'] }, expect: { keep: ['teasers'] } },
    {
      title: 'sites typed as URLs, with junk among them',
      stored: { keepEverythingOn: ['https://www.Example.com/news', 42, 'not a host!', 'example.org.', 'www.example.com'] },
      expect: { keepEverythingOn: ['www.example.com', 'example.org'] },
    },
    { title: 'images turned off is kept', stored: { loadImages: false }, expect: { loadImages: false } },
    // Only a real boolean turns images off: a string or a number is corruption, and images stay on (the default).
    { title: 'loadImages stored as the string "false"', stored: { loadImages: 'false' }, expect: { loadImages: true } },
    { title: 'loadImages stored as 0, next to a valid theme', stored: { loadImages: 0, theme: 'dark' }, expect: { loadImages: true, theme: 'dark' } },
  ];
  for (const { title, stored, expect } of cases) {
    it(title, TEST_LIMIT, () => {
      const settings = parseSettings(stored);
      for (const [key, value] of Object.entries(expect)) assert.deepEqual(settings[key as keyof typeof settings], value, key);
    });
  }

  it('matches a site and its subdomains, and nothing else', TEST_LIMIT, () => {
    assert.equal(keepsEverythingOn(['example.com'], 'news.example.com'), true);
    assert.equal(keepsEverythingOn(['example.com'], 'example.com'), true);
    assert.equal(keepsEverythingOn(['example.com'], 'badexample.com'), false);
    assert.equal(normaliseSite('*.example.com'), 'example.com');
    assert.equal(normaliseSite('http://127.0.0.1:8080/x'), '127.0.0.1');
  });
});

describe('settings in the browser', () => {
  let server: FixtureServer;
  let profile: string;
  let ext: LoadedExtension | undefined;

  before(async () => {
    server = await startFixtureServer();
    profile = await newProfileDir();
  });

  after(async () => {
    await ext?.close();
    await server?.close();
  });

  it('keeps what the options page sets across a browser restart', TEST_LIMIT, async () => {
    ext = await launchExtension(profile);
    const options = await OptionsPage.open(ext);
    assert.equal(await options.shortcut('toggle-reader'), 'Alt+Shift+Y');
    assert.match(await options.page.locator('#shortcuts-where').innerText(), /chrome:\/\/extensions\/shortcuts/);

    await options.theme('Sepia').check();
    await options.saved();
    await options.typeface('Sans-serif').check();
    await options.setFontSize(22);
    await options.width.selectOption('wide');
    await options.lineSpacing.selectOption('1.8');
    await options.removal('Teasers').uncheck();
    await options.loadImages.uncheck();
    await options.setSites('example.com\nhttps://news.example.org/page\nnot a site!');
    assert.match(await options.sitesError.innerText(), /not a site!/);
    await options.screenshot('options.png');
    await ext.close({ keepProfile: true });

    ext = await launchExtension(profile);
    const reopened = await OptionsPage.open(ext);
    assert.equal(await reopened.theme('Sepia').isChecked(), true);
    assert.equal(await reopened.typeface('Sans-serif').isChecked(), true);
    assert.equal(await reopened.fontSize.inputValue(), '22');
    assert.equal(await reopened.width.inputValue(), 'wide');
    assert.equal(await reopened.lineSpacing.inputValue(), '1.8');
    assert.equal(await reopened.removal('Teasers').isChecked(), false);
    assert.equal(await reopened.removal('Duplicates').isChecked(), true);
    assert.equal(await reopened.loadImages.isChecked(), false);
    assert.equal(await reopened.sites.inputValue(), 'example.com\nnews.example.org');

    // Reader mode after the restart uses them.
    const page = await ext.context.newPage();
    await page.goto(server.url('/seed/page-inline.html'));
    await clickToolbarButton(ext, page);
    await runCommand(ext, 'toggle-reader', await tabIdOf(ext, page));
    const reader = await ReaderPage.opened(page);
    assert.equal((await reader.style('.ro-reader', ['background-color']))['background-color'], 'rgb(244, 236, 216)');
    assert.equal((await reader.style('.ro-article', ['font-size']))['font-size'], '22px');
    // Teasers are kept now: the truncated teaser is back in the article.
    assert.match(await reader.text('.ro-body'), /Being the largest importer of\.\.\./);
    await reader.detach();
    await page.close();
    await reopened.page.close();
  });

  it('falls back per setting when storage holds corrupted values, keeping the valid ones', TEST_LIMIT, async () => {
    ext ??= await launchExtension(profile);
    await ext.worker.evaluate(() =>
      chrome.storage.sync.set({ theme: 'neon', fontSize: 'huge', contentWidth: 'narrow', keep: 'teasers', keepEverythingOn: ['example.com', 7] }),
    );
    const options = await OptionsPage.open(ext);
    assert.equal(await options.theme('Follow the system').isChecked(), true);
    assert.equal(await options.fontSize.inputValue(), '19');
    assert.equal(await options.width.inputValue(), 'narrow');
    assert.equal(await options.removal('Teasers').isChecked(), true);
    assert.equal(await options.sites.inputValue(), 'example.com');
    await options.page.close();
  });

  it('removes nothing on a site where the reader keeps everything', TEST_LIMIT, async () => {
    ext ??= await launchExtension(profile);
    await ext.worker.evaluate(() => chrome.storage.sync.set({ keepEverythingOn: ['127.0.0.1'], keep: [] }));
    const page = await ext.context.newPage();
    await page.goto(server.url('/seed/page-inline.html'));
    const popup = await openPopupOn(ext, page);
    await popup.waitForArticle();
    assert.match(await popup.page.locator('.ro-note').innerText(), /keeps everything on this site/);
    assert.equal(await popup.removedButton.innerText(), 'Nothing removed');
    assert.ok((await popup.blocks()).includes('Skip to content'));
    await popup.close();
    await page.close();
  });
});
