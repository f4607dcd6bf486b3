/** What each keyboard command and menu item does. The manifest's `commands` names the keys. */
import type { TabInfo } from '../platform/extension.ts';
import type { ReaderOutcome } from '../platform/messages.ts';
import { readerOnTab } from './reader-on-tab.ts';

export const TOGGLE_READER_COMMAND = 'toggle-reader';
export const READ_PAGE_MENU_ITEM = 'read-this-page-once';

/**
 * The handler behind commands.onCommand; `_execute_action` (open the popup) is handled by the browser.
 * null: not a command this handler knows.
 */
export async function runCommand(command: string, tab: TabInfo | undefined): Promise<ReaderOutcome | null> {
  if (command === TOGGLE_READER_COMMAND) return readerOnTab(tab, 'toggle');
  return null;
}

export async function runMenuItem(tab: TabInfo | undefined): Promise<ReaderOutcome> {
  return readerOnTab(tab, 'open');
}
