/**
 * Share, follow and newsletter prompts ("Share on X", "Sign up for our newsletter"). A prompt is short; a long
 * paragraph that merely mentions a newsletter is article text and stays.
 */
import { linkDensity } from '../article.ts';
import { containsPhrase, isPhrase } from '../phrases.ts';
import type { Rule } from './rule.ts';

export const sharePrompt: Rule = {
  id: 'share-prompt',
  category: 'boilerplate',
  apply(article) {
    for (const block of article.kept()) {
      if (block.kind === 'code' || block.kind === 'table' || block.words > 25) continue;
      const prompt =
        isPhrase('sharePrompts', block.text) ||
        (containsPhrase('sharePrompts', block.text) && (block.words <= 8 || linkDensity(block.el) >= 0.3));
      if (prompt) {
        article.remove(block, { reason: this.id, category: this.category, explanation: 'Share, follow or newsletter prompt' });
      }
    }
  },
};
