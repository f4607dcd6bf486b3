/**
 * Reader mode by itself on the sites the reader chose (src/platform/site-permissions.ts). When a tab on such a
 * site finishes loading a page, the page is read as the popup reads it (the site's host permission lets ReadOnce
 * in without a click), and reader mode opens through the same entry the shortcut and the menu use, only if the
 * page is an article (src/background/article-check.ts). A home page or a page without an article is left as it
 * is, and so is a page whose reader mode the reader already closed: it opens once per page address.
 */
import { askContent } from '../platform/messages.ts';
import { loadSettings } from '../platform/settings.ts';
import { autoOpenSites, followSitePermissions, sitePattern } from '../platform/site-permissions.ts';
import { injectContentScript, onTabLoaded } from '../platform/tabs.ts';
import { looksLikeArticle } from './article-check.ts';
import { readerOnTab } from './reader-on-tab.ts';

/** Per tab, the page (address without its #fragment) reader mode last opened on by itself. */
const openedOn = new Map<number, string>();

/** What became of one loaded page, for the test hooks: opened, or why not. */
export type AutoOpenOutcome = 'opened' | 'not-chosen' | 'already-opened' | 'not-an-article' | 'unreadable';

/** The last pages judged, newest last: what the test hooks read (src/background/test-hooks.ts). */
export const autoOpenLog: { url: string; outcome: AutoOpenOutcome }[] = [];

async function judge(tabId: number, url: string): Promise<void> {
  const outcome = await autoOpenOnLoad(tabId, url);
  autoOpenLog.push({ url, outcome });
  if (autoOpenLog.length > 50) autoOpenLog.shift();
}

export async function autoOpenOnLoad(tabId: number, url: string): Promise<AutoOpenOutcome> {
  const pattern = sitePattern(url);
  if (!pattern || !(await autoOpenSites()).includes(pattern)) return 'not-chosen';
  const page = url.replace(/#.*$/su, '');
  if (openedOn.get(tabId) === page) return 'already-opened';
  try {
    await injectContentScript(tabId);
    const reply = await askContent(tabId, { type: 'clean', settings: await loadSettings() });
    if (!reply.ok || !looksLikeArticle(url, reply.result)) return 'not-an-article';
  } catch {
    return 'unreadable';
  }
  const outcome = await readerOnTab({ id: tabId, url }, 'open');
  if (!outcome.ok) return 'unreadable';
  openedOn.set(tabId, page);
  return 'opened';
}

export function openReaderOnChosenSites(): void {
  followSitePermissions();
  onTabLoaded((tabId, url) => void judge(tabId, url), (tabId) => openedOn.delete(tabId));
}
