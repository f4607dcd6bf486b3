/**
 * An in-body pointer to another article: "Read also: …", "[Read: …]", "READ MORE | …". Seen on washingtonpost
 * (wapo-1 in mozilla/readability's test pages), where "[Read: …]" sits between two paragraphs.
 */
import { type ArticleBlock, linkDensity } from '../article.ts';
import { isPhrase } from '../phrases.ts';
import type { Rule } from './rule.ts';
import { inDataStructure } from '../structure.ts';

// A label then a separator: "Read also:", "[Read:", "READ MORE |", "Lesen Sie auch —". Not inside quotation
// marks: quoted speech opens with "Listen:", "Look:", "Watch —" too.
const LABEL = /^[[(]?\s*([^:|—–\n"“”„«»]{1,40}?)\s*[:|—–]/u;

/**
 * A paragraph that is nothing but a link set in capitals: how foxnews and express put other stories' headlines
 * between paragraphs ("SEAN SPICER ELIMINATED FROM 'DANCING WITH THE STARS'").
 */
function isShoutedLink(block: ArticleBlock): boolean {
  if (block.kind !== 'paragraph' || block.words < 3 || linkDensity(block.el) < 0.9) return false;
  const letters = block.text.replace(/[^\p{L}]/gu, '');
  return letters.length > 0 && letters === letters.toUpperCase() && letters !== letters.toLowerCase();
}

export const readAlsoTeaser: Rule = {
  id: 'read-also-teaser',
  category: 'teasers',
  apply(article) {
    for (const block of article.kept()) {
      if (block.kind === 'code' || block.kind === 'table' || block.words > 30 || inDataStructure(block.el)) continue;
      if (isShoutedLink(block)) {
        article.remove(block, { reason: this.id, category: this.category, explanation: 'Headline of another article' });
        continue;
      }
      const label = LABEL.exec(block.text)?.[1];
      // "Read also:" alone is a label for what follows: the related-links rule takes it with its list.
      if (label && isPhrase('readAlsoPrefixes', label) && block.words > label.split(/\s+/u).length) {
        article.remove(block, { reason: this.id, category: this.category, explanation: `Pointer to another article ("${label}: …")` });
      }
    }
  },
};
