/**
 * Reading aloud: the speed and, per language, the voice the reader chose. In storage.local: voices belong to
 * this device (another computer has other voices), so they are never synced. Each value is checked on its own:
 * a bad speed falls back to 1×, a bad voice entry is dropped, the others stay.
 */
import { browser } from './browser.ts';

export const LISTEN_RATES = [0.75, 1, 1.25, 1.5, 1.75, 2] as const;
export type ListenRate = (typeof LISTEN_RATES)[number];

export interface ListenSettings {
  rate: ListenRate;
  /** Primary language subtag ("de", "ja") -> the chosen voice's voiceURI. */
  voices: Record<string, string>;
}

export const DEFAULT_LISTEN_SETTINGS: Readonly<ListenSettings> = Object.freeze({ rate: 1, voices: {} });

const KEY = 'listen';
const LANGUAGE = /^[a-z]{2,3}$/u;

export function parseListenSettings(stored: unknown): ListenSettings {
  const raw = (stored !== null && typeof stored === 'object' ? stored : {}) as Record<string, unknown>;
  const rate = LISTEN_RATES.includes(raw.rate as ListenRate) ? (raw.rate as ListenRate) : DEFAULT_LISTEN_SETTINGS.rate;
  const voices: Record<string, string> = {};
  if (raw.voices !== null && typeof raw.voices === 'object' && !Array.isArray(raw.voices)) {
    for (const [lang, uri] of Object.entries(raw.voices as Record<string, unknown>)) {
      if (LANGUAGE.test(lang) && typeof uri === 'string' && uri !== '' && uri.length < 500) voices[lang] = uri;
    }
  }
  return { rate, voices };
}

export async function loadListenSettings(): Promise<ListenSettings> {
  try {
    return parseListenSettings((await browser.storage.local.get(KEY))[KEY]);
  } catch {
    return { ...DEFAULT_LISTEN_SETTINGS, voices: {} };
  }
}

export async function saveListenSettings(change: { rate?: ListenRate; voice?: { lang: string; uri: string } }): Promise<ListenSettings> {
  const current = await loadListenSettings();
  const next = parseListenSettings({
    rate: change.rate ?? current.rate,
    voices: change.voice ? { ...current.voices, [change.voice.lang]: change.voice.uri } : current.voices,
  });
  await browser.storage.local.set({ [KEY]: next });
  return next;
}
