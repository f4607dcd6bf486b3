/**
 * Whether a page is an article worth opening reader mode for by itself: not a site's home page, and enough
 * running text among the blocks ReadOnce kept. The measure is Readability's own isProbablyReaderable (the test
 * Firefox uses to offer its reader view): each paragraph of 140 characters or more adds the square root of its
 * length beyond 140, and more than 20 in all is an article. Here it counts the cleaned paragraphs, so a home
 * page's teasers, cut and removed as teasers and link lists, do not add up to an article. Pure.
 */
import type { CleanResult } from '../core/types.ts';

/** Readability's isProbablyReaderable defaults. */
export const MIN_PARAGRAPH_LENGTH = 140;
export const MIN_SCORE = 20;

/** "/", "/index.html", "/home": a site's front page, left as it is even when it holds a long text. */
export function isHomePage(url: string): boolean {
  try {
    return /^\/(index\.(html?|php|aspx?)|home|default\.aspx?)?$/iu.test(new URL(url).pathname);
  } catch {
    return false;
  }
}

export function readerScore(result: Pick<CleanResult, 'blocks'>): number {
  let score = 0;
  for (const block of result.blocks) {
    if (block.kind !== 'paragraph') continue;
    const length = block.text.trim().length;
    if (length >= MIN_PARAGRAPH_LENGTH) score += Math.sqrt(length - MIN_PARAGRAPH_LENGTH);
  }
  return score;
}

export function looksLikeArticle(url: string, result: Pick<CleanResult, 'blocks'>): boolean {
  return !isHomePage(url) && readerScore(result) > MIN_SCORE;
}
