/**
 * Corpus order under `readonce memory build --order-by FIELD`: by the field's value, then by id, then by what
 * the page holds, so the order is the same however the corpus was split or the sketch files were listed.
 */
import type { OrderValue } from './formats.ts';

// Dates as crawls and feeds write them: ISO 8601 (WARC-Date, JSON), and RFC 2822 (RSS pubDate, HTTP headers).
const ISO_8601 = /^\d{4}-\d{2}-\d{2}(?:[T ]\d{2}:\d{2}(?::\d{2}(?:[.,]\d+)?)?(?:Z|[+-]\d{2}(?::?\d{2})?)?)?$/iu;
const RFC_2822 = /^(?:[A-Z][a-z]{2}, *)?\d{1,2} [A-Z][a-z]{2} \d{2,4} \d{2}:\d{2}(?::\d{2})? *(?:[+-]\d{4}|[A-Z]{1,5})?$/u;

/**
 * How a value sorts: numbers by value; dates by the instant they name (as milliseconds, so among numbers);
 * other text after them, by its UTF-16 code units; a page without the field last.
 */
export type SortKey = { rank: 0; n: number } | { rank: 1; s: string } | { rank: 2 };

export function sortKey(order: OrderValue | undefined): SortKey {
  const value = order?.value ?? null;
  if (value === null) return { rank: 2 };
  if (typeof value === 'number') return Number.isFinite(value) ? { rank: 0, n: value } : { rank: 1, s: String(value) };
  const text = value.trim();
  if (ISO_8601.test(text) || RFC_2822.test(text)) {
    const ms = Date.parse(text.replace(/^(\d{4}-\d{2}-\d{2}) /u, '$1T').replace(',', '.'));
    if (Number.isFinite(ms)) return { rank: 0, n: ms };
  }
  return { rank: 1, s: value };
}

function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function compareKeys(a: SortKey, b: SortKey): number {
  if (a.rank !== b.rank) return a.rank - b.rank;
  if (a.rank === 0) return a.n - (b as typeof a).n;
  if (a.rank === 1) return compareText(a.s, (b as typeof a).s);
  return 0;
}

interface Ordered {
  key: SortKey;
  id: string;
  url: string | null;
  title: string;
  blocks: string[];
  sketches: Uint8Array;
}

/**
 * Corpus order of two sketched pages: field value, then id; two pages with one id and one value (a page given
 * twice) by what they hold, so which comes first never depends on the files they came in.
 */
export function compareInOrder(a: Ordered, b: Ordered): number {
  return (
    compareKeys(a.key, b.key) ||
    compareText(a.id, b.id) ||
    compareText(a.url ?? '', b.url ?? '') ||
    compareText(a.title, b.title) ||
    compareText(a.blocks.join('\n'), b.blocks.join('\n')) ||
    Buffer.compare(a.sketches, b.sketches)
  );
}
