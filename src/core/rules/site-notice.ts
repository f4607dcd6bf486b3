/** Cookie banners that Readability keeps when a site renders them inside the article container. */
import { containsPhrase } from '../phrases.ts';
import type { Rule } from './rule.ts';

export const cookieNotice: Rule = {
  id: 'cookie-notice',
  category: 'boilerplate',
  apply(article) {
    for (const block of article.kept()) {
      if (block.words <= 60 && block.kind !== 'heading' && containsPhrase('cookieNotices', block.text)) {
        article.remove(block, { reason: this.id, category: this.category, explanation: 'Cookie notice' });
      }
    }
  },
};
