/**
 * The headline again near the top of the body: as an h1/h2, a bold paragraph, or with a kicker in front
 * ("EXCLUSIVE: …"). Scraped republications carry it two or three times (the seed page).
 */
import type { ArticleBlock } from '../article.ts';
import { inContentStructure } from '../structure.ts';
import type { Rule } from './rule.ts';

const NEAR_TOP = 12;
const KICKER_WORDS = 4;

function repeatsTitle(block: ArticleBlock, title: string): boolean {
  if (block.norm === title) return true;
  // A kicker or a site name around the title, or a title cut short by the page's <title> separator.
  const extra = block.norm.split(' ').length - title.split(' ').length;
  if (extra > 0 && extra <= KICKER_WORDS && (block.norm.startsWith(title + ' ') || block.norm.endsWith(' ' + title))) return true;
  return block.kind === 'heading' && title.startsWith(block.norm + ' ') && block.norm.length >= title.length * 0.6;
}

export const repeatedTitle: Rule = {
  id: 'repeated-title',
  category: 'duplicates',
  apply(article) {
    if (article.titleNorm.split(' ').length < 2) return;
    for (const block of article.kept().slice(0, NEAR_TOP)) {
      // An infobox value that holds the title ("God Defend New Zealand" on New Zealand, wikipedia-2) is a fact;
      // only the bare title at an infobox's head is the headline again.
      const exact = block.norm === article.titleNorm;
      if (block.kind !== 'code' && block.kind !== 'table' && repeatsTitle(block, article.titleNorm) && (exact || !inContentStructure(block.el))) {
        article.remove(block, { reason: this.id, category: this.category, explanation: 'The headline again' });
      }
    }
  },
};
