/**
 * The controls of a shop, a listing or a documentation page, set as blocks of their own: "Add to cart",
 * "Quick view", "Sort by", "Load more", the filters, paging, "Edit this page", "Was this page helpful?" and
 * the "Yes" / "No" under it, "On this page", "Copy". Only on the pages read whole and on product and documentation
 * pages: in a story a lone "Next" or "Yes" may be the story's own.
 */
import { isPhrase } from '../phrases.ts';
import { inDataStructure } from '../structure.ts';
import { normalize } from '../text.ts';
import type { PageType } from '../types.ts';
import type { Rule } from './rule.ts';

const PAGES: ReadonlySet<PageType> = new Set(['sections', 'listing', 'product', 'docs']);
const MAX_WORDS = 8;
/** A heading is a control only as the label of one ("Filter:", "Sort by:" over a shop's menus). */
const LABEL = /:\s*$/u;
/** The answers to "Was this page helpful?": a control only right after another one, else an FAQ's answer. */
const ANSWERS = new Set(['yes', 'no', 'ja', 'nein', 'oui', 'non', 'sí', 'да', 'нет']);

export const pageControls: Rule = {
  id: 'page-controls',
  category: 'boilerplate',
  apply(article) {
    if (!PAGES.has(article.pageType)) return;
    let afterControl = false;
    for (const block of article.kept()) {
      const control: boolean =
        block.kind !== 'code' && block.kind !== 'table' && (block.kind !== 'heading' || LABEL.test(block.text)) && block.words <= MAX_WORDS && !inDataStructure(block.el) &&
        (isPhrase('pageControls', block.text) || (afterControl && ANSWERS.has(normalize(block.text))));
      if (control) {
        article.remove(block, { reason: this.id, category: this.category, explanation: 'A control of the page (buy, filter, sort, paging, edit, rate), not its content' });
      }
      afterControl = control;
    }
  },
};
