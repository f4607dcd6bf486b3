/**
 * A block that says exactly what another block says (case, punctuation and spacing aside): a caption printed
 * twice (yahoo-2), a photo credit twice (nytimes-5), a paragraph a scraper pasted again.
 *
 * Some pages repeat on purpose, and those repeats stay: code and tables; the same interview question put to
 * each guest; a meal plan whose lines recur (3c6d3381ef… and 5f03fc173e… in the dev corpus). On a page with
 * such a refrain (see hasRefrain), two copies of a block are part of the pattern too.
 */
import { type ArticleBlock, hasRefrain, runningText } from '../article.ts';
import type { Rule } from './rule.ts';

// "and here:", "Photo", "Meal 1": a few words recur in any text. Below a sentence's length only a caption
// or credit printed twice counts; two embedded tweets may well end in the same "— Senate (@NGRSenate) Oct 9".
const MIN_WORDS = 10;
const MIN_CAPTION_WORDS = 4;

/**
 * Of two copies, the one to keep: a paragraph over a list item (a key-points list copies the story's
 * sentences, not the other way round), either over a quote, caption or heading; else the copy in the running
 * text.
 */
function keeperOf(copies: ArticleBlock[], runStart: number): ArticleBlock {
  const rank = (b: ArticleBlock) => (b.kind === 'paragraph' ? 4 : b.kind === 'list-item' ? 2 : 0) + (b.index >= runStart ? 1 : 0);
  return copies.reduce((best, b) => (rank(b) > rank(best) ? b : best));
}

export const exactDuplicate: Rule = {
  id: 'exact-duplicate',
  category: 'duplicates',
  apply(article) {
    const groups = new Map<string, ArticleBlock[]>();
    for (const block of article.kept()) {
      if (block.kind === 'code' || block.kind === 'table') continue;
      if (block.words < (block.kind === 'caption' ? MIN_CAPTION_WORDS : MIN_WORDS)) continue;
      const group = groups.get(block.norm);
      if (group) group.push(block);
      else groups.set(block.norm, [block]);
    }
    if (hasRefrain(article)) return;
    const repeated = [...groups.values()].filter((g) => g.length > 1);
    const [runStart] = runningText(article);
    for (const copies of repeated) {
      const keeper = keeperOf(copies, runStart);
      for (const copy of copies) {
        if (copy !== keeper) {
          article.remove(copy, { reason: this.id, category: this.category, explanation: 'Exact repeat of another block', duplicates: keeper });
        }
      }
    }
  },
};
