/** "© 2025 World Daily Wire. All rights reserved." and other footer lines that end up in the body. */
import { containsPhrase } from '../phrases.ts';
import { inContentStructure } from '../structure.ts';
import type { Rule } from './rule.ts';

// "Copyright 2019" or "© Reuters" at the start; a sentence about a copyright lawsuit does not start so.
// "The contents of this site are ©2019 Capitol Hill Publishing Corp."
const COPYRIGHT_YEAR = /(©|\(c\)|copyright)\s*\d{4}/iu;
const LEADING_NOTICE = /^(©|\(c\)\s|copyright\s+(©|\(c\)|\d{4}))/iu;

export const copyrightLine: Rule = {
  id: 'copyright-line',
  category: 'boilerplate',
  apply(article) {
    for (const block of article.kept()) {
      if (block.kind === 'code' || block.kind === 'table' || block.words > 30) continue;
      // A footer line is never a heading nor the page's title: an essay may be called "All Rights Reserved"
      // or "Copyright 1976", and a table or a reference list may cite a notice.
      if (block.kind === 'heading' || block.norm === article.titleNorm || inContentStructure(block.el)) continue;
      const notice = LEADING_NOTICE.test(block.text) || COPYRIGHT_YEAR.test(block.text) || (block.words <= 20 && containsPhrase('copyrightLines', block.text));
      if (notice) {
        article.remove(block, { reason: this.id, category: this.category, explanation: 'Copyright or footer line' });
      }
    }
  },
};
