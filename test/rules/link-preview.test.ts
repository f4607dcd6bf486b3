/** link-preview: a link's preview card (site, title, description) under a post that already gives the link. */
import { linkPreview } from '../../src/core/rules/link-preview.ts';
import { type RuleCase, story, testRule } from './helpers.ts';

/** Mastodon's status card as Readability returns it (peer-dev defuddle comments--mastodon.social-@user-12345678). */
const CARD =
  `<p><a href="https://example.com/related" rel="noopener noreferrer">` +
  `<p><img src="https://cdn.mastodon.example/cards/related-preview.png" alt=""></p>` +
  `<p><span><span lang="en">example.com</span></span>\n<strong title="Related Project" lang="en">Related Project</strong>\n` +
  `<span>A similar project with different goals</span></p></a></p>`;
const CARD_TEXT = 'example.com Related Project A similar project with different goals';
const AUTHOR = `<p><a href="https://mastodon.example/@dave">Dave @dave@mastodon.example</a></p>`;

const cases: RuleCase[] = [
  {
    title: 'a Mastodon card under the reply that links the same page',
    html: `${AUTHOR}<div><p><a href="https://mastodon.example/@alice">@alice</a> Related project here <a href="https://example.com/related"><span>https://</span><span>example.com/related</span></a></p></div>${CARD}`,
    removed: [CARD_TEXT],
    duplicates: ['@alice Related project here https://example.com/related'],
    why: 'Mastodon draws a card from the first link of a post: the site, the linked page\'s title and description, under the post that keeps the link.',
  },
  {
    title: 'a card for a subdomain, the post linking the address with a trailing slash',
    html: `${story(0, 2)}<p>Our notes from the trial are up: <a href="https://blog.example.org/ferry-trial/">blog.example.org/ferry-trial</a></p><p><a href="https://blog.example.org/ferry-trial"><span>example.org</span>\n<b>The ferry trial</b>\n<span>What we learned in six weeks of night crossings</span></a></p>`,
    removed: ['example.org The ferry trial What we learned in six weeks of night crossings'],
    duplicates: ['Our notes from the trial are up: blog.example.org/ferry-trial'],
    why: 'Cards name the site by its registered domain; the link in the post may differ by a trailing slash.',
  },
  {
    title: 'must not remove: a card that is the reply\'s only link (peer-dev defuddle comments--mastodon)',
    html: `${AUTHOR}<div><p><a href="https://mastodon.example/@alice">@alice</a> Related project here</p></div>${CARD}`,
    removed: [],
    why: 'Without the card, "Related project here" points nowhere: the card is the only way to what the reply shares.',
  },
  {
    title: 'must not remove: a linked paragraph that starts with a domain in its own words, or names another site',
    html:
      `<p>See <a href="https://example.com/related">example.com/related</a></p>` +
      `<p><a href="https://example.com/related">example.com is where the related project lives now</a></p>` +
      `<p><a href="https://example.com/related"><span>other.org</span> <b>Related Project</b> <span>A similar project</span></a></p>${story(0, 2)}`,
    removed: [],
    why: 'Only the site\'s name set apart in the link, and matching where it leads, makes a card; a sentence that is a link is the post\'s own words.',
  },
  {
    title: 'must not remove: a link in prose to the same page',
    html: `<p><a href="https://example.com/related">Related Project</a> is <a href="https://example.com/related"><span>example.com</span> a similar project</a>, and we tried it last week with the whole crew.</p>${story(0, 2)}`,
    removed: [],
    why: 'A link inside a sentence is prose, whatever its text looks like.',
  },
];

testRule(linkPreview, cases);
