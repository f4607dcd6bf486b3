/**
 * The reading memory's settings: shape, defaults, validation. Pure, so the same checks run in the extension and
 * in tests. `remember` starts at 'ask': nothing is recorded until the reader says yes in the popup.
 */
export const REMEMBER = ['ask', 'on', 'off'] as const;
export type Remember = (typeof REMEMBER)[number];
export const KEEP_DAYS = [30, 90, 365] as const;
export type KeepDays = (typeof KEEP_DAYS)[number];

export interface MemorySettings {
  remember: Remember;
  /** How long to remember what was read. */
  days: KeepDays;
}

export const DEFAULT_MEMORY_SETTINGS: Readonly<MemorySettings> = Object.freeze({ remember: 'ask', days: 90 });

/** Whatever was stored -> valid settings; each value falls back to its default on its own. */
export function parseMemorySettings(stored: unknown): MemorySettings {
  const raw = (stored !== null && typeof stored === 'object' ? stored : {}) as Record<string, unknown>;
  return {
    remember: REMEMBER.includes(raw.remember as Remember) ? (raw.remember as Remember) : DEFAULT_MEMORY_SETTINGS.remember,
    days: KEEP_DAYS.includes(raw.days as KeepDays) ? (raw.days as KeepDays) : DEFAULT_MEMORY_SETTINGS.days,
  };
}
