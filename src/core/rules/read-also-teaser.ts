/**
 * An in-body pointer to another article: "Read also: …", "[Read: …]", "READ MORE | …". Seen on washingtonpost
 * (wapo-1 in mozilla/readability's test pages), where "[Read: …]" sits between two paragraphs.
 */
import { isPhrase } from '../phrases.ts';
import type { Rule } from './rule.ts';

// A label then a separator: "Read also:", "[Read:", "READ MORE |", "Lesen Sie auch —".
const LABEL = /^[[(]?\s*([^:|—–\n]{1,40}?)\s*[:|—–]/u;

export const readAlsoTeaser: Rule = {
  id: 'read-also-teaser',
  category: 'teasers',
  apply(article) {
    for (const block of article.kept()) {
      if (block.kind === 'code' || block.kind === 'table' || block.words > 30) continue;
      const label = LABEL.exec(block.text)?.[1];
      // "Read also:" alone is a label for what follows: the related-links rule takes it with its list.
      if (label && isPhrase('readAlsoPrefixes', label) && block.words > label.split(/\s+/u).length) {
        article.remove(block, { reason: this.id, category: this.category, explanation: `Pointer to another article ("${label}: …")` });
      }
    }
  },
};
