/** Small pure helpers shared by the popup and the reader overlay. */
import type { Block, Removal, RemovalCategory } from '../core/types.ts';
import { REMOVAL_CATEGORIES } from '../core/types.ts';
import { wordCount } from '../core/text.ts';

const WORDS_PER_MINUTE = 230;

export function squash(text: string): string {
  return text.replace(/\s+/g, ' ').trim();
}

export function readingMinutes(blocks: readonly Block[]): number {
  // The engine's own count, so a Chinese or Japanese article is not read as a handful of long "words".
  const words = blocks.reduce((sum, block) => sum + wordCount(block.text), 0);
  return Math.max(1, Math.round(words / WORDS_PER_MINUTE));
}

/** "2025-05-07T14:12:00+00:00" -> "7 May 2025" in the UI language; anything unparseable as it came. */
export function formatDate(value: string, locale: string): string {
  const time = Date.parse(value);
  if (Number.isNaN(time)) return value;
  try {
    return new Intl.DateTimeFormat(locale, { dateStyle: 'medium' }).format(time);
  } catch {
    return new Date(time).toDateString();
  }
}

/** "Copy text" copies the core's one plain-text rendering, as the CLI prints it. */
export { articleAsText } from '../core/format.ts';

export interface ReasonGroup {
  reason: string;
  /** The explanation every removal in the group shares, or null when they differ (each item shows its own). */
  explanation: string | null;
  /** Each removal with its index in `result.removed`. */
  items: { removal: Removal; index: number }[];
}

export interface CategoryGroup {
  category: RemovalCategory;
  reasons: ReasonGroup[];
  count: number;
}

/** Removals grouped by category (in the engine's category order), then by rule, in page order. */
export function groupRemovals(removed: readonly Removal[]): CategoryGroup[] {
  const groups: CategoryGroup[] = [];
  for (const category of REMOVAL_CATEGORIES) {
    const reasons = new Map<string, ReasonGroup>();
    removed.forEach((removal, index) => {
      if (removal.category !== category) return;
      let group = reasons.get(removal.reason);
      if (!group) {
        group = { reason: removal.reason, explanation: removal.explanation, items: [] };
        reasons.set(removal.reason, group);
      } else if (group.explanation !== removal.explanation) group.explanation = null;
      group.items.push({ removal, index });
    });
    const list = [...reasons.values()];
    const count = list.reduce((sum, group) => sum + group.items.length, 0);
    if (count > 0) groups.push({ category, reasons: list, count });
  }
  return groups;
}

/** "truncated-teaser" -> "truncated teaser": rule ids read as words. */
export function reasonLabel(reason: string): string {
  return reason.replace(/[-_]+/g, ' ').trim();
}

/** Splits raw page text into paragraphs for display (the no-article fallback). */
export function textParagraphs(text: string): string[] {
  return text
    .split(/\n\s*\n|\n/)
    .map(squash)
    .filter((line) => line !== '');
}
