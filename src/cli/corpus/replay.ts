/**
 * What a page's blocks repeat, and what the memory keeps of the page: the two halves of reading a corpus with a
 * memory. `readonce batch --memory` runs them page by page in input order (the workers clean, the main thread
 * looks up and records); `readonce memory build` runs them over sketches in corpus order. Both call these, on
 * the same in-memory index, so a corpus memory says for each page exactly what one process reading the whole
 * corpus in that order would have said.
 */
import { siteOf, type Fingerprint, type RememberedArticle, type Repeat, type Sighting } from '../../core/memory/index.ts';

/** Each block's closest earlier sighting (the earliest among equals), for the blocks that have one. */
export function repeatsOf(blockIds: readonly string[], sightings: readonly Sighting[][]): Repeat[] {
  const repeats: Repeat[] = [];
  blockIds.forEach((blockId, i) => {
    const seen = sightings[i]?.[0];
    if (seen) repeats.push({ blockId, ...seen });
  });
  return repeats;
}

/**
 * What the memory keeps of a page of a batch: its url (its id when it has none, as a file of a directory), title,
 * site, the time and the sketches of its blocks that count.
 */
export function rememberedPage(page: { id: string; url: string | null }, title: string, fingerprints: Fingerprint[], time: number): RememberedArticle {
  const url = page.url ?? page.id;
  return { url, title, site: siteOf(url), time, fingerprints };
}

/**
 * A `--time` value: an ISO 8601 date or milliseconds since the epoch. Null when it is neither, for the caller to
 * say so.
 */
export function parseTime(value: string): number | null {
  if (/^\d+$/u.test(value)) return Number(value);
  if (!/^\d{4}-\d{2}-\d{2}/u.test(value)) return null;
  const ms = Date.parse(value);
  return Number.isFinite(ms) ? ms : null;
}
