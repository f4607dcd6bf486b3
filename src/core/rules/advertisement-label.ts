/** "Advertisement", "Anzeige", "Story continues below advertisement": labels left where an ad was. */
import { isPhrase } from '../phrases.ts';
import type { Rule } from './rule.ts';
import { inDataStructure } from '../structure.ts';

export const advertisementLabel: Rule = {
  id: 'advertisement-label',
  category: 'boilerplate',
  apply(article) {
    for (const block of article.kept()) {
      if (block.words <= 8 && isPhrase('adLabels', block.text) && !inDataStructure(block.el)) {
        article.remove(block, { reason: this.id, category: this.category, explanation: 'Advertisement label' });
      }
    }
  },
};
