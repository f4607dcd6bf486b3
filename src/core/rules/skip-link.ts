/** "Skip to content" and its kin: accessibility links that scrapers copy into the text. */
import { isPhrase } from '../phrases.ts';
import type { Rule } from './rule.ts';

export const skipLink: Rule = {
  id: 'skip-link',
  category: 'boilerplate',
  apply(article) {
    for (const block of article.kept()) {
      if (block.words <= 6 && isPhrase('skipLinks', block.text)) {
        article.remove(block, { reason: this.id, category: this.category, explanation: 'Skip link from the page navigation' });
      }
    }
  },
};
