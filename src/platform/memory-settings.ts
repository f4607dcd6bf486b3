/**
 * The reading memory's settings, in storage.local: they belong to this device, as the memory does, and are never
 * synced.
 */
import { browser } from './browser.ts';
import { DEFAULT_MEMORY_SETTINGS, parseMemorySettings, type MemorySettings } from './memory-settings-schema.ts';

export * from './memory-settings-schema.ts';

const KEY = 'readingMemory';

export async function loadMemorySettings(): Promise<MemorySettings> {
  try {
    return parseMemorySettings((await browser.storage.local.get(KEY))[KEY]);
  } catch {
    return { ...DEFAULT_MEMORY_SETTINGS };
  }
}

export async function saveMemorySettings(changes: Partial<MemorySettings>): Promise<MemorySettings> {
  const next = parseMemorySettings({ ...(await loadMemorySettings()), ...changes });
  await browser.storage.local.set({ [KEY]: next });
  return next;
}
