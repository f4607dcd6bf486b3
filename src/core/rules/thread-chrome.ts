/**
 * A thread's controls and counters, set as lines of their own between posts: "Click to expand..." under each
 * quote (XenForo), "Reply", "Quote", "Report", vote and point counts, a member's "Messages" and "Joined",
 * "Sort by", the page numbers. Only on a thread: in an article, a lone number or "Next" may be its own.
 */
import { isPhrase, leadingPhrase } from '../phrases.ts';
import { inDataStructure } from '../structure.ts';
import type { Rule } from './rule.ts';

const MAX_WORDS = 6;
// A counter: "1", "4,726", "#12", "2.3k", "+5", or a count with its noun ("12 points", "3 replies").
const COUNTER = /^[#+-]?\d[\d.,\s]*[kKmM]?(?:\s+(?:points?|likes?|replies|reply|votes?|comments?|reactions?|views?|answers?|upvotes?))?$/u;
// "Edited April 18, 2024 by thanosmano", "Last edited by chunix64 (2025-11-01 15:15:18)".
const EDITED = /^(?:last\s+)?edited\b/iu;
const MAX_EDITED_WORDS = 12;

export const threadChrome: Rule = {
  id: 'thread-chrome',
  category: 'boilerplate',
  apply(article) {
    if (article.pageType !== 'thread') return;
    for (const block of article.kept()) {
      if (block.kind === 'code' || block.kind === 'table' || inDataStructure(block.el)) continue;
      const chrome =
        (block.words <= MAX_WORDS && (isPhrase('threadChrome', block.text) || COUNTER.test(block.text.trim()) || leadingPhrase('threadChrome', block.text) === 'reactions')) ||
        (block.words <= MAX_EDITED_WORDS && EDITED.test(block.text.trim()));
      if (chrome) {
        article.remove(block, { reason: this.id, category: this.category, explanation: "A thread's control or counter (reply, quote, votes, paging), not a post" });
      }
    }
  },
};
