/**
 * Notices the site prints around any article: cookie banners, "This slideshow requires JavaScript",
 * affiliate-link disclosures, shortcodes left unrendered. Readability keeps them when a site renders them inside the article container.
 */
import { containsPhrase } from '../phrases.ts';
import type { Rule } from './rule.ts';
import { inDataStructure } from '../structure.ts';

// A WordPress shortcode the site failed to render: "[button link=…]Send us YOUR kit review[/button]".
const SHORTCODE = /^\[([a-z_-]+)\b[^\]]*\].*\[\/\1\]$/iu;

export const siteNotice: Rule = {
  id: 'site-notice',
  category: 'boilerplate',
  apply(article) {
    for (const block of article.kept()) {
      if (block.kind === 'code') continue;
      const notice = (block.words <= 60 && block.kind !== 'heading' && containsPhrase('siteNotices', block.text)) || SHORTCODE.test(block.text);
      if (notice && !inDataStructure(block.el)) {
        article.remove(block, { reason: this.id, category: this.category, explanation: 'Site notice (cookies, scripts, affiliate links)' });
      }
    }
  },
};
