/** "Skip to content" and its kin: accessibility links that scrapers copy into the text. */
import { linksStayInPage } from '../article.ts';
import { isPhrase } from '../phrases.ts';
import type { Rule } from './rule.ts';

/** "Skip to product information": a link into the page itself that says it skips (a Shopify theme, wcxb-dev 0583). */
const SKIPS = /^(?:skip|jump) to\b/iu;
function skipsWithinPage(el: Element, text: string): boolean {
  return SKIPS.test(text.trim()) && linksStayInPage(el);
}

export const skipLink: Rule = {
  id: 'skip-link',
  category: 'boilerplate',
  apply(article) {
    for (const block of article.kept()) {
      if (block.words <= 6 && (isPhrase('skipLinks', block.text) || skipsWithinPage(block.el, block.text))) {
        article.remove(block, { reason: this.id, category: this.category, explanation: 'Skip link from the page navigation' });
      }
    }
  },
};
