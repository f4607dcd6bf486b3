/**
 * Reader mode by itself on the sites the reader chose (src/platform/site-permissions.ts). When a tab on such a
 * site finishes loading a page (the site's host permission lets ReadOnce in without a click), reader mode opens
 * only if the page is an article (src/reader/article-check.ts). A home page is left as it is at once; any other
 * page is read as reader mode reads it, in a hidden reader frame: the content script takes the snapshot, the
 * frame's engine document cleans it and the frame judges the result, then is shown or closed
 * (src/content/reader-mode.ts). So the page's thread only takes the snapshot, as for a click (issue 18), and
 * the page is cleaned once, not once to judge and again to show. A page whose reader mode the reader already
 * closed is left as it is: it opens once per page address.
 */
import { flagTab } from '../platform/extension.ts';
import { readerFrameRef } from '../platform/extension-url.ts';
import { askContent } from '../platform/messages.ts';
import { autoOpenSites, followSitePermissions, sitePattern } from '../platform/site-permissions.ts';
import { injectContentScript, onTabLoaded } from '../platform/tabs.ts';
import { isHomePage } from '../reader/article-check.ts';

/** Per tab, the page (address without its #fragment) reader mode last opened on by itself. */
const openedOn = new Map<number, string>();

/** What became of one loaded page, for the test hooks: opened, or why not. */
export type AutoOpenOutcome = 'opened' | 'not-chosen' | 'already-opened' | 'not-an-article' | 'unreadable';

/** The last pages judged, newest last: what the test hooks read (src/background/test-hooks.ts). */
export const autoOpenLog: { url: string; outcome: AutoOpenOutcome }[] = [];

/**
 * How long the hidden frame may take to judge. The content script closes a frame still hidden after 20 s
 * (PENDING_LIMIT_MS, src/content/reader-mode.ts); this waits a little longer, so that the page counts as
 * unreadable only once its frame is gone, never while it may still be shown.
 */
const VERDICT_LIMIT_MS = 25_000;

/** Per tab, who waits for its hidden frame's verdict: true once shown, false once closed, null: none came. */
const waiting = new Map<number, (shown: boolean | null) => void>();

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
  // Known from the address alone: no frame, no snapshot.
  if (isHomePage(url)) return 'not-an-article';
  try {
    await injectContentScript(tabId);
    const reply = await askContent(tabId, { type: 'reader', action: 'open', frame: { ...readerFrameRef(), pending: true } });
    // Reader mode was already there (the reader's own click or shortcut came first, or a frame still judging).
    if (!reply.pending) return 'already-opened';
  } catch {
    return 'unreadable';
  }
  // Waited for from here: the frame has only just been added, and must load, read the page and clean it first.
  const shown = await verdictOf(tabId);
  if (shown === null) return 'unreadable';
  if (!shown) return 'not-an-article';
  openedOn.set(tabId, page);
  await flagTab(tabId, null).catch(() => undefined);
  return 'opened';
}

/** The verdict of the hidden frame just opened in `tabId`; an earlier one still awaited there (gone with its page) gets null. */
function verdictOf(tabId: number): Promise<boolean | null> {
  heard(tabId, null);
  return new Promise((done) => {
    const finish = (shown: boolean | null) => {
      clearTimeout(timer);
      done(shown);
    };
    // Only this wait: a later page's in the same tab has a timer of its own.
    const timer = setTimeout(() => waiting.get(tabId) === finish && heard(tabId, null), VERDICT_LIMIT_MS);
    waiting.set(tabId, finish);
  });
}

/** A hidden frame in `tabId` was shown (true) or closed (false) on its verdict; null: give up waiting. */
export function heard(tabId: number, shown: boolean | null): void {
  const done = waiting.get(tabId);
  waiting.delete(tabId);
  done?.(shown);
}

export function openReaderOnChosenSites(): void {
  followSitePermissions();
  onTabLoaded(
    (tabId, url) => void judge(tabId, url),
    (tabId) => {
      openedOn.delete(tabId);
      heard(tabId, null);
    },
  );
}
