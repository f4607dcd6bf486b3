/**
 * "Related", "Latest", "Most read", "More Great WIRED Stories" and the link lists under them: the label goes,
 * and so do the link-like blocks that follow it, up to the next heading or paragraph of prose. Link-only
 * blocks before the running text starts or after it ends (breadcrumbs, "more from" cards) go too.
 * A list of in-page links (a table of contents) is navigation the reader wants and stays.
 */
import { type ArticleBlock, isProse, linkDensity, linksStayInPage, runningText } from '../article.ts';
import { isRelatedLabel } from '../phrases.ts';
import type { Rule } from './rule.ts';

const MOSTLY_LINKS = 0.7;

function isLabel(block: ArticleBlock): boolean {
  return block.words <= 6 && block.kind !== 'code' && block.kind !== 'table' && isRelatedLabel(block.text);
}

/** Links that lead to another page, not to a place in this one. */
function outboundLinkDensity(block: ArticleBlock): number {
  return linksStayInPage(block.el) ? 0 : linkDensity(block.el);
}

/** A card or list entry pointing elsewhere: a list item, or a short block that is mostly a link. */
function isLinkEntry(block: ArticleBlock): boolean {
  if (block.kind === 'heading' || block.kind === 'code' || block.kind === 'table' || isProse(block)) return false;
  if (block.kind === 'list-item') return true;
  return block.words <= 30 && outboundLinkDensity(block) >= 0.5;
}

function isLinkCluster(block: ArticleBlock): boolean {
  if (block.kind === 'heading' || block.kind === 'code' || block.kind === 'table') return false;
  return linkDensity(block.el) >= 0.8 && block.el.querySelectorAll('a[href]').length >= 3 && !linksStayInPage(block.el);
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
        article.remove(blocks[j]!, { reason: this.id, category: this.category, explanation: `Link under "${label.text}"` });
        i = j;
      }
    }
    const [first, last] = runningText(article);
    for (const block of article.kept()) {
      // Several links run together in one block: "China furious at Macron [INSIGHT]|Lakers vs Nets [VIDEO]|…"
      if (isLinkCluster(block)) {
        article.remove(block, { reason: this.id, category: this.category, explanation: 'Links to other articles' });
        continue;
      }
      if ((block.index < first || block.index > last) && block.kind !== 'heading' && isLinkEntry(block) && outboundLinkDensity(block) >= MOSTLY_LINKS) {
        article.remove(block, { reason: this.id, category: this.category, explanation: 'Link to another article, outside the story' });
      }
    }
  },
};
