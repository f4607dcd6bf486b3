/**
 * Every cleaning rule, in the order they run. Furniture goes first, so that a "Latest" list is not mistaken
 * for a restatement; then repeats of the headline and of blocks; teasers; last the restating summaries, which
 * need to know where the running text is.
 */
import type { Article } from '../article.ts';
import type { RemovalCategory } from '../types.ts';
import { advertisementLabel } from './advertisement-label.ts';
import { authorBio } from './author-bio.ts';
import { byline } from './byline.ts';
import { captionAlt } from './caption-alt.ts';
import { containedBlock } from './contained-block.ts';
import { siteNotice } from './site-notice.ts';
import { copyrightLine } from './copyright-line.ts';
import { exactDuplicate } from './exact-duplicate.ts';
import { linkPreview } from './link-preview.ts';
import { readAlsoTeaser } from './read-also-teaser.ts';
import { relatedLinks } from './related-links.ts';
import { relativeTime } from './relative-time.ts';
import { repeatedTitle } from './repeated-title.ts';
import { restatingSummary } from './restating-summary.ts';
import type { Rule } from './rule.ts';
import { sharePrompt } from './share-prompt.ts';
import { skipLink } from './skip-link.ts';
import { truncatedTeaser } from './truncated-teaser.ts';

export const RULES: readonly Rule[] = [
  skipLink,
  advertisementLabel,
  siteNotice,
  sharePrompt,
  copyrightLine,
  relatedLinks,
  readAlsoTeaser,
  byline,
  relativeTime,
  linkPreview,
  authorBio,
  repeatedTitle,
  exactDuplicate,
  truncatedTeaser,
  containedBlock,
  captionAlt,
  restatingSummary,
];

export function applyRules(article: Article, keep: readonly RemovalCategory[] = []): void {
  for (const rule of RULES) {
    if (!keep.includes(rule.category)) rule.apply(article);
  }
}
