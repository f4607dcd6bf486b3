/** A caption that only repeats its image's alt text: the reader would read the same words twice. */
import type { Rule } from './rule.ts';
import { normalize } from '../text.ts';

export const captionAlt: Rule = {
  id: 'caption-alt',
  category: 'duplicates',
  apply(article) {
    for (const block of article.kept()) {
      if (block.kind !== 'caption' || block.norm === '') continue;
      const figure = block.el.closest('figure') ?? block.el.parentElement;
      const alts = [...(figure?.querySelectorAll('img[alt]') ?? [])].map((img) => normalize(img.getAttribute('alt') ?? ''));
      if (alts.includes(block.norm)) {
        article.remove(block, { reason: this.id, category: this.category, explanation: "Caption repeating the image's description" });
      }
    }
  },
};
