/**
 * Debian's Chromium with the built extension loaded, launched and clicked as npm start does it
 * (scripts/chromium-extension.mjs: the flags, the id read from the service worker, toolbar clicks through
 * CDP). The build is dist/chrome-test: dist/chrome plus the command and menu handlers on the service
 * worker's global (src/background/test-hooks.ts), since automation can press neither a shortcut nor a
 * context menu item.
 */
import type { BrowserContext, Page, Worker } from 'playwright';
import { existsSync } from 'node:fs';
import { mkdir, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { after, before } from 'node:test';
import { fileURLToPath } from 'node:url';
import { clickToolbarButton as clickToolbarButtonOn, launchChromiumWithExtension, withTargets } from '../../scripts/chromium-extension.mjs';
import type { ReaderReply } from '../../src/platform/messages.ts';
import { readerState, type ReaderOutcome } from './reader-outcome.ts';
import { step } from './step.ts';

export const ROOT = resolve(fileURLToPath(new URL('../../', import.meta.url)));
export const EXTENSION_DIR = join(ROOT, 'dist', 'chrome-test');
/** Screenshots land here (gitignored): look at them after a run. */
export const ARTIFACTS = join(ROOT, 'test-results', 'e2e');

export interface LoadedExtension {
  context: BrowserContext;
  worker: Worker;
  id: string;
  userDataDir: string;
  /** Closes the browser; keeps the profile when asked (to restart on it). */
  close: (options?: { keepProfile?: boolean }) => Promise<void>;
}

/** Builds dist/chrome-test when it is missing (npm test builds it first). */
export async function ensureBuilt(): Promise<void> {
  if (existsSync(join(EXTENSION_DIR, 'manifest.json'))) return;
  const { build } = await import('../../scripts/build.mjs');
  await build(['chrome-test']);
}

export async function newProfileDir(): Promise<string> {
  return mkdtemp(join(tmpdir(), 'readonce-e2e-'));
}

/**
 * `browser`: more for the browser (flags, environment), e.g. a speech engine (support/speech.ts), or another
 * build of the extension than dist/chrome-test.
 */
export async function launchExtension(userDataDir?: string, browser: { args?: string[]; env?: Record<string, string>; extensionDir?: string } = {}): Promise<LoadedExtension> {
  if (!browser.extensionDir) await ensureBuilt();
  await mkdir(ARTIFACTS, { recursive: true });
  const dir = userDataDir ?? (await newProfileDir());
  const { context, worker, id } = await step('launch Chromium with the extension', 60_000, () =>
    launchChromiumWithExtension(
      dir,
      browser.extensionDir ?? EXTENSION_DIR,
      { viewport: { width: 1280, height: 800 }, timeout: 45_000, ...(browser.env ? { env: { ...process.env, ...browser.env } as Record<string, string> } : {}) },
      browser.args ?? [],
    ),
  );
  // Every Playwright wait that takes a timeout gets one, so none waits without a limit.
  context.setDefaultTimeout(15_000);
  context.setDefaultNavigationTimeout(20_000);
  return {
    context,
    worker,
    id,
    userDataDir: dir,
    close: async (options) => {
      await step('close the browser', 30_000, () => context.close());
      if (!options?.keepProfile) await rm(dir, { recursive: true, force: true });
    },
  };
}

/** The browser with the extension, and the test site when one is given, for the tests of one file or suite. */
export interface ExtensionWithSite<S> {
  /** Set once the suite's before hook ran: read it inside tests, not at import. */
  readonly ext: LoadedExtension;
  readonly server: S;
}

/**
 * Launches the extension and starts the site (together) before the tests of the file or suite it is called in,
 * and closes both after them. What the site serves is set up inside `startSite`, not in another top-level
 * before hook: Node 20 runs a file's top-level before hooks at once, not one after the other.
 */
export function withExtension(): Omit<ExtensionWithSite<never>, 'server'>;
export function withExtension<S extends { close: () => Promise<void> }>(startSite: () => Promise<S>): ExtensionWithSite<S>;
export function withExtension<S extends { close: () => Promise<void> }>(startSite?: () => Promise<S>): Partial<ExtensionWithSite<S>> {
  const suite: { ext?: LoadedExtension; server?: S } = {};
  before(async () => {
    [suite.ext, suite.server] = await Promise.all([launchExtension(), startSite?.()]);
  });
  after(async () => {
    await suite.ext?.close();
    await suite.server?.close();
  });
  return suite;
}

/**
 * The service worker's own handlers, called as commands.onCommand and contextMenus.onClicked call them (no
 * automation can press a shortcut or pick a context menu item), with what they answer, failures included.
 * A string, not a function: tsx would wrap a nested function in a helper the worker lacks.
 */
export async function commandOutcome(ext: LoadedExtension, name: string, tabId: number): Promise<ReaderOutcome | null> {
  return step(`command ${name} on tab ${tabId}`, 15_000, () => ext.worker.evaluate(`readOnce.runCommand(${JSON.stringify(name)}, { id: ${tabId} })`));
}

export async function menuItemOutcome(ext: LoadedExtension, tabId: number): Promise<ReaderOutcome> {
  return step(`context menu item on tab ${tabId}`, 15_000, () => ext.worker.evaluate(`readOnce.runMenuItem({ id: ${tabId} })`));
}

/** Runs the command; reader mode's state after it, or an error that gives the problem's kind and message. */
export async function runCommand(ext: LoadedExtension, name: string, tabId: number): Promise<ReaderReply> {
  return readerState(`command ${name} on tab ${tabId}`, await commandOutcome(ext, name, tabId));
}

/** Picks "Read this page once"; reader mode's state after it, or an error that gives the problem's kind and message. */
export async function runMenuItem(ext: LoadedExtension, tabId: number): Promise<ReaderReply> {
  return readerState(`context menu item on tab ${tabId}`, await menuItemOutcome(ext, tabId));
}

/** A real toolbar click (CDP Extensions.triggerAction): opens the popup and grants activeTab on the tab. */
export async function clickToolbarButton(ext: LoadedExtension, page: Page): Promise<void> {
  await step(`click the toolbar button on ${page.url()}`, 15_000, () => clickToolbarButtonOn(ext.context, ext.id, page.url()));
}

/**
 * Closes the popup a toolbar click opened (the action's popup.html, not a test's popup.html?tabId=N), as
 * a reader's next click elsewhere does: for a test that goes on with the shortcut or the context menu, so
 * that the popup's own clean of the page does not run beside the command's.
 */
export async function closeToolbarPopup(ext: LoadedExtension): Promise<void> {
  const popup = `chrome-extension://${ext.id}/popup.html`;
  await step('close the toolbar popup', 15_000, () =>
    withTargets(ext.context, 'page', async (cdp, pages) => {
      for (const info of pages) if (info.url === popup) await cdp.send('Target.closeTarget', { targetId: info.targetId });
    }),
  );
}

/** The tab id of `page`. Its URL is visible to the extension only once activeTab was granted on it. */
export async function tabIdOf(ext: LoadedExtension, page: Page): Promise<number> {
  const url = page.url();
  const id = await step(`find the tab id of ${url}`, 10_000, () => ext.worker.evaluate(
    async (want) => (await chrome.tabs.query({})).find((tab) => tab.url === want)?.id ?? null,
    url,
  ));
  if (id === null) throw new Error(`the extension cannot see a tab at ${url} (no gesture on it yet?)`);
  return id;
}

/** The most recently opened tab: for a page the extension was given no access to, so cannot see the URL of. */
export async function newestTabId(ext: LoadedExtension): Promise<number> {
  return step('find the newest tab', 10_000, () => ext.worker.evaluate(async () => Math.max(...(await chrome.tabs.query({})).map((tab) => tab.id ?? -1))));
}

export function artifact(name: string): string {
  return join(ARTIFACTS, name);
}
