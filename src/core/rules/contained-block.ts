/**
 * A block whose whole text stands inside a longer one: a pull quote lifted from a paragraph (medium-3), a
 * standfirst that is also the first sentence of the lede, a caption that repeats a sentence of the body.
 * The longer, in-body copy stays. Headings, code and tables are structure and are never taken; nor are
 * blocks too short to be more than a phrase the text happens to use.
 */
import { BlockIndex } from '../block-index.ts';
import type { Rule } from './rule.ts';

const MIN_WORDS = 6;

export const containedBlock: Rule = {
  id: 'contained-block',
  category: 'duplicates',
  apply(article) {
    const kept = article.kept();
    const index = new BlockIndex(kept);
    for (const block of kept) {
      if (block.removal || block.words < MIN_WORDS || block.kind === 'heading' || block.kind === 'code' || block.kind === 'table') continue;
      const container = index.containing(block.norm).find((c) => !c.removal && c.kind !== 'code' && c.kind !== 'table');
      if (container) {
        const what = block.kind === 'quote' ? 'Pull quote' : block.kind === 'caption' ? 'Caption' : 'Block';
        article.remove(block, { reason: this.id, category: this.category, explanation: `${what} repeating part of a longer block`, duplicates: container });
      }
    }
  },
};
