/** Reader mode from the service worker (keyboard command, context menu): inject, then ask the page. */
import { askContent, type ReaderAction, type ReaderReply } from '../platform/messages.ts';
import { flagTab, type TabInfo } from '../platform/extension.ts';
import { readerFrameRef } from '../platform/extension-url.ts';
import { t } from '../platform/i18n.ts';
import { injectContentScript, isRestrictedUrl, problemFromInjectionError } from '../platform/tabs.ts';

export async function readerOnTab(tab: TabInfo | undefined, action: ReaderAction): Promise<ReaderReply | null> {
  const tabId = tab?.id;
  if (tabId === undefined || tabId < 0) return null;
  try {
    if (tab?.url && isRestrictedUrl(tab.url)) throw new Error('Cannot access a chrome:// URL');
    await injectContentScript(tabId);
    const reply = await askContent(tabId, { type: 'reader', action, frame: readerFrameRef() });
    await flagTab(tabId, null);
    return reply;
  } catch (error) {
    const { problem } = problemFromInjectionError(error);
    const key = problem === 'restricted' ? 'problemRestrictedTitle' : problem === 'no-access' ? 'problemNoAccessTitle' : 'problemFailedTitle';
    await flagTab(tabId, t(key)).catch(() => undefined);
    return null;
  }
}
