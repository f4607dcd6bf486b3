/**
 * Step 11, once the article is split into blocks: the blocks of the chrome Readability kept (09-restore,
 * 10-story-navigation) are recorded as removed boilerplate, with the reason the copy left them out.
 */
import type { Article } from '../article.ts';
import type { RemovalCategory } from '../types.ts';
import type { LeftOutReason } from './furniture.ts';
import type { Restored } from './left-out.ts';

const EXPLANATIONS: Record<LeftOutReason, string> = {
  'site-navigation': "The site's navigation (menu or tabs) set inside the article, not part of the story.",
  'site-header': "The site's header set inside the article, not part of the story.",
  'site-footer': "The site's footer set inside the article, not part of the story.",
};

/**
 * Records the blocks of what restoreLeftOut put back as removed, with the reason the copy left them out
 * (boilerplate, so a reader who keeps boilerplate sees them in place). Returns the restored elements to take
 * out of the article once their blocks are gone: an icon or an empty list of theirs must not stay.
 */
export function recordLeftOut(article: Article, restored: readonly Restored[], keep: readonly RemovalCategory[] = []): Element[] {
  const category: RemovalCategory = 'boilerplate';
  if (restored.length === 0 || keep.includes(category)) return [];
  const blockEls = new Set(article.blocks.map((b) => b.el));
  const whole = restored.filter((r) => {
    // Put back inside a block (a <nav> in a line Readability made a paragraph of), it is part of that block's
    // text now, as on the page: it stays with the block.
    for (let up = r.el.parentElement; up && up !== article.root; up = up.parentElement) if (blockEls.has(up)) return false;
    return true;
  });
  for (const block of article.blocks) {
    const from = whole.find((r) => r.el.contains(block.el));
    if (from) article.remove(block, { reason: from.reason, category, explanation: EXPLANATIONS[from.reason] });
  }
  return whole.map((r) => r.el);
}
