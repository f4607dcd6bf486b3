/**
 * What the background's command and menu handlers answer (src/background/reader-on-tab.ts): reader mode's
 * state, or why the page was not reached. A test that expects reader mode fails with that why.
 */
import type { ReaderOutcome, ReaderReply } from '../../src/platform/messages.ts';

export type { ReaderOutcome };

/**
 * Reader mode's state from a handler's answer; throws with the problem's kind and the browser's message
 * when the handler failed, and says so when it answered nothing (an unknown command).
 */
export function readerState(what: string, outcome: ReaderOutcome | null | undefined): ReaderReply {
  if (outcome === null || outcome === undefined) throw new Error(`${what}: no handler answered (${String(outcome)})`);
  if (!outcome.ok) throw new Error(`${what} failed: ${outcome.problem}${outcome.detail ? ` (${outcome.detail})` : ''}`);
  return { open: outcome.open };
}
