/**
 * Share, follow, comment and newsletter prompts ("Share on X", "Sign up for our newsletter", "Post Comment").
 * A prompt is short, or made of links, or sits outside the running text; a paragraph of the story that
 * happens to mention a newsletter or comments stays.
 */
import { linkDensity, runningText } from '../article.ts';
import { containsPhrase, findPhrase, isPhrase } from '../phrases.ts';
import type { Rule } from './rule.ts';
import { inDataStructure } from '../structure.ts';

const MAX_WORDS = 40;
const SHORT = 8;
const CALL_TO_ACTION_WORDS = 30;

// Quoted speech is the story's, whatever it says: “We invite everyone to join our march,” the union said.
const QUOTED = /[“"«„][^”"»“]*[”"»“]/gu;

export const sharePrompt: Rule = {
  id: 'share-prompt',
  category: 'boilerplate',
  apply(article) {
    const [first, last] = runningText(article);
    for (const block of article.kept()) {
      if (block.kind === 'code' || block.kind === 'table' || block.words > MAX_WORDS || inDataStructure(block.el)) continue;
      // A page without running text (a thread, a pull request) has no outside: its short comments are its text.
      const outside = first >= 0 && (block.index < first || block.index > last);
      // Inside the story, a short heading or list item that starts with "Share" is about shares ("Share prices fall").
      const short = block.words <= SHORT && block.kind !== 'heading' && block.kind !== 'list-item';
      const unquoted = block.text.replace(QUOTED, ' ');
      // Outside the story, one prompt word inside a sentence is the sentence's ("…address the review comments."):
      // a prompt opens with it ("Subscribe…") or says more ("sign up for").
      const found = findPhrase('sharePrompts', unquoted);
      const prompt =
        isPhrase('sharePrompts', block.text) ||
        (block.words <= CALL_TO_ACTION_WORDS && containsPhrase('callsToAction', unquoted)) ||
        (found !== undefined && (short || (outside && (found.words.length > 1 || found.at === 0)) || linkDensity(block.el) >= 0.3));
      if (prompt) {
        article.remove(block, { reason: this.id, category: this.category, explanation: 'Share, follow, comment or newsletter prompt' });
      }
    }
  },
};
