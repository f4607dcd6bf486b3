/**
 * Bylines and datelines that leaked into the body ("By Staff Writer", "Published May 7, 2025"): they move to
 * the metadata when it has none, and leave the text. Only short blocks at the top or the bottom qualify.
 */
import { type ArticleBlock, linkDensity } from '../article.ts';
import { toIsoDate } from '../dates.ts';
import { inContentStructure } from '../structure.ts';
import { isPhrase, leadingPhrase, MONTH_NAMES } from '../phrases.ts';
import { normalize } from '../text.ts';
import type { Rule } from './rule.ts';

const MONTHS = MONTH_NAMES.join('|');
// "May 7", "7 May", "7. Mai", "7 de mayo" (Spanish puts "de" between the day and the month).
const DATE = new RegExp(
  `(\\b\\d{4}-\\d{2}-\\d{2}\\b|\\b\\d{1,2}[./]\\d{1,2}[./]\\d{2,4}\\b|(?<!\\p{L})(${MONTHS})\\.?\\s+\\d{1,2}\\b|\\b\\d{1,2}\\.?\\s+(de\\s+)?(${MONTHS})(?!\\p{L}))`,
  'iu',
);

function looksLikeDate(block: ArticleBlock): boolean {
  // "Published 1 day ago", "Updated at 1:23 p.m.", "Posted: Fri 6:45 PM, Feb 16, 2018 | Updated: …"
  if (block.words <= 16 && leadingPhrase('dateWords', block.text) && /\d/u.test(block.text)) return true;
  // A sentence that mentions a date ends in a full stop after a word, or has a clause of lower-case words ("The
  // court will hear the case on June 3."); "7. Mai 2025.", "May 7, 2025" or "Wed May 7, 2025 at 5:30 pm" do not.
  const sentence = /\p{L}[.!?]["”»]?$/u.test(block.text) || (block.text.match(/(?<!\p{L})\p{Ll}{3,}(?!\p{L})/gu) ?? []).length >= 3;
  if (block.words > 10 || sentence) return false;
  const date = DATE.exec(block.text);
  // Words before the date that are not a weekday or a label ("Stand:") make it something's header: "reviewer-bot Jan 15, 2026" over
  // a comment, "Design 6 min read January 28, 2026" on a card (peer-dev github pull-42, tailwind blog index).
  return date !== null && /^[^\p{L}\d]*(?:\p{L}+\.?,?\s*|\p{L}+\s*:\s*)?$/u.test(block.text.slice(0, date.index));
}

function looksLikeByline(block: ArticleBlock): string | undefined {
  if (block.words > 12 || block.kind === 'heading') return undefined;
  const prefix = leadingPhrase('bylinePrefixes', block.text);
  if (!prefix) return undefined;
  // "By Jane Doe", not "By the time we arrived": the name after the prefix is capitalised. Nor "By Friday, the
  // ferry was running again.": a byline does not end a sentence after a lower-case word.
  const rest = block.text.replace(/^\S+(\s+by)?\s*:?\s*/iu, '');
  if (/\p{Ll}[.!?]["”»]?$/u.test(rest)) return undefined;
  return /^\p{Lu}/u.test(rest) && !isPhrase('relatedHeadings', block.text) ? rest : undefined;
}

/** The byline's name on a line of its own ("Phil Helsel" above his bio), or a lone "By" a page split off. */
function isBylineName(block: ArticleBlock, byline: string | null): boolean {
  if (block.words > 5 || block.kind === 'heading') return false;
  return isPhrase('bylinePrefixes', block.text) || (byline !== null && normalize(byline).includes(block.norm));
}

// A social post's page is titled with its author's name and handle: "Test User (@testuser)" (Substack notes),
// "Alice (@alice@mastodon.example)" (Mastodon), "Name (@handle) on Threads".
const TITLE_AUTHOR = /^([^()@]+?)\s*\(@[^\s()]+\)/u;

/**
 * The author's name as the title gives it, set on its own above the post as the link to the author's profile
 * (the name under the avatar). Only a whole link: "Test User wrote this in May" is prose.
 */
function isTitleAuthorLink(block: ArticleBlock, author: string): boolean {
  if (block.words > 5 || block.kind === 'heading' || block.norm !== normalize(author)) return false;
  // The link may wrap the block (<a><div>Name</div></a>, which Readability makes <a><p>Name</p></a>).
  const around = block.el.parentElement?.closest('a');
  return around ? normalize(around.textContent ?? '') === block.norm : linkDensity(block.el) === 1;
}

export const byline: Rule = {
  id: 'byline',
  category: 'boilerplate',
  apply(article) {
    const kept = article.kept();
    const top = kept.slice(0, 4);
    const edges = [...top, ...kept.slice(Math.max(4, kept.length - 3))];
    // Only the first such name, and only above: further down the same name heads the author's own replies in a
    // thread, and who said what is content.
    let titleAuthor = article.meta.byline === null ? (TITLE_AUTHOR.exec(article.meta.title)?.[1] ?? null) : null;
    let authorLink: string | null = null;
    for (const block of edges) {
      // Quotes carry their own datelines (an embedded tweet's "— Name (@handle) October 9, 2018").
      if (block.kind === 'code' || block.kind === 'table' || block.kind === 'quote' || block.text.startsWith('(')) continue;
      // Infobox values, table cells and reference entries hold names and dates of other things ("Founded").
      if (inContentStructure(block.el)) continue;
      const name = looksLikeByline(block);
      if (isBylineName(block, article.meta.byline)) {
        article.remove(block, { reason: this.id, category: this.category, explanation: 'Byline (kept in the article details)' });
      } else if (titleAuthor !== null && top.includes(block) && isTitleAuthorLink(block, titleAuthor)) {
        authorLink = block.text;
        titleAuthor = null;
        article.remove(block, { reason: this.id, category: this.category, explanation: 'Author\'s name (kept in the article details)' });
      } else if (name) {
        article.meta.byline ??= name.split(/\s*[|•·]\s*/u)[0] ?? name;
        article.remove(block, { reason: this.id, category: this.category, explanation: 'Byline (kept in the article details)' });
      } else if (looksLikeDate(block)) {
        article.meta.publishedTime ??= toIsoDate(block.text);
        article.remove(block, { reason: this.id, category: this.category, explanation: 'Date line (kept in the article details)' });
      }
    }
    // Set last: the lines at the bottom that match the byline are taken as its repeat, and at the bottom of a
    // thread this name heads the author's own replies.
    article.meta.byline ??= authorLink;
  },
};
