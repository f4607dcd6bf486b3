/**
 * The reader's settings: their shape, defaults and validation. Pure (no browser APIs), so the same
 * checks run in the extension and in tests. Each key is validated on its own: a corrupted or unknown
 * value falls back to its default without losing the valid ones beside it.
 */
import { REMOVAL_CATEGORIES, type RemovalCategory } from '../core/types.ts';

export const THEMES = ['system', 'light', 'sepia', 'dark'] as const;
export type Theme = (typeof THEMES)[number];

export const FONT_FAMILIES = ['serif', 'sans'] as const;
export type FontFamily = (typeof FONT_FAMILIES)[number];

export const CONTENT_WIDTHS = ['narrow', 'medium', 'wide'] as const;
export type ContentWidth = (typeof CONTENT_WIDTHS)[number];

export const LINE_HEIGHTS = [1.4, 1.6, 1.8, 2] as const;
export type LineHeight = (typeof LINE_HEIGHTS)[number];

export const FONT_SIZE_MIN = 14;
export const FONT_SIZE_MAX = 28;

export interface Settings {
  theme: Theme;
  fontFamily: FontFamily;
  /** CSS pixels. */
  fontSize: number;
  contentWidth: ContentWidth;
  lineHeight: LineHeight;
  /** Kinds of removal left undone (CleanOptions.keep). Empty: every kind is on. */
  keep: RemovalCategory[];
  /** Host names where ReadOnce removes nothing; each covers its subdomains too. */
  keepEverythingOn: string[];
  /** Off: the popup and the reader load no images (nor any other media), and show alt text instead. */
  loadImages: boolean;
}

export const DEFAULT_SETTINGS: Readonly<Settings> = Object.freeze({
  theme: 'system',
  fontFamily: 'serif',
  fontSize: 19,
  contentWidth: 'medium',
  lineHeight: 1.6,
  keep: [],
  keepEverythingOn: [],
  loadImages: true,
});

export const SETTINGS_KEYS = Object.keys(DEFAULT_SETTINGS) as (keyof Settings)[];

function oneOf<T>(allowed: readonly T[], value: unknown, fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}

/** "https://www.Example.com/path" -> "www.example.com"; null when it is not a host name. */
export function normaliseSite(input: string): string | null {
  let text = input.trim().toLowerCase();
  if (text === '') return null;
  text = text.replace(/^[a-z][a-z0-9+.-]*:\/\//, '').replace(/^\*\./, '');
  text = text.split(/[/?#]/)[0] ?? '';
  text = text.replace(/:\d+$/, '').replace(/\.$/, '');
  const label = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
  if (text.length > 253 || !text.split('.').every((part) => label.test(part))) return null;
  return text;
}

function validSites(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const sites = value.filter((v): v is string => typeof v === 'string').map(normaliseSite);
  return [...new Set(sites.filter((s): s is string => s !== null))];
}

function validKeep(value: unknown): RemovalCategory[] {
  if (!Array.isArray(value)) return [];
  return REMOVAL_CATEGORIES.filter((category) => value.includes(category));
}

function validFontSize(value: unknown): number {
  if (typeof value !== 'number' || !Number.isFinite(value)) return DEFAULT_SETTINGS.fontSize;
  return Math.min(FONT_SIZE_MAX, Math.max(FONT_SIZE_MIN, Math.round(value)));
}

/** Whatever was stored (possibly by an older or a broken version) -> complete, valid settings. */
export function parseSettings(stored: unknown): Settings {
  const raw = (stored !== null && typeof stored === 'object' ? stored : {}) as Record<string, unknown>;
  return {
    theme: oneOf(THEMES, raw.theme, DEFAULT_SETTINGS.theme),
    fontFamily: oneOf(FONT_FAMILIES, raw.fontFamily, DEFAULT_SETTINGS.fontFamily),
    fontSize: validFontSize(raw.fontSize),
    contentWidth: oneOf(CONTENT_WIDTHS, raw.contentWidth, DEFAULT_SETTINGS.contentWidth),
    lineHeight: oneOf(LINE_HEIGHTS, raw.lineHeight, DEFAULT_SETTINGS.lineHeight),
    keep: validKeep(raw.keep),
    keepEverythingOn: validSites(raw.keepEverythingOn),
    // Only a real boolean turns images off: "false", 0 or null are corruption, not a choice.
    loadImages: typeof raw.loadImages === 'boolean' ? raw.loadImages : DEFAULT_SETTINGS.loadImages,
  };
}

/** True when `hostname` is one of `sites` or a subdomain of one. */
export function keepsEverythingOn(sites: readonly string[], hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/\.$/, '');
  return sites.some((site) => host === site || host.endsWith('.' + site));
}
