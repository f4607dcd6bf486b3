/**
 * "Related", "Latest", "Most read", "Read also:" and the link lists under them. The label goes, and so do
 * the link-like blocks that follow it, up to the next heading or the next paragraph of prose.
 * A list of in-page links (a table of contents) is navigation the reader wants and stays.
 */
import { type ArticleBlock, isProse, linkDensity } from '../article.ts';
import { isPhrase } from '../phrases.ts';
import type { Rule } from './rule.ts';

function isLabel(block: ArticleBlock): boolean {
  return block.words <= 6 && block.kind !== 'code' && block.kind !== 'table' && isPhrase('relatedHeadings', block.text);
}

/** A card or list entry pointing elsewhere: a list item, or a short block that is mostly a link. */
function isLinkEntry(block: ArticleBlock): boolean {
  if (block.kind === 'heading' || isProse(block)) return false;
  if (block.kind === 'list-item') return true;
  return block.words <= 30 && linkDensity(block.el) >= 0.5;
}

export const relatedLinks: Rule = {
  id: 'related-links',
  category: 'boilerplate',
  apply(article) {
    const blocks = article.kept();
    for (let i = 0; i < blocks.length; i++) {
      const label = blocks[i]!;
      if (!isLabel(label)) continue;
      article.remove(label, { reason: this.id, category: this.category, explanation: `"${label.text}" label for links to other articles` });
      for (let j = i + 1; j < blocks.length && isLinkEntry(blocks[j]!); j++) {
        article.remove(blocks[j]!, {
          reason: this.id,
          category: this.category,
          explanation: `Link under "${label.text}"`,
        });
        i = j;
      }
    }
  },
};
