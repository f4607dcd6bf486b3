/**
 * A post's relative time stamp on a line of its own: "5m", "2h", "3 hours ago", "vor 5 Minuten", set as the
 * link to the post (its permalink) or marked up as a <time>. Threads (Mastodon, Bluesky, forums, Hacker News)
 * put one over every reply. It tells how long ago the post was written as of when the page was fetched, so it
 * is wrong as soon as the page is read later, and the link leads to the post the reader is already reading.
 *
 * Only the whole block, and only a relative time: "5m ago I saw the ferry" is a reply, a date ("Apr 20, 12:05")
 * or a clock time over a live blog's entry is kept, and a time inside a sentence is prose.
 */
import type { ArticleBlock } from '../article.ts';
import { squash } from '../text.ts';
import { inContentStructure } from '../structure.ts';
import type { Rule } from './rule.ts';

// "il y a 2 heures" is the longest form; the word count only spares the pattern long blocks.
const MAX_WORDS = 5;

// Compact forms as social sites print them ("5m", "2h", "3d", "1w", "2mo", "1y", "30s"), read in lower case only:
// "5M" is a count.
const COMPACT = /^\d{1,3}\s?(?:s|m|h|d|w|mo|y|sec|secs|min|mins|hr|hrs|wk|wks|yr|yrs)$/u;
// "N units ago" in the five languages of the phrase lists (src/core/phrases/), and the relative words that
// need no number.
const WORDED = new RegExp(
  `^(?:${[
    '(?:\\d{1,3}|an?|one)\\s+(?:second|minute|hour|day|week|month|year)s?\\s+ago',
    'vor\\s+(?:\\d{1,3}|einer?|einem)\\s+(?:Sekunden?|Minuten?|Stunden?|Tag(?:en)?|Wochen?|Monat(?:en)?|Jahr(?:en)?)',
    'il\\s+y\\s+a\\s+(?:\\d{1,3}|une?)\\s+(?:secondes?|minutes?|min|heures?|h|jours?|semaines?|mois|ans?)',
    'hace\\s+(?:\\d{1,3}|una?)\\s+(?:segundos?|minutos?|min|horas?|h|d[ií]as?|semanas?|mes(?:es)?|años?)',
    '\\d{1,3}\\s+(?:секунд[уы]?|минут[уы]?|мин|час(?:а|ов)?|ч|дн(?:я|ей)|день|недел[юиь]|месяц(?:а|ев)?|год(?:а)?|лет)\\s+назад',
    "just now|a moment ago|gerade eben|à l'instant|hace un momento|только что",
  ].join('|')})$`,
  'iu',
);

const isRelativeTime = (text: string) => COMPACT.test(text) || WORDED.test(text);

/**
 * The block's whole text is one link to another page, or one <time> element. The link may wrap the block
 * (Bluesky's <a><div>5m</div></a>, which Readability makes <a><p>5m</p></a>).
 */
function isStampElement(block: ArticleBlock): boolean {
  const el = block.el;
  const around = el.parentElement?.closest('a');
  const links = el.localName === 'a' ? [el] : around ? [around] : [...el.getElementsByTagName('a')];
  const times = el.localName === 'time' ? [el] : [...el.getElementsByTagName('time')];
  const whole = (e: Element) => squash(e.textContent ?? '') === block.text;
  if (links.length === 1 && whole(links[0]!)) {
    const href = links[0]!.getAttribute('href') ?? '';
    return href !== '' && !href.startsWith('#');
  }
  return links.length === 0 && times.length === 1 && whole(times[0]!);
}

export const relativeTime: Rule = {
  id: 'relative-time',
  category: 'boilerplate',
  apply(article) {
    for (const block of article.kept()) {
      if (block.kind !== 'paragraph' || block.words > MAX_WORDS || !isRelativeTime(block.text)) continue;
      if (!isStampElement(block) || inContentStructure(block.el)) continue;
      article.remove(block, {
        reason: this.id,
        category: this.category,
        explanation: 'Time stamp of a post, counted from when the page was fetched',
      });
    }
  },
};
