/** Reaching the page: finding the tab, telling restricted pages apart, injecting the content script. */
import { browser } from './browser.ts';
import type { PageProblem, SnapshotReply } from './messages.ts';

export const CONTENT_SCRIPT_FILE = 'content.js';
/** Asks the content script for the snapshot; injected after it (src/content/ask-snapshot.js). */
export const ASK_SNAPSHOT_FILE = 'ask-snapshot.js';

export interface TabRef {
  id: number;
  /** Known only once the reader granted access (activeTab) or for the extension's own pages. */
  url?: string;
}

/** The tab the popup acts on: `?tabId=N` when given (the popup opened as a page), else the active tab. */
export async function targetTab(search: string): Promise<TabRef | null> {
  const fromQuery = Number(new URLSearchParams(search).get('tabId'));
  if (Number.isInteger(fromQuery) && fromQuery > 0) {
    const tab = await browser.tabs.get(fromQuery);
    return { id: fromQuery, url: tab.url };
  }
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id === undefined ? null : { id: tab.id, url: tab.url };
}

const STORE_HOSTS = [
  'chromewebstore.google.com',
  'addons.mozilla.org',
  'microsoftedge.microsoft.com',
  'addons.opera.com',
];

/** Pages no extension may script: browser pages, other extensions, the add-on stores. */
export function isRestrictedUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  if (!['http:', 'https:', 'file:'].includes(parsed.protocol)) return true;
  if (STORE_HOSTS.includes(parsed.hostname)) return true;
  return parsed.hostname === 'chrome.google.com' && parsed.pathname.startsWith('/webstore');
}

/** Turns the browser's refusal into the message a reader should see. */
export function problemFromInjectionError(error: unknown): { problem: PageProblem; detail: string } {
  const detail = error instanceof Error ? error.message : String(error);
  // Chromium: "Cannot access a chrome:// URL", "The extensions gallery cannot be scripted.",
  // "Frame with ID 0 is showing error page".
  if (/Cannot access a [a-z-]+:\/\/ URL|gallery cannot be scripted|showing error page/i.test(detail)) {
    return { problem: 'restricted', detail };
  }
  // Chromium: "Cannot access contents of the page…"; Firefox: "Missing host permission for the tab".
  if (/Cannot access contents|Missing host permission|must request permission/i.test(detail)) {
    return { problem: 'no-access', detail };
  }
  return { problem: 'failed', detail };
}

/**
 * Runs content.js in the tab (a no-op when it already runs there). Needs activeTab: a user gesture.
 * Injected at once rather than at document idle, so a page still loading can say so instead of
 * leaving the popup waiting in silence.
 */
export async function injectContentScript(tabId: number): Promise<void> {
  await browser.scripting.executeScript({ target: { tabId }, files: [CONTENT_SCRIPT_FILE], injectImmediately: true });
}

/**
 * Runs content.js in the tab's top frame (a no-op where it runs already) and takes the page's snapshot, in one
 * call: the popup's click costs the page one task to start with, not two. Needs activeTab.
 */
export async function snapshotTab(tabId: number): Promise<SnapshotReply> {
  const [injection] = await browser.scripting.executeScript({
    target: { tabId, frameIds: [0] },
    files: [CONTENT_SCRIPT_FILE, ASK_SNAPSHOT_FILE],
    injectImmediately: true,
  });
  const reply = injection?.result as SnapshotReply | null | undefined;
  if (reply === undefined || reply === null) throw new Error('ReadOnce is not running in this page; open it again.');
  return reply;
}

export async function openOptionsPage(): Promise<void> {
  await browser.runtime.openOptionsPage();
}

/**
 * Calls `loaded` when a tab finished loading a page whose address ReadOnce may see (a site it holds a host
 * permission for: without "tabs", other tabs' addresses stay hidden), and `closed` when a tab goes.
 */
export function onTabLoaded(loaded: (tabId: number, url: string) => void, closed: (tabId: number) => void): void {
  browser.tabs.onUpdated.addListener((tabId, change, tab) => {
    if (change.status === 'complete' && tab.url) loaded(tabId, tab.url);
  });
  browser.tabs.onRemoved.addListener((tabId) => closed(tabId));
}
