// @ts-check
/**
 * Debian's Chromium with an unpacked build of ReadOnce loaded, and a real click on its toolbar button: what
 * `npm start` (scripts/start.mjs) and the e2e tests (e2e/support/extension.ts) both do, in one place. Plain
 * ESM with JSDoc types, because start.mjs runs in Node without tsx; the e2e tests import it as it is.
 */
import { chromium } from 'playwright';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/**
 * @typedef {NonNullable<Parameters<typeof chromium.launchPersistentContext>[1]>} LaunchOptions
 * @typedef {{ context: import('playwright').BrowserContext, worker: import('playwright').Worker, id: string }} ChromiumWithExtension
 * @typedef {{ targetId: string, type: string, url: string }} TargetInfo
 */

/**
 * Chromium on the profile `userDataDir` with the extension in `extensionDir` loaded, headless unless
 * `options` says otherwise, once its service worker runs (the worker's host is the extension's id). The
 * flags are the set measured to load an MV3 extension headless here (no sandbox or GPU in containers) and
 * to keep the browser off the network but for the pages it is sent to.
 * @param {string} userDataDir
 * @param {string} extensionDir
 * @param {Omit<LaunchOptions, 'args' | 'executablePath'>} [options]
 * @param {string[]} [extraArgs]  more flags, e.g. --enable-speech-dispatcher for a test that reads aloud
 * @returns {Promise<ChromiumWithExtension>}
 */
export async function launchChromiumWithExtension(userDataDir, extensionDir, options = {}, extraArgs = []) {
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM_PATH,
    headless: true,
    ...options,
    args: [
      `--disable-extensions-except=${extensionDir}`,
      `--load-extension=${extensionDir}`,
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      ...extraArgs,
    ],
  });
  try {
    const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker', { timeout: 15_000 }));
    return { context, worker, id: new URL(worker.url()).host };
  } catch (error) {
    await context.close();
    throw error;
  }
}

/**
 * The browser's targets of `type` ('tab' for tabs; 'page' also holds the action's popup, which Playwright
 * does not list), handed to `act` with the browser-level CDP session that found them.
 * @param {import('playwright').BrowserContext} context
 * @param {string} type
 * @param {(cdp: import('playwright').CDPSession, targets: TargetInfo[]) => Promise<void>} act
 */
export async function withTargets(context, type, act) {
  const browser = context.browser();
  if (!browser) throw new Error('no browser behind the persistent context');
  const cdp = await browser.newBrowserCDPSession();
  try {
    const { targetInfos } = /** @type {{ targetInfos: TargetInfo[] }} */ (await cdp.send('Target.getTargets', /** @type {never} */ ({ filter: [{ type }] })));
    await act(cdp, targetInfos);
  } finally {
    await cdp.detach();
  }
}

/**
 * A real toolbar click on the tab showing `url` (CDP Extensions.triggerAction): opens the popup and grants
 * activeTab on the tab, as a person's click does.
 * @param {import('playwright').BrowserContext} context
 * @param {string} extensionId
 * @param {string} url
 */
export async function clickToolbarButton(context, extensionId, url) {
  await withTargets(context, 'tab', async (cdp, tabs) => {
    const target = tabs.find((info) => info.url === url);
    if (!target) throw new Error(`no tab target for ${url}`);
    await cdp.send(/** @type {never} */ ('Extensions.triggerAction'), /** @type {never} */ ({ id: extensionId, targetId: target.targetId }));
  });
}
