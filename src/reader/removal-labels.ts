/**
 * What the reader is told about a removal, in the reader's language. The engine (src/core) names each removal
 * by its rule's id and explains it in English; the views show the rule's name and the explanation from
 * _locales instead. An explanation that quotes the page ("Link under “Latest”") keeps the quote as it was.
 * Something the tables do not know yet (a new rule) reads as before: the id as words, the English explanation.
 * test/removal-labels.test.ts checks every explanation the engine gives on the repo's fixtures is known here.
 */
import { t } from '../platform/i18n.ts';
import { reasonLabel } from './format.ts';

/** Rule id -> locale key of its name. */
const RULE_KEYS: Record<string, string> = {
  'skip-link': 'ruleSkipLink',
  'advertisement-label': 'ruleAdvertisementLabel',
  'site-notice': 'ruleSiteNotice',
  'share-prompt': 'ruleSharePrompt',
  'copyright-line': 'ruleCopyrightLine',
  'related-links': 'ruleRelatedLinks',
  'read-also-teaser': 'ruleReadAlsoTeaser',
  byline: 'ruleByline',
  'relative-time': 'ruleRelativeTime',
  'link-preview': 'ruleLinkPreview',
  'author-bio': 'ruleAuthorBio',
  'repeated-title': 'ruleRepeatedTitle',
  'exact-duplicate': 'ruleExactDuplicate',
  'truncated-teaser': 'ruleTruncatedTeaser',
  'contained-block': 'ruleContainedBlock',
  'caption-alt': 'ruleCaptionAlt',
  'restating-summary': 'ruleRestatingSummary',
  'site-navigation': 'ruleSiteNavigation',
  'site-header': 'ruleSiteHeader',
  'site-footer': 'ruleSiteFooter',
  'read-before': 'ruleReadBefore',
  'thread-chrome': 'ruleThreadChrome',
  'repeated-section': 'ruleRepeatedSection',
  'beside-content': 'ruleBesideContent',
  'page-controls': 'rulePageControls',
};

/** The engine's fixed explanations (src/core/rules/*, src/core/working-copy/, src/core/pages/leftovers.ts) -> locale key. */
const EXPLANATION_KEYS: Record<string, string> = {
  'Advertisement label': 'whyAdvertisementLabel',
  "Author's bio": 'whyAuthorBio',
  'Byline (kept in the article details)': 'whyByline',
  "Author's name (kept in the article details)": 'whyAuthorName',
  'Date line (kept in the article details)': 'whyDateLine',
  "Caption repeating the image's description": 'whyCaptionAlt',
  'Pull quote repeating part of a longer block': 'whyPullQuote',
  'Caption repeating part of a longer block': 'whyContainedCaption',
  'Block repeating part of a longer block': 'whyContainedBlock',
  'Copyright or footer line': 'whyCopyrightLine',
  'Exact repeat of another block': 'whyExactDuplicate',
  "Preview of a link the post already gives: the linked page's title and description": 'whyLinkPreview',
  'Headline of another article': 'whyOtherHeadline',
  'Links to other articles': 'whyLinkCluster',
  'Link to another article, outside the story': 'whyOutsideLink',
  'Time stamp of a post, counted from when the page was fetched': 'whyRelativeTime',
  'The headline again': 'whyRepeatedTitle',
  'Summary list restating the article': 'whySummaryList',
  'Blurb above the headline restating the article': 'whySummaryBlurb',
  'Share, follow, comment or newsletter prompt': 'whySharePrompt',
  'Site notice (cookies, scripts, affiliate links)': 'whySiteNotice',
  'Skip link from the page navigation': 'whySkipLink',
  'Truncated copy of another block': 'whyTruncatedCopy',
  'Cut-off blurb restating the article': 'whyCutOffBlurb',
  "The site's navigation (menu or tabs) set inside the article, not part of the story.": 'whySiteNavigation',
  "The site's header set inside the article, not part of the story.": 'whySiteHeader',
  "The site's footer set inside the article, not part of the story.": 'whySiteFooter',
  "A thread's control or counter (reply, quote, votes, paging), not a post": 'whyThreadChrome',
  'Part of a run of blocks the page shows twice': 'whyRepeatedSection',
  'A control of the page (buy, filter, sort, paging, edit, rate), not its content': 'whyPageControls',
  'Text beside the posts of this thread, not one of them.': 'whyBesideThread',
  'Text beside the sections of this page, not one of them.': 'whyBesideSections',
  'Text beside the items of this listing, not one of them.': 'whyBesideListing',
  'Text beside the product, not part of its description.': 'whyBesideProduct',
  'Text beside this documentation page, not part of it.': 'whyBesideDocs',
};

/** Explanations that quote the page: the quoted text goes into the localised message as it is. */
const QUOTING: { pattern: RegExp; key: string }[] = [
  { pattern: /^"(.*)" label for links to other articles$/su, key: 'whyLinksLabel' },
  { pattern: /^Link under "(.*)"$/su, key: 'whyLinkUnder' },
  { pattern: /^Pointer to another article \("(.*): …"\)$/su, key: 'whyPointer' },
  { pattern: /^"(.*)": heading of the summary list$/su, key: 'whySummaryHeading' },
];

/** The rule's name for a removal's `reason`: "Truncated teaser", "Abgeschnittener Anriss". */
export function ruleName(reason: string): string {
  const key = RULE_KEYS[reason];
  return key ? t(key) : reasonLabel(reason);
}

/** The locale key and substitution for one of the engine's explanations; null when it is not a known one. */
export function explanationMessage(explanation: string): { key: string; quote?: string } | null {
  const key = EXPLANATION_KEYS[explanation];
  if (key) return { key };
  for (const { pattern, key: quoting } of QUOTING) {
    const found = pattern.exec(explanation);
    if (found) return { key: quoting, quote: found[1] ?? '' };
  }
  return null;
}

/** The explanation in the reader's language; the engine's English when it is not a known one. */
export function explain(explanation: string): string {
  const message = explanationMessage(explanation);
  if (!message) return explanation;
  return message.quote === undefined ? t(message.key) : t(message.key, message.quote);
}

/** Every locale key this module may ask for: the locale test checks each exists. */
export const REMOVAL_LABEL_KEYS: readonly string[] = [...Object.values(RULE_KEYS), ...Object.values(EXPLANATION_KEYS), ...QUOTING.map((q) => q.key)];
