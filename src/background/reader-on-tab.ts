/** Reader mode from the service worker (keyboard command, context menu): inject, then ask the page. */
import { askContent, type PageProblem, type ProblemReply, type ReaderAction, type ReaderOutcome } from '../platform/messages.ts';
import { flagTab, type TabInfo } from '../platform/extension.ts';
import { readerFrameRef } from '../platform/extension-url.ts';
import { t } from '../platform/i18n.ts';
import { injectContentScript, isRestrictedUrl, problemFromInjectionError } from '../platform/tabs.ts';

/**
 * Opens, closes or toggles reader mode in the tab. A failure is shown to the reader on the toolbar button
 * (badge and tooltip) and returned with its kind and the browser's message, so a caller (the test hooks)
 * can tell a refused page from one that did not answer.
 */
export async function readerOnTab(tab: TabInfo | undefined, action: ReaderAction): Promise<ReaderOutcome> {
  const tabId = tab?.id;
  // No tab (or TAB_ID_NONE) when the request came from outside a tab's page: there is no button to flag.
  if (tabId === undefined || tabId < 0) return { ok: false, problem: 'failed', detail: `no tab to act on (tab id ${tabId})` };
  if (tab?.url && isRestrictedUrl(tab.url)) {
    return flagFailure(tabId, { ok: false, problem: 'restricted', detail: `extensions may not read ${tab.url}` });
  }
  try {
    await injectContentScript(tabId);
    const reply = await askContent(tabId, { type: 'reader', action, frame: readerFrameRef() });
    await flagTab(tabId, null);
    return { ok: true, open: reply.open };
  } catch (error) {
    const { problem, detail } = problemFromInjectionError(error);
    return flagFailure(tabId, { ok: false, problem, detail });
  }
}

async function flagFailure(tabId: number, failure: ProblemReply): Promise<ProblemReply> {
  await flagTab(tabId, t(flagTitleKey(failure.problem))).catch(() => undefined);
  return failure;
}

function flagTitleKey(problem: PageProblem): string {
  if (problem === 'restricted') return 'problemRestrictedTitle';
  if (problem === 'no-access') return 'problemNoAccessTitle';
  return 'problemFailedTitle';
}
