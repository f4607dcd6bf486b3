/**
 * A block whose whole text stands inside a longer one: a pull quote lifted from a paragraph (medium-3), a
 * standfirst that is also the first sentence of the lede, a caption that repeats a sentence of the body.
 * The longer, in-body copy stays. Headings, code and tables are structure and are never taken; nor are
 * blocks too short to be more than a phrase the text happens to use.
 */
import { hasRefrain } from '../article.ts';
import type { Rule } from './rule.ts';

// A pull quote or caption is set apart from the text, so a short one is still a copy; a plain paragraph or
// list item must be a sentence's length before its words standing inside another block mean a repeat.
const MIN_WORDS_SET_APART = 6;
const MIN_WORDS = 10;

export const containedBlock: Rule = {
  id: 'contained-block',
  category: 'duplicates',
  apply(article) {
    // On a page that repeats on purpose, a shorter line inside a longer one is a variation, not a copy.
    const onlySetApart = hasRefrain(article);
    for (const block of article.kept()) {
      if (block.removal || block.kind === 'heading' || block.kind === 'code' || block.kind === 'table') continue;
      // One entry of the author's own list ("The assumptions of … are:" then its items, lesswrong in peer-dev)
      // is never a pull quote: a list that restates the story goes whole, by restating-summary.
      if (block.kind === 'list-item') continue;
      const setApart = block.kind === 'quote' || block.kind === 'caption';
      if (onlySetApart && !setApart) continue;
      if (block.words < (setApart ? MIN_WORDS_SET_APART : MIN_WORDS)) continue;
      // Items of one list share their openings ("Portion Fix Containers: 1 Purple" / "…: 1 Purple, 1 Red").
      const container = article.index
        .containing(block.norm)
        .find((c) => !c.removal && c.kind !== 'code' && c.kind !== 'table' && !(block.kind === 'list-item' && c.kind === 'list-item'));
      if (container) {
        const what = block.kind === 'quote' ? 'Pull quote' : block.kind === 'caption' ? 'Caption' : 'Block';
        article.remove(block, { reason: this.id, category: this.category, explanation: `${what} repeating part of a longer block`, duplicates: container });
      }
    }
  },
};
