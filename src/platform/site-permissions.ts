/**
 * "Always use reader mode on this site": the sites chosen, each with its host permission. The manifest asks for
 * no host up front; `optional_host_permissions` lets ReadOnce ask for one site's origin at the moment the reader
 * turns it on, and gives it back when the reader takes the site off the list. The list is kept in storage.local
 * (this device's choice, like the permission itself) and counts a site only while its permission is granted:
 * a permission taken back in the browser's own settings ends it too.
 */
import { browser } from './browser.ts';

const KEY = 'autoOpenSites';

/** "https://www.example.com/a/b" -> "https://www.example.com/*": the match pattern of the page's origin; null for non-web pages. */
export function sitePattern(url: string | undefined): string | null {
  if (!url) return null;
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return null;
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return null;
  // Match patterns name no port: one for the host covers it on every port.
  return `${parsed.protocol}//${parsed.hostname}/*`;
}

/** "https://www.example.com/*" -> "www.example.com" (http: pages keep their scheme, so the two read apart). */
export function siteName(pattern: string): string {
  const found = /^(https?):\/\/([^/]+)\/\*$/u.exec(pattern);
  if (!found) return pattern;
  return found[1] === 'https' ? found[2]! : `http://${found[2]}`;
}

/**
 * What the reader typed in the options page ("example.com", "https://example.com/news") -> the site's pattern,
 * https unless they wrote http://; null when it is not a web site.
 */
export function patternFromInput(input: string): string | null {
  const text = input.trim();
  if (text === '') return null;
  const withScheme = /^[a-z][a-z0-9+.-]*:\/\//iu.test(text) ? text : `https://${text}`;
  const pattern = sitePattern(withScheme);
  if (!pattern) return null;
  const host = new URL(withScheme).hostname;
  const label = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/u;
  // A single word is a typo ("http//" reads as the host "http"), not a site; localhost is the one exception.
  if (!host.includes('.') && host !== 'localhost') return null;
  return host.split('.').every((part) => label.test(part)) ? pattern : null;
}

function validPatterns(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  return [...new Set(value.filter((v): v is string => typeof v === 'string' && /^https?:\/\/[^/*]+\/\*$/u.test(v)))];
}

async function stored(): Promise<string[]> {
  try {
    return validPatterns((await browser.storage.local.get(KEY))[KEY]);
  } catch {
    return [];
  }
}

async function store(patterns: string[]): Promise<void> {
  await browser.storage.local.set({ [KEY]: [...new Set(patterns)].sort() });
}

/** The chosen sites whose permission is granted. */
export async function autoOpenSites(): Promise<string[]> {
  const sites = await stored();
  const granted = await Promise.all(sites.map((origin) => browser.permissions.contains({ origins: [origin] }).catch(() => false)));
  return sites.filter((_, i) => granted[i]);
}

/**
 * Asks the browser for the site's origin and, once given, adds the site. Call it straight from the reader's click
 * (browsers grant permission requests only within the gesture). Resolves whether the site is on.
 */
export function requestAutoOpenSite(pattern: string): Promise<boolean> {
  // No await before the request: it must run within the click.
  const asked = browser.permissions.request({ origins: [pattern] });
  return asked.then(async (granted) => {
    if (granted) await store([...(await stored()), pattern]);
    return granted;
  });
}

/** Takes the site off the list and gives back its permission. */
export async function removeAutoOpenSite(pattern: string): Promise<void> {
  await store((await stored()).filter((p) => p !== pattern));
  await browser.permissions.remove({ origins: [pattern] }).catch(() => false);
}

/**
 * In the background: a permission granted while the popup was closing (Firefox closes the popup for the prompt)
 * still turns its site on, and one taken back in the browser's settings turns it off.
 */
export function followSitePermissions(): void {
  browser.permissions.onAdded.addListener((added) => {
    const origins = validPatterns(added.origins ?? []);
    if (origins.length > 0) void stored().then((sites) => store([...sites, ...origins]));
  });
  browser.permissions.onRemoved.addListener((removed) => {
    const origins = new Set(removed.origins ?? []);
    if (origins.size > 0) void stored().then((sites) => store(sites.filter((p) => !origins.has(p))));
  });
}

/** Calls `listener` when the list changes (another page turned a site on or off). */
export function watchAutoOpenSites(listener: () => void): void {
  browser.storage.onChanged.addListener((changes, area) => {
    if (area === 'local' && KEY in changes) listener();
  });
}
