/**
 * What Readability picked on a page that is read whole by its kind, and that the reading does not hold: it is
 * recorded, not lost (every text Readability keeps ends in the blocks or among the removals). Its blocks go
 * at the end of the reading's root, where the engine records them as removed, with the reason below.
 */
import type { Article } from '../article.ts';
import { splitBlocks } from '../blocks.ts';
import { normalize, wordCount } from '../text.ts';
import type { PageType } from '../types.ts';
import type { PageReading } from './index.ts';

const BESIDE_CONTENT = 'beside-content';
const FEW_WORDS = 4;

const BESIDE_EXPLANATIONS: Record<Exclude<PageType, 'article'>, string> = {
  thread: 'Text beside the posts of this thread, not one of them.',
  sections: 'Text beside the sections of this page, not one of them.',
  listing: 'Text beside the items of this listing, not one of them.',
  product: 'Text beside the product, not part of its description.',
  docs: 'Text beside this documentation page, not part of it.',
};

/**
 * Moves the blocks of Readability's article whose text the reading's root does not hold into a container at
 * the end of that root, and returns it (null when the reading holds all of it).
 */
export function appendLeftovers(root: Element, picked: Element | null): Element | null {
  if (!picked) return null;
  const held = normalize(root.textContent ?? '');
  const blocks = new Set(splitBlocks(root).map((b) => normalize(b.el.textContent ?? '')));
  const missing = splitBlocks(picked).filter((b) => {
    const text = normalize(b.el.textContent ?? '');
    // A few words stand anywhere ("1" in "$19.99"): they are held only as a block of the root.
    return text !== '' && !blocks.has(text) && (wordCount(text) < FEW_WORDS || !held.includes(text));
  });
  if (missing.length === 0) return null;
  const box = root.ownerDocument.createElement('div');
  for (const block of missing) box.appendChild(root.ownerDocument.importNode(block.el, true));
  return root.appendChild(box);
}

/** The blocks of Readability's pick that the reading does not hold (appendLeftovers): recorded as removed. */
export function recordLeftovers(article: Article, reading: PageReading): void {
  const { leftovers } = reading;
  if (!leftovers) return;
  const explanation = BESIDE_EXPLANATIONS[reading.type];
  for (const block of article.blocks) {
    if (leftovers.contains(block.el)) article.remove(block, { reason: BESIDE_CONTENT, category: 'boilerplate', explanation });
  }
}
