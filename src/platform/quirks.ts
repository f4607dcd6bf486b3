/**
 * Browser differences that cannot be settled in the manifest. Which branch runs is fixed at build time
 * (__READONCE_BROWSER__), so each bundle carries one browser's code path.
 */
import { browser } from './browser.ts';

export const BROWSER = __READONCE_BROWSER__;

/** Where the reader changes keyboard shortcuts, as a locale key. */
export const SHORTCUTS_WHERE_KEY = BROWSER === 'firefox' ? 'optionsShortcutsWhereFirefox' : 'optionsShortcutsWhereChrome';

export async function openShortcutSettings(): Promise<void> {
  if (BROWSER === 'firefox') {
    // Firefox 137+: opens about:addons at the shortcuts panel.
    const commands = browser.commands as unknown as { openShortcutSettings?: () => Promise<void> };
    if (commands.openShortcutSettings) return commands.openShortcutSettings();
    await browser.tabs.create({ url: 'about:addons' });
    return;
  }
  // Extensions may open this chrome:// page, though links to it are blocked.
  await browser.tabs.create({ url: 'chrome://extensions/shortcuts' });
}
