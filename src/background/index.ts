/** Service worker (Chromium) / event page (Firefox): wiring only. */
import { createPageMenuItem, onCommand, onInstalled, onMenuItemClicked } from '../platform/extension.ts';
import { READ_PAGE_MENU_ITEM, runCommand, runMenuItem } from './commands.ts';

onInstalled(() => void createPageMenuItem(READ_PAGE_MENU_ITEM, 'contextMenuRead'));
onCommand((command, tab) => void runCommand(command, tab));
onMenuItemClicked(READ_PAGE_MENU_ITEM, (tab) => void runMenuItem(tab));

// The same handlers the command and the menu use, for the e2e tests (keyboard input never reaches
// extension commands in automation) and for debugging from the service worker console.
Object.assign(globalThis, { readOnce: { runCommand, runMenuItem } });
