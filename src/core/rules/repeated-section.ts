/**
 * A run of blocks shown twice: a layout's second copy of a part of the page for another screen size (the
 * product panel for desktop and for phones, allbirds.com in wcxb-dev 0580, printed one after the other once
 * the style sheet that hides one is gone), a carousel's cloned slides. The later run goes, block by block,
 * each naming its first copy. Single blocks are exact-duplicate's. Only on the pages read whole and on product
 * pages: an article or a manual may set the same steps under each of its parts on purpose (a meal plan's
 * supplements under plan A and plan B: test/fixtures/pages/meal-plan-refrain).
 */
import type { ArticleBlock } from '../article.ts';
import type { PageType } from '../types.ts';
import type { Rule } from './rule.ts';

const PAGES: ReadonlySet<PageType> = new Set(['sections', 'listing', 'product']);

const MIN_RUN = 3;
const MIN_RUN_WORDS = 10;
/** Earlier places of a text looked at: a price or a label may stand a hundred times on a listing. */
const MAX_EARLIER = 8;

export const repeatedSection: Rule = {
  id: 'repeated-section',
  category: 'duplicates',
  apply(article) {
    if (!PAGES.has(article.pageType)) return;
    const kept = article.kept();
    const earlier = new Map<string, number[]>();
    for (let i = 0; i < kept.length; ) {
      const { length, from } = longestRepeat(kept, i, earlier.get(kept[i]!.norm) ?? []);
      const run = kept.slice(i, i + length);
      if (length >= MIN_RUN && run.reduce((n, b) => n + b.words, 0) >= MIN_RUN_WORDS) {
        run.forEach((copy, k) => {
          article.remove(copy, { reason: this.id, category: this.category, explanation: 'Part of a run of blocks the page shows twice', duplicates: kept[from + k]! });
        });
        i += length;
        continue;
      }
      const places = earlier.get(kept[i]!.norm) ?? [];
      places.push(i);
      if (places.length > MAX_EARLIER) places.shift();
      earlier.set(kept[i]!.norm, places);
      i++;
    }
  },
};

/** The longest run from `i` that repeats a run starting at one of `starts` and ending before `i`. */
function longestRepeat(kept: readonly ArticleBlock[], i: number, starts: readonly number[]): { length: number; from: number } {
  let best = { length: 0, from: -1 };
  for (const j of starts) {
    let n = 0;
    while (i + n < kept.length && j + n < i && comparable(kept[i + n]!) && kept[j + n]!.norm === kept[i + n]!.norm) n++;
    if (n > best.length) best = { length: n, from: j };
  }
  return best;
}

/** Code and tables repeat on purpose (a sample shown twice, a table per variant); an empty text says nothing. */
function comparable(block: ArticleBlock): boolean {
  return block.kind !== 'code' && block.kind !== 'table' && block.norm !== '';
}
