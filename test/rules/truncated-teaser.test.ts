/** truncated-teaser: a cut-off copy of another block, or a cut-off blurb restating the article. */
import { truncatedTeaser } from '../../src/core/rules/truncated-teaser.ts';
import { type RuleCase, STORY, story, testRule } from './helpers.ts';

const cases: RuleCase[] = [
  {
    title: 'a card that repeats the lede\'s first words, ending in "…"',
    html: `<p>The harbour council approved the new ferry budget late on Tuesday after a six…</p>${story(0, 3)}`,
    removed: ['The harbour council approved the new ferry budget late on Tuesday after a six…'],
    duplicates: [STORY[0]!],
    why: 'Teaser cards repeat the lede cut at a fixed length; the last word may itself be cut ("six…" for "six-hour").',
  },
  {
    title: 'a teaser ending in three dots below the story',
    html: `${story(0, 3)}<p>Under the plan, the council will buy two electric ferries...</p>`,
    removed: ['Under the plan, the council will buy two electric ferries...'],
    why: 'Scraped pages (the seed page) end with "..." teasers of their own paragraphs.',
  },
  {
    title: 'a cut-off blurb at the head that paraphrases the article (the seed page)',
    html: `<p>Residents of both islands queued for hours as the harbour council voted to buy electric ferries from a shipyard in Gdansk and raise fares to pay for the...</p>${story(0, 5)}`,
    removed: ['Residents of both islands queued for hours as the harbour council voted to buy electric ferries from a shipyard in Gdansk and raise fares to pay for the...'],
    why: 'The seed page opens with a blurb that says the story in other words and ends "Being the largest importer of...".',
  },
  {
    title: 'must not remove: a heading that starts its own section',
    html: `${story(0, 3)}<h2>The first of the new ferries</h2><p>${STORY[4]}</p>`,
    removed: [],
    why: 'A section heading is often the first words of its first paragraph; without an ellipsis it is a heading, not a teaser.',
  },
  {
    title: 'must not remove: a meal-plan line that starts a longer line',
    html: `${story(0, 1)}<p>1 cup blueberries and two rice cakes with honey</p><p>1 cup blueberries and two rice cakes with honey, then a short walk</p>${story(1, 2)}`,
    removed: [],
    why: 'Without an ellipsis a shorter block that starts a longer one is an ordinary pattern (dev-corpus meal plans).',
  },
  {
    title: 'must not remove: a sentence trailing off inside the story',
    html: `${story(0, 2)}<p>The list of complaints went on: the late boats, the cancelled crossings, the fares…</p>${story(2, 4)}`,
    removed: [],
    why: 'Inside the running text an ellipsis is the writer\'s, not a teaser\'s cut.',
  },
  {
    title: 'must not remove: a short cut-off line',
    html: `<p>Under the plan…</p>${story(0, 3)}`,
    removed: [],
    why: 'Under five certain words a cut-off line matches too many blocks by chance.',
  },
  {
    title: 'must not remove: a code block ending in "..."',
    html: `<p>The installer prints its progress and then waits for the download to finish before it goes on.</p><pre><code>The harbour council approved the new ferry budget...</code></pre>${story(0, 2)}`,
    removed: [],
    why: 'Code output ends in "..." all the time; code is content.',
  },
];

testRule(truncatedTeaser, cases);
