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
import { pageControls } from './page-controls.ts';
import { readAlsoTeaser } from './read-also-teaser.ts';
import { relatedLinks } from './related-links.ts';
import { relativeTime } from './relative-time.ts';
import { repeatedSection } from './repeated-section.ts';
import { repeatedTitle } from './repeated-title.ts';
import { restatingSummary } from './restating-summary.ts';
import type { Rule } from './rule.ts';
import { sharePrompt } from './share-prompt.ts';
import { skipLink } from './skip-link.ts';
import { threadChrome } from './thread-chrome.ts';
import { truncatedTeaser } from './truncated-teaser.ts';

export const RULES: readonly Rule[] = [
  skipLink,
  threadChrome,
  pageControls,
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
  repeatedSection,
  exactDuplicate,
  truncatedTeaser,
  containedBlock,
  captionAlt,
  restatingSummary,
];

/**
 * The kinds of removal that compare the blocks of one story with each other. A thread is many posts: a reply
 * quotes the post it answers, two posts may say the same, and none restates another; there they do not run.
 */
const WITHIN_ONE_STORY: readonly RemovalCategory[] = ['duplicates', 'teasers', 'summaries'];

/**
 * The rules that take links to other pages and their blurbs for cruft around a story. A listing is made of
 * them: every card is a title linking elsewhere and a cut-off summary.
 */
const LINKS_ELSEWHERE: ReadonlySet<Rule> = new Set([relatedLinks, readAlsoTeaser, truncatedTeaser, linkPreview]);

function appliesTo(rule: Rule, article: Article): boolean {
  if (article.pageType === 'thread') return !WITHIN_ONE_STORY.includes(rule.category);
  if (article.pageType === 'listing') return !LINKS_ELSEWHERE.has(rule);
  return true;
}

export function applyRules(article: Article, keep: readonly RemovalCategory[] = []): void {
  for (const rule of RULES) {
    if (!keep.includes(rule.category) && appliesTo(rule, article)) rule.apply(article);
  }
}
