/** The service worker's browser hooks: commands, the context menu and the toolbar button's badge. */
import { browser } from './browser.ts';
import { t } from './i18n.ts';

export interface CommandInfo {
  name: string;
  shortcut: string;
  description: string;
}

export interface TabInfo {
  id?: number;
  url?: string;
}

export function onCommand(listener: (command: string, tab: TabInfo | undefined) => void): void {
  browser.commands.onCommand.addListener((command, tab) => listener(command, tab));
}

export async function listCommands(): Promise<CommandInfo[]> {
  const commands = await browser.commands.getAll();
  return commands.map((c) => ({ name: c.name ?? '', shortcut: c.shortcut ?? '', description: c.description ?? '' }));
}

export function onInstalled(listener: () => void): void {
  browser.runtime.onInstalled.addListener(() => listener());
}

export async function createPageMenuItem(id: string, titleKey: string): Promise<void> {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({ id, title: t(titleKey), contexts: ['page', 'selection', 'frame'] });
}

export function onMenuItemClicked(id: string, listener: (tab: TabInfo | undefined) => void): void {
  browser.contextMenus.onClicked.addListener((info, tab) => {
    if (info.menuItemId === id) listener(tab);
  });
}

/** Marks the toolbar button on one tab when a keyboard or menu request failed, with the reason as tooltip. */
export async function flagTab(tabId: number, message: string | null): Promise<void> {
  await browser.action.setBadgeText({ tabId, text: message ? '!' : '' });
  if (message) await browser.action.setBadgeBackgroundColor({ tabId, color: '#b3261e' });
  await browser.action.setTitle({ tabId, title: message ? `${t('extName')}: ${message}` : t('actionTitle') });
}
