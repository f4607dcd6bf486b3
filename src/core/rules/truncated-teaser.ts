/**
 * A truncated teaser: the start of another block, cut off with "..." or "…" (a card title that
 * repeats the lede's first words). Also a cut-off blurb at the head or foot of the article that paraphrases
 * the article itself: the seed page opens with one ("… Being the largest importer of...").
 */
import { type ArticleBlock, blockStems, isProse, runningText } from '../article.ts';
import { endsWithEllipsis, normalize, stemCoverage, stripEllipsis } from '../text.ts';
import type { Rule } from './rule.ts';

const MIN_PREFIX_WORDS = 5;
/** Share of a blurb's content words that the article must also use for the blurb to count as its teaser. */
const PARAPHRASE_COVERAGE = 0.5;

/** The words a truncated block surely has: without the ellipsis, and without a last word that may be cut. */
function certainPrefix(block: ArticleBlock): string {
  return normalize(stripEllipsis(block.text)).split(' ').slice(0, -1).join(' ');
}

export const truncatedTeaser: Rule = {
  id: 'truncated-teaser',
  category: 'teasers',
  apply(article) {
    for (const block of article.kept()) {
      // Without the ellipsis a shorter block that starts a longer one is an ordinary pattern (a meal plan's
      // "1 cup blueberries" beside "1 cup blueberries, 2 rice cakes"); contained-block judges those.
      if (block.removal || block.kind === 'code' || block.kind === 'table' || !endsWithEllipsis(block.text)) continue;
      const prefix = certainPrefix(block);
      if (prefix.split(' ').length < MIN_PREFIX_WORDS) continue;
      const full = article.index.startingWith(prefix).find((b) => b !== block && !b.removal);
      if (full) {
        article.remove(block, { reason: this.id, category: this.category, explanation: 'Truncated copy of another block', duplicates: full });
      }
    }

    const blurbs = article.kept().filter((b) => b.kind !== 'code' && b.kind !== 'table' && b.words >= 8 && endsWithEllipsis(b.text));
    if (blurbs.length === 0) return;
    const [first, last] = runningText(article);
    if (first < 0) return;
    const bodyStems = new Set(article.kept().filter((b) => isProse(b) && b.index >= first && b.index <= last).flatMap(blockStems));
    for (const block of blurbs) {
      if (block.index > first && block.index < last) continue;
      if (stemCoverage(blockStems(block), bodyStems) >= PARAPHRASE_COVERAGE) {
        article.remove(block, { reason: this.id, category: this.category, explanation: 'Cut-off blurb restating the article' });
      }
    }
  },
};
