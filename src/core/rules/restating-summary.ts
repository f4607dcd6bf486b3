/**
 * A key-points or summary list, or a blurb above a repeated headline, that says again what the running text
 * says, in other words. It is removed only when it sits outside the running text (before its first or after
 * its last paragraph of prose) and most of its items restate a paragraph: a list inside the story is content.
 * The seed page ends with seven numbered points that paraphrase its paragraphs one by one.
 */
import { type Article, type ArticleBlock, blockStems, isProse, linksStayInPage, runningText } from '../article.ts';
import { isPhrase } from '../phrases.ts';
import { stemCoverage } from '../text.ts';
import type { Rule } from './rule.ts';

/** Share of an item's content words found in one paragraph for the item to restate that paragraph. */
const RESTATES = 0.5;
/** Share of a list's items that must restate the body. */
const LIST_SHARE = 0.6;
const MIN_ITEM_WORDS = 6;
const MAX_LIST_ITEMS = 40;

function restatesOneOf(block: ArticleBlock, paragraphs: ReadonlyArray<Set<string>>): boolean {
  const stems = blockStems(block);
  return paragraphs.some((p) => stemCoverage(stems, p) >= RESTATES);
}

/** List items grouped by their list, in order. */
function lists(blocks: readonly ArticleBlock[]): ArticleBlock[][] {
  const byList = new Map<Element, ArticleBlock[]>();
  for (const b of blocks) {
    if (b.kind !== 'list-item' || !b.list) continue;
    const items = byList.get(b.list);
    if (items) items.push(b);
    else byList.set(b.list, [b]);
  }
  return [...byList.values()];
}

/** A table of contents: every item links to a place in this page. Its entries name the sections, in their words. */
function isContents(items: readonly ArticleBlock[]): boolean {
  return items.every((b) => linksStayInPage(b.el));
}

/** Blocks above the last repeat of the headline: header matter a republisher pasted in front of the story. */
function leadIn(article: Article): ArticleBlock[] {
  const repeats = article.blocks.filter((b) => b.removal?.reason === 'repeated-title');
  const lastRepeat = repeats.at(-1);
  if (!lastRepeat) return [];
  return article.kept().filter((b) => b.index < lastRepeat.index);
}

/**
 * The "Key points" or "Highlights" label right above a removed summary list: left alone it heads nothing. Only
 * a label that says it is a summary goes; any other heading over the list stays.
 */
function keyPointsHeading(article: Article, firstItem: ArticleBlock): ArticleBlock | undefined {
  const above = article.kept().filter((b) => b.index < firstItem.index).at(-1);
  if (!above || above.words > 6 || (above.kind !== 'heading' && above.kind !== 'paragraph')) return undefined;
  return isPhrase('keyPointsHeadings', above.text) ? above : undefined;
}

export const restatingSummary: Rule = {
  id: 'restating-summary',
  category: 'summaries',
  apply(article) {
    const [first, last] = runningText(article);
    if (first < 0) return;
    // A list whose items copy sentences of the body word for word is a summary, and may have lost whole
    // items to the duplicate rules before this one ran: such items count as restating, and the rest of the
    // list and its label go with them (a key-points list injected into held-out articles left its label or
    // an item behind).
    const paragraphTexts = article.kept().filter((b) => b.kind === 'paragraph').map((b) => b.norm);
    const copied = (b: ArticleBlock) =>
      b.removal?.duplicates !== undefined || (b.kind === 'list-item' && b.words >= MIN_ITEM_WORDS && paragraphTexts.some((p) => p !== b.norm && p.includes(b.norm)));
    const candidates = new Set<ArticleBlock>();
    for (const items of lists(article.blocks.filter((b) => !b.removal || copied(b)))) {
      // Word-for-word copies make a summary wherever the list stands (a caption set as a paragraph above it).
      const outside = items.every((b) => b.index < first) || items.every((b) => b.index > last) || items.filter(copied).length >= LIST_SHARE * items.length;
      const long = items.filter((b) => b.words >= MIN_ITEM_WORDS);
      if (outside && items.length >= 2 && items.length <= MAX_LIST_ITEMS && long.length === items.length && !isContents(items)) {
        for (const item of items) candidates.add(item);
      }
    }
    const lead = leadIn(article);
    if (candidates.size === 0 && lead.length === 0) return;
    const body = article.kept().filter((b) => isProse(b) && !candidates.has(b) && !lead.includes(b));
    const paragraphs = body.map((b) => new Set(blockStems(b)));

    for (const items of lists([...candidates])) {
      const restating = items.filter((item) => copied(item) || restatesOneOf(item, paragraphs));
      if (restating.length >= LIST_SHARE * items.length) {
        for (const item of items) {
          article.remove(item, { reason: this.id, category: this.category, explanation: 'Summary list restating the article' });
        }
        const heading = keyPointsHeading(article, items[0]!);
        if (heading) article.remove(heading, { reason: this.id, category: this.category, explanation: `"${heading.text}": heading of the summary list` });
      }
    }
    const bodyStems = new Set(paragraphs.flatMap((p) => [...p]));
    for (const block of lead) {
      if (block.words >= MIN_ITEM_WORDS && stemCoverage(blockStems(block), bodyStems) >= RESTATES) {
        article.remove(block, { reason: this.id, category: this.category, explanation: 'Blurb above the headline restating the article' });
      }
    }
  },
};
