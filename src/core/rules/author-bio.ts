/**
 * The author's bio under the article: "Phil Helsel is a reporter for NBC News.", "Dallas Robinson is a
 * freelance writer living in Minneapolis". A name, then "is"/"was"/"writes", then a job, in the last blocks.
 */
import { containsPhrase } from '../phrases.ts';
import type { Rule } from './rule.ts';
import { inDataStructure } from '../structure.ts';

const TAIL = 4;
const MAX_WORDS = 80;
// Two to four capitalised words, then a verb that introduces who they are. (Not \b after the verb: it is
// ASCII-only, and "является" never matched.)
const NAME_THEN_VERB = /^(\p{Lu}[\p{L}'’.-]*\s+){1,3}\p{Lu}[\p{L}'’.-]*\s+(is|was|writes|covers|has been|ist|est|es|является)(?!\p{L})/u;

export const authorBio: Rule = {
  id: 'author-bio',
  category: 'boilerplate',
  apply(article) {
    for (const block of article.kept().slice(-TAIL)) {
      if (block.words <= MAX_WORDS && block.kind !== 'heading' && NAME_THEN_VERB.test(block.text) && containsPhrase('authorRoles', block.text) && !inDataStructure(block.el)) {
        article.remove(block, { reason: this.id, category: this.category, explanation: "Author's bio" });
      }
    }
  },
};
