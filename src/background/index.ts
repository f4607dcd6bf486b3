/** Service worker (Chromium) / event page (Firefox): wiring only. */
import { createPageMenuItem, onCommand, onInstalled, onMenuItemClicked } from '../platform/extension.ts';
import { serveReadingMemory } from '../platform/memory-service.ts';
import { relayReaderFrameRequests } from '../platform/messages.ts';
import { heard as autoOpenVerdictHeard, openReaderOnChosenSites } from './auto-open.ts';
import { READ_PAGE_MENU_ITEM, runCommand, runMenuItem } from './commands.ts';

onInstalled(() => void createPageMenuItem(READ_PAGE_MENU_ITEM, 'contextMenuRead'));
onCommand((command, tab) => void runCommand(command, tab));
onMenuItemClicked(READ_PAGE_MENU_ITEM, (tab) => void runMenuItem(tab));
relayReaderFrameRequests(autoOpenVerdictHeard);
serveReadingMemory();
openReaderOnChosenSites();
