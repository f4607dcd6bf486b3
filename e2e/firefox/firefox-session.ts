/**
 * Debian's firefox-esr with ReadOnce installed, driven headless by puppeteer-core over WebDriver BiDi
 * (the recipe measured in the team's E2E notes: Playwright's Firefox and geckodriver do not work here).
 * Page objects for what a person uses: the article page, the popup, reader mode.
 */
import { existsSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { READER_FRAME } from '../pages/reader-page.ts';
import { readerState, type ReaderOutcome } from '../support/reader-outcome.ts';
import { startFixtureServer, type FixtureServer } from '../support/server.ts';
import type { ReaderReply } from '../../src/platform/messages.ts';
import { buildTargets } from './build-target.ts';

export const FIREFOX_PATH = '/usr/bin/firefox-esr';

/** Fixed, so extension pages have a known address (moz-extension://UUID/…) before the add-on starts. */
export const EXTENSION_UUID = '6d0c3b52-6a0e-4f53-9d1e-5e0ad1ce0a11';

/** Why the Firefox tests cannot run here, or null when they can. CI installs firefox-esr. */
export function firefoxMissing(): string | null {
  return existsSync(FIREFOX_PATH) ? null : `${FIREFOX_PATH} is missing: apt-get install -y firefox-esr`;
}

/** `goto('moz-extension://…')` loads the page but never resolves over BiDi: start it, then wait for content. */
function startLoading(page: Page, url: string): void {
  page.goto(url, { timeout: 5_000 }).catch(() => undefined);
}

function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

/**
 * Polls until the page is a loaded extension page. Not waitForFunction: while about:blank turns into
 * moz-extension:// the realm goes away under it and BiDi reports an error instead of retrying.
 */
async function untilExtensionApis(page: Page, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  let lastError: unknown = null;
  while (Date.now() < deadline) {
    try {
      const ready = await page.evaluate(
        () => location.protocol === 'moz-extension:' && document.readyState === 'complete' && 'browser' in globalThis,
      );
      if (ready) return;
    } catch (error) {
      lastError = error;
    }
    await new Promise((done) => setTimeout(done, 100));
  }
  throw new Error(`${page.url()} did not load as an extension page in ${timeoutMs} ms`, { cause: lastError });
}

export interface ArticleShown {
  title: string;
  blocks: string[];
}

/** Elements that hold one block each, as src/reader/article-view.ts counts them. */
const BLOCK_SELECTOR = 'h1, h2, h3, h4, h5, h6, p, li, blockquote, pre, table, figcaption, dt, dd';

export class FirefoxSession {
  private constructor(
    readonly browser: Browser,
    private readonly extensionDir: string,
    private readonly profileDir: string,
  ) {}

  /**
   * Starts Firefox with the unpacked extension in `extensionDir` installed (as a temporary add-on). `env`: more
   * for Firefox's environment, e.g. a speech engine's address (support/speech.ts).
   */
  static async start(extensionDir: string, env?: Record<string, string>): Promise<FirefoxSession> {
    const manifest = JSON.parse(await readFile(join(extensionDir, 'manifest.json'), 'utf8')) as {
      browser_specific_settings?: { gecko?: { id?: string } };
    };
    const geckoId = manifest.browser_specific_settings?.gecko?.id;
    if (!geckoId) throw new Error(`${extensionDir}/manifest.json has no browser_specific_settings.gecko.id`);
    // Our own profile folder, removed in close(): puppeteer's temporary one is sometimes left behind.
    const profileDir = await mkdtemp(join(tmpdir(), 'readonce-firefox-'));
    let browser: Browser;
    try {
      browser = await puppeteer.launch({
        browser: 'firefox',
        executablePath: FIREFOX_PATH,
        protocol: 'webDriverBiDi',
        headless: true,
        userDataDir: profileDir,
        timeout: 60_000,
        protocolTimeout: 30_000,
        // Lets BiDi evaluate script in moz-extension:// pages (the popup, the options page).
        args: ['--remote-allow-system-access'],
        extraPrefsFirefox: { 'extensions.webextensions.uuids': JSON.stringify({ [geckoId]: EXTENSION_UUID }) },
        ...(env ? { env: { ...process.env, ...env } as Record<string, string> } : {}),
      });
    } catch (error) {
      await rm(profileDir, { recursive: true, force: true });
      throw error;
    }
    const session = new FirefoxSession(browser, extensionDir, profileDir);
    try {
      await browser.installExtension(extensionDir);
    } catch (error) {
      await session.close();
      throw error;
    }
    return session;
  }

  extensionUrl(path: string): string {
    return `moz-extension://${EXTENSION_UUID}/${path}`;
  }

  /** A new tab at `url`, loaded; `beforeLoad` runs in the page before its own scripts (e.g. a recorder). */
  async openPage(url: string, beforeLoad?: () => void): Promise<Page> {
    const page = await this.browser.newPage();
    if (beforeLoad) await page.evaluateOnNewDocument(beforeLoad);
    await page.goto(url, { waitUntil: 'load', timeout: 15_000 });
    return page;
  }

  /**
   * Runs `fn` in an extension page (options.html), where the WebExtension APIs are in reach. With
   * `front`, that page is brought to the front once the extension page has loaded (it opens as the active tab).
   */
  private async inExtensionPage<T, A>(fn: (arg: A) => Promise<T>, arg: A, front?: Page): Promise<T> {
    const page = await this.browser.newPage();
    try {
      startLoading(page, this.extensionUrl('options.html'));
      await untilExtensionApis(page);
      if (front) await front.bringToFront();
      return (await page.evaluate(fn as (arg: unknown) => Promise<unknown>, arg)) as T;
    } finally {
      await page.close().catch(() => undefined);
    }
  }

  /**
   * The extension's tab id (not BiDi's) for `page`: the active tab once `page` is in front. Asked that
   * way because the store build may not see a tab's URL before a click (no "tabs" permission).
   */
  async tabIdOf(page: Page): Promise<number> {
    const tab = await this.inExtensionPage(
      async () => {
        const api = (globalThis as unknown as { browser: typeof chrome }).browser;
        // Bringing a tab to the front reaches the tabs API a moment later: wait until this page is not the active one.
        for (let tries = 0; tries < 50; tries++) {
          const [active] = await api.tabs.query({ active: true, lastFocusedWindow: true });
          if (active && active.url !== location.href) return { id: active.id ?? null, url: active.url ?? null };
          await new Promise((done) => setTimeout(done, 100));
        }
        return null;
      },
      null,
      page,
    );
    if (!tab || tab.id === null) throw new Error(`no active tab for ${page.url()}`);
    if (tab.url !== null && tab.url !== page.url()) throw new Error(`the active tab shows ${tab.url}, not ${page.url()}`);
    return tab.id;
  }

  /**
   * Runs a keyboard command's handler in the background page, as commands.onCommand would: automation
   * cannot press extension shortcuts. The firefox-test build's background (src/background/test-hooks.ts)
   * exposes the handlers as `readOnce`; the store build does not. Reader mode's state after it, or an error
   * that gives the problem's kind and the browser's message.
   */
  async runCommand(command: string, tab: { id: number; url: string }): Promise<ReaderReply> {
    const outcome = await this.inExtensionPage(
      async ([name, target]: [string, { id: number; url: string }]) => {
        const api = (globalThis as unknown as { browser: { runtime: { getBackgroundPage(): Promise<Window> } } }).browser;
        const background = (await api.runtime.getBackgroundPage()) as Window & {
          readOnce?: { runCommand(command: string, tab: unknown): Promise<ReaderOutcome | null> };
        };
        if (!background.readOnce) throw new Error('the background page does not expose readOnce.runCommand');
        return background.readOnce.runCommand(name, target);
      },
      [command, tab] as [string, { id: number; url: string }],
    );
    return readerState(`command ${command} on tab ${tab.id}`, outcome);
  }

  /** What the background made of each page loaded on a chosen site (src/background/auto-open.ts, test build only). */
  async autoOpenLog(): Promise<{ url: string; outcome: string }[]> {
    return this.inExtensionPage(async () => {
      const api = (globalThis as unknown as { browser: { runtime: { getBackgroundPage(): Promise<Window> } } }).browser;
      const background = (await api.runtime.getBackgroundPage()) as Window & { readOnce?: { autoOpenLog?: unknown } };
      return JSON.parse(JSON.stringify(background.readOnce?.autoOpenLog ?? [])) as { url: string; outcome: string }[];
    }, null);
  }

  /** One of the extension's pages (e.g. options.html), loaded. */
  async openExtensionPage(path: string): Promise<Page> {
    const page = await this.browser.newPage();
    startLoading(page, this.extensionUrl(path));
    await untilExtensionApis(page);
    return page;
  }

  /** The keyboard shortcuts Firefox bound, by command name ('' when it refused one). */
  async shortcuts(): Promise<Record<string, string>> {
    return this.inExtensionPage(async () => {
      const api = (globalThis as unknown as { browser: typeof chrome }).browser;
      const commands = await api.commands.getAll();
      return Object.fromEntries(commands.map((command) => [command.name ?? '', command.shortcut ?? '']));
    }, null);
  }

  /** The popup for one tab, opened as a page: popup.html?tabId=N (how src/popup learns its tab). */
  async openPopup(tabId: number): Promise<PopupPage> {
    const page = await this.browser.newPage();
    startLoading(page, this.extensionUrl(`popup.html?tabId=${tabId}`));
    // Before any waitForSelector: one started on about:blank fails, not retries, when the realm goes away.
    await untilExtensionApis(page);
    return new PopupPage(page);
  }

  async close(): Promise<void> {
    await this.browser.close().catch(() => undefined);
    await rm(this.profileDir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
  }

  toString(): string {
    return `Firefox with ${this.extensionDir}`;
  }
}

/** Firefox with one build installed, and the fixture site, for the tests of one suite. */
export interface FirefoxWithSite {
  /** Set once the suite's before hook ran: read them inside tests, not at import. */
  readonly firefox: FirefoxSession;
  readonly server: FixtureServer;
  /** The build's folder. */
  readonly dir: string;
}

/**
 * Builds `target`, starts the fixture site and Firefox with the build installed before the tests of the suite
 * it is called in, and closes both after them (nothing runs in a suite skipped for a missing Firefox).
 */
export function firefoxWithSite(target: 'firefox' | 'firefox-test'): FirefoxWithSite {
  const suite: Partial<{ -readonly [K in keyof FirefoxWithSite]: FirefoxWithSite[K] }> = {};
  before(async () => {
    const dir = (await buildTargets(target))[target] ?? '';
    suite.dir = dir;
    suite.server = await startFixtureServer();
    suite.firefox = await FirefoxSession.start(dir);
  });
  after(async () => {
    await suite.firefox?.close();
    await suite.server?.close();
  });
  return suite as FirefoxWithSite;
}

export class PopupPage {
  constructor(readonly page: Page) {}

  /** Waits until the popup shows a problem instead of an article; returns its kind (data-problem). */
  async problem(): Promise<string> {
    const box = await this.page.waitForSelector('.ro-problem:not([data-problem="loading"])', { timeout: 20_000 });
    return (await box?.evaluate((node) => (node as HTMLElement).dataset.problem ?? '')) ?? '';
  }

  /** Waits for the clean article (or fails with the problem the popup shows instead). */
  async article(): Promise<ArticleShown> {
    await this.page.waitForSelector('.ro-body, .ro-problem:not([data-problem="loading"])', { timeout: 20_000 });
    // No named functions inside: tsx would wrap them in a __name() helper the page does not have.
    const shown = await this.page.evaluate((blockSelector: string) => {
      const problem = document.querySelector('.ro-problem');
      const body = document.querySelector('.ro-body');
      // Innermost blocks only: a <li><p>…</p></li> is one block, not two.
      const blocks = [...(body?.querySelectorAll(blockSelector) ?? [])].filter((node) => !node.querySelector(blockSelector));
      return {
        problem: problem ? (problem.textContent ?? '') : null,
        title: document.querySelector('.ro-article .ro-title')?.textContent ?? '',
        blocks: blocks.map((node) => node.textContent ?? ''),
      };
    }, BLOCK_SELECTOR);
    if (shown.problem !== null) throw new Error(`the popup shows a problem: ${squash(shown.problem)}`);
    return { title: squash(shown.title), blocks: shown.blocks.map(squash) };
  }

  /** Clicks "Open reader mode"; the popup closes itself once the page shows the reader. */
  async openReader(): Promise<void> {
    await this.page.waitForSelector('#open-reader:not([disabled])', { timeout: 10_000 });
    await this.page.click('#open-reader');
  }

  async close(): Promise<void> {
    if (!this.page.isClosed()) await this.page.close().catch(() => undefined);
  }
}

/** The article page as the page's own scripts see it. */
export class ArticlePage {
  constructor(readonly page: Page) {}

  /** The page's DOM serialised, to prove reader mode leaves no trace. */
  async serialised(): Promise<string> {
    return this.page.evaluate(() => document.documentElement.outerHTML);
  }

  async waitForReader(shown: boolean): Promise<void> {
    await this.page.waitForSelector(READER_FRAME, { hidden: !shown, timeout: 10_000 });
  }

  /** The reader's box on screen: it should cover the viewport. */
  async readerBox(): Promise<{ width: number; height: number; viewport: { width: number; height: number } }> {
    return this.page.$eval(READER_FRAME, (host) => {
      const box = host.getBoundingClientRect();
      return { width: box.width, height: box.height, viewport: { width: innerWidth, height: innerHeight } };
    });
  }

  async close(): Promise<void> {
    if (!this.page.isClosed()) await this.page.close().catch(() => undefined);
  }

  /** Escape closes reader mode, as a reader would. */
  async pressEscape(): Promise<void> {
    await this.page.bringToFront();
    await this.page.keyboard.press('Escape');
  }
}
