/** Settings in storage.sync: read validated, written validated, watched. */
import { browser } from './browser.ts';
import { parseSettings, SETTINGS_KEYS, type Settings } from './settings-schema.ts';

export * from './settings-schema.ts';

export async function loadSettings(): Promise<Settings> {
  try {
    return parseSettings(await browser.storage.sync.get(SETTINGS_KEYS));
  } catch {
    // storage.sync can be unavailable (e.g. disabled by policy): read as a fresh install would.
    return parseSettings({});
  }
}

/** Merges `changes` into the stored settings; returns what is stored afterwards. */
export async function saveSettings(changes: Partial<Settings>): Promise<Settings> {
  const current = await loadSettings();
  const next = parseSettings({ ...current, ...changes });
  const toStore: Partial<Record<keyof Settings, unknown>> = {};
  for (const key of Object.keys(changes) as (keyof Settings)[]) {
    if (SETTINGS_KEYS.includes(key)) toStore[key] = next[key];
  }
  await browser.storage.sync.set(toStore);
  return next;
}

export async function resetSettings(): Promise<Settings> {
  await browser.storage.sync.remove(SETTINGS_KEYS);
  return parseSettings({});
}

/** Calls `listener` with the new settings whenever another page changes them. Returns an unsubscribe. */
export function watchSettings(listener: (settings: Settings) => void): () => void {
  const onChanged = (changes: Record<string, unknown>, area: string) => {
    if (area !== 'sync' || !SETTINGS_KEYS.some((key) => key in changes)) return;
    void loadSettings().then(listener);
  };
  browser.storage.onChanged.addListener(onChanged);
  return () => browser.storage.onChanged.removeListener(onChanged);
}
