/**
 * Reader mode on the page: opened from the popup, the keyboard command and the context menu; what it
 * looks like; and that closing it leaves the page exactly as it was.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright';
import { READER_FRAME, ReaderPage } from './pages/reader-page.ts';
import { clickToolbarButton, commandOutcome, newestTabId, runCommand, runMenuItem, tabIdOf, withExtension } from './support/extension.ts';
import { SEED } from './support/seed.ts';
import { startFixtureServer } from './support/server.ts';
import { openReaderFromPopup, settle } from './support/steps.ts';
import { TEST_LIMIT } from './support/step.ts';

const suite = withExtension(startFixtureServer);

async function seedPage(): Promise<Page> {
  const page = await suite.ext.context.newPage();
  await page.goto(suite.server.url('/seed/page-inline.html'));
  return page;
}

async function setSettings(values: Record<string, unknown>): Promise<void> {
  await suite.ext.worker.evaluate((v) => chrome.storage.sync.set(v), values);
}

async function storedSettings(): Promise<Record<string, unknown>> {
  return suite.ext.worker.evaluate(() => chrome.storage.sync.get(null));
}

describe('reader mode', () => {
  it('opens from the popup and closes with Esc, leaving the page exactly as it was', TEST_LIMIT, async () => {
    await setSettings({ theme: 'light' });
    const page = await seedPage();
    const email = page.locator('input[type=email]');
    await email.fill('reader@example.com');
    await page.evaluate(() => window.scrollTo(0, 600));
    const before = {
      html: await page.evaluate(() => document.documentElement.outerHTML),
      scrollY: await page.evaluate(() => window.scrollY),
    };
    assert.equal(before.scrollY, 600, 'the seed page is long enough to scroll');

    const { reader, closeAll } = await openReaderFromPopup(suite.ext, page);
    await page.bringToFront();

    assert.equal(await reader.text('.ro-title'), SEED.title);
    assert.equal(await reader.text('.ro-body h2'), SEED.blocks[0]);
    assert.deepEqual(
      await page.evaluate((selector) => {
        const frame = document.querySelector<HTMLIFrameElement>(selector);
        return { tag: frame?.tagName, document: frame?.contentDocument ?? null, focused: document.activeElement === frame };
      }, READER_FRAME),
      { tag: 'IFRAME', document: null, focused: true },
      'the page sees a plain iframe it cannot look into, and focus is in it',
    );
    assert.equal(await reader.focusedInReader(), 'DIV', 'focus moved into the reader on open');
    const paragraph = await reader.style('.ro-body p', ['color', 'letter-spacing', 'font-family']);
    assert.notEqual(paragraph.color, 'rgb(255, 0, 0)', 'page CSS does not reach the reader');
    assert.equal(paragraph['letter-spacing'], 'normal');
    assert.doesNotMatch(paragraph['font-family'] ?? '', /Comic Sans/);
    await reader.screenshot('reader-light.png');

    // Keyboard: Tab cycles through the reader's controls and never lands on the page behind it.
    for (let i = 0; i < 40; i++) {
      await page.keyboard.press(i % 5 === 4 ? 'Shift+Tab' : 'Tab');
      assert.equal(await page.evaluate((selector) => document.activeElement === document.querySelector(selector), READER_FRAME), true, `after ${i + 1} presses`);
      assert.match((await reader.focusedInReader()) ?? '', /^(BUTTON|SELECT|A|DIV)$/, `after ${i + 1} presses`);
    }

    await reader.pressEscape();
    await reader.waitUntilClosed();
    assert.equal(await page.evaluate(() => document.documentElement.outerHTML), before.html);
    assert.equal(await page.evaluate(() => window.scrollY), before.scrollY);
    assert.equal(await email.inputValue(), 'reader@example.com');
    assert.equal(await page.evaluate(() => document.activeElement?.getAttribute('type')), 'email', 'focus is back where it was on the page');
    await closeAll();
  });

  it('honours the theme and font settings, and its toolbar changes them', TEST_LIMIT, async () => {
    await setSettings({ theme: 'sepia', fontFamily: 'sans', fontSize: 23, lineHeight: 1.8, contentWidth: 'narrow' });
    const page = await seedPage();
    await clickToolbarButton(suite.ext, page);
    const tabId = await tabIdOf(suite.ext, page);
    assert.deepEqual(await runMenuItem(suite.ext, tabId), { open: true }, 'context menu "Read this page once"');
    const reader = await ReaderPage.opened(page);

    assert.equal((await reader.style('.ro-reader', ['background-color']))['background-color'], 'rgb(244, 236, 216)');
    const article = await reader.style('.ro-article', ['font-size', 'font-family', 'line-height', 'max-width']);
    assert.equal(article['font-size'], '23px');
    assert.match(article['font-family'] ?? '', /^system-ui/);
    assert.equal(article['line-height'], `${23 * 1.8}px`);
    assert.equal(article['max-width'], `${23 * 30}px`);
    assert.equal(await reader.attribute('.ro-theme-sepia', 'aria-pressed'), 'true');
    await page.bringToFront();
    await reader.screenshot('reader-sepia-sans.png');

    await reader.click('.ro-theme-dark');
    await reader.click('.ro-larger');
    await reader.click('.ro-family-serif');
    assert.equal((await reader.style('.ro-reader', ['background-color']))['background-color'], 'rgb(27, 28, 31)');
    const larger = await reader.style('.ro-article', ['font-size', 'font-family']);
    assert.equal(larger['font-size'], '24px');
    assert.match(larger['font-family'] ?? '', /^Charter/);
    const stored = await storedSettings();
    assert.equal(stored.theme, 'dark');
    assert.equal(stored.fontSize, 24);
    assert.equal(stored.fontFamily, 'serif');

    await reader.click('.ro-removed-toggle');
    assert.match(await reader.text('.ro-removals'), /Skip to content/);
    await reader.screenshot('reader-dark-removed.png');
    await reader.click('.ro-show-in-place');
    assert.equal(await reader.text('.ro-body .ro-removed .ro-removed-text'), 'Skip to content');
    assert.equal(await reader.attribute('.ro-show-in-place', 'aria-pressed'), 'true');

    await reader.click('.ro-close');
    await reader.waitUntilClosed();
    await reader.detach();
    await page.close();
  });

  it('follows the system colour scheme by default', TEST_LIMIT, async () => {
    await suite.ext.worker.evaluate(() => chrome.storage.sync.clear());
    const page = await seedPage();
    await page.emulateMedia({ colorScheme: 'dark' });
    await clickToolbarButton(suite.ext, page);
    await runCommand(suite.ext, 'toggle-reader', await tabIdOf(suite.ext, page));
    const reader = await ReaderPage.opened(page);
    assert.equal(await reader.attribute('.ro-theme-system', 'aria-pressed'), 'true');
    assert.equal((await reader.style('.ro-reader', ['background-color']))['background-color'], 'rgb(27, 28, 31)');
    await page.emulateMedia({ colorScheme: 'light' });
    assert.equal((await reader.style('.ro-reader', ['background-color']))['background-color'], 'rgb(253, 253, 252)');
    await reader.detach();
    await page.close();
  });

  it('shows every theme with its own colours (screenshots: test-results/e2e/reader-theme-*.png)', TEST_LIMIT, async () => {
    const themes = [
      { theme: 'light', scheme: 'light', background: 'rgb(253, 253, 252)' },
      { theme: 'sepia', scheme: 'light', background: 'rgb(244, 236, 216)' },
      { theme: 'dark', scheme: 'light', background: 'rgb(27, 28, 31)' },
      { theme: 'system', scheme: 'dark', background: 'rgb(27, 28, 31)' },
      { theme: 'system', scheme: 'light', background: 'rgb(253, 253, 252)' },
    ] as const;
    for (const { theme, scheme, background } of themes) {
      await setSettings({ theme });
      const page = await seedPage();
      await page.emulateMedia({ colorScheme: scheme });
      await clickToolbarButton(suite.ext, page);
      assert.deepEqual(await runMenuItem(suite.ext, await tabIdOf(suite.ext, page)), { open: true });
      const reader = await ReaderPage.opened(page);
      await page.bringToFront();
      await settle(300); // the reader fades in
      assert.equal((await reader.style('.ro-reader', ['background-color']))['background-color'], background, `${theme} (${scheme})`);
      await reader.screenshot(`reader-theme-${theme === 'system' ? `system-${scheme}` : theme}.png`);
      await page.close();
    }
    await suite.ext.worker.evaluate(() => chrome.storage.sync.clear());
  });

  it('registers its keyboard shortcuts and context menu item, and the command toggles reader mode', TEST_LIMIT, async () => {
    const commands = await suite.ext.worker.evaluate(() => chrome.commands.getAll());
    const shortcut = (name: string) => commands.find((c) => c.name === name)?.shortcut;
    assert.equal(shortcut('toggle-reader'), 'Alt+Shift+Y');
    assert.equal(shortcut('_execute_action'), 'Alt+Shift+E');

    // The context menu item exists: updating an unknown id is refused.
    assert.equal(await suite.ext.worker.evaluate(`chrome.contextMenus.update('read-this-page-once', {}).then(() => 'ok', String)`), 'ok');
    assert.notEqual(await suite.ext.worker.evaluate(`chrome.contextMenus.update('no-such-item', {}).then(() => 'ok', String)`), 'ok');

    const page = await seedPage();
    await page.evaluate(() => window.scrollTo(0, 300));
    const html = await page.evaluate(() => document.documentElement.outerHTML);
    await clickToolbarButton(suite.ext, page);
    const tabId = await tabIdOf(suite.ext, page);
    const reader = new ReaderPage(page);

    assert.deepEqual(await runCommand(suite.ext, 'toggle-reader', tabId), { open: true });
    assert.equal(await reader.isOpen(), true);
    assert.deepEqual(await runCommand(suite.ext, 'toggle-reader', tabId), { open: false });
    assert.equal(await reader.isOpen(), false);
    assert.equal(await page.evaluate(() => document.documentElement.outerHTML), html);
    assert.equal(await page.evaluate(() => window.scrollY), 300);
    await page.close();
  });

  it('is refused on a page ReadOnce was not clicked on: the button says why, and the handler answers no-access', TEST_LIMIT, async () => {
    const page = await seedPage();
    const tabId = await newestTabId(suite.ext);
    const outcome = await commandOutcome(suite.ext, 'toggle-reader', tabId);
    assert.equal(outcome?.ok, false, JSON.stringify(outcome));
    assert.equal(outcome.problem, 'no-access', outcome.detail);
    assert.match(outcome.detail ?? '', /Cannot access contents of the page/);
    const button = await suite.ext.worker.evaluate(
      async (id) => ({ badge: await chrome.action.getBadgeText({ tabId: id }), title: await chrome.action.getTitle({ tabId: id }) }),
      tabId,
    );
    assert.deepEqual(button, { badge: '!', title: 'ReadOnce: ReadOnce has no access to this page' });
    assert.equal(await new ReaderPage(page).isOpen(), false);
    await page.close();
  });
});
