/** restating-summary: a key-points list or blurb outside the story that says the story again in other words. */
import { restatingSummary } from '../../src/core/rules/restating-summary.ts';
import { DEFAULT_TITLE, type RuleCase, STORY, story, testRule } from './helpers.ts';

const KEY_POINTS = [
  'The council approved the ferry budget on Tuesday after residents of both islands spoke against the fare rises.',
  'The council will buy two electric ferries from a Gdansk shipyard and retire its oldest boat.',
  'Opponents will ask the regional court to review the vote over the unpublished shipyard contract.',
];
const points = (tag: 'ul' | 'ol') => `<${tag}>${KEY_POINTS.map((p) => `<li>${p}</li>`).join('')}</${tag}>`;

/** Sentences copied word for word from the story: a whole paragraph, and the first clause of two others. */
const COPIED = [STORY[0]!, 'Under the plan, the council will buy two electric ferries from a shipyard in Gdansk', 'Opponents said they would ask the regional court to review the vote'];

const cases: RuleCase[] = [
  {
    title: 'a key-points list above the story',
    html: `<h2>Key points</h2>${points('ul')}${story(0, 5)}`,
    removed: ['Key points', ...KEY_POINTS],
    why: 'News sites and AI-rewritten republications put a bulleted "Key points" summary before the story; the heading goes with its list, or it would head nothing (issue 9).',
  },
  {
    title: 'a list of sentences copied from the story, under a caption set as a paragraph',
    pipeline: true,
    html: `<p>The mayor and the shipyard's director sign the contract for the two new ferries in the town hall on Wednesday morning.</p><h2>Key points</h2><ul>${COPIED.map((c) => `<li>${c}</li>`).join('')}</ul>${story(0, 5)}`,
    removed: ['Key points', COPIED[1]!, COPIED[2]!],
    why: 'Key-points lists injected into held-out articles left their label or an item behind (issue 17): an item that is a whole paragraph goes to exact-duplicate first, and a caption above the list made it look inside the story. Word-for-word copies make a summary wherever the list stands.',
  },
  {
    title: 'numbered points after the story (the seed page)',
    html: `${story(0, 5)}${points('ol')}`,
    removed: KEY_POINTS,
    why: 'The seed page ends with seven numbered points, each a paraphrase of one paragraph.',
  },
  {
    title: 'a blurb above the repeated headline',
    pipeline: true,
    html: `<p>Islanders lose fight over ferry fares as the council votes to buy electric ferries from Gdansk.</p><h1>${DEFAULT_TITLE}</h1>${story(0, 5)}`,
    removed: ['Islanders lose fight over ferry fares as the council votes to buy electric ferries from Gdansk.'],
    why: 'Republishers paste the source\'s standfirst above its headline (the seed page); it is found above the last repeated-title removal.',
  },
  {
    title: 'must not remove: a list inside the running text that paraphrases it',
    html: `${story(0, 2)}${points('ul')}${story(2, 5)}`,
    removed: [],
    why: 'A list between paragraphs is the writer\'s own content, even when it sums up what came before.',
  },
  {
    title: 'must not remove: a list after the story that says something new',
    html: `${story(0, 5)}<ul><li>Written objections can be sent to the town clerk until the end of the month.</li><li>The public gallery opens half an hour before each meeting and seats forty people.</li><li>Meetings are streamed on the municipal website and archived for a year.</li></ul>`,
    removed: [],
    why: 'A "How to take part" box after a local story adds facts the story does not have; it is not a restatement.',
  },
  {
    title: 'must not remove: a list of short items after the story',
    html: `${story(0, 5)}<ul><li>Two electric ferries</li><li>One boat retired</li><li>Fares up a fifth</li></ul>`,
    removed: [],
    why: 'Items under six words (fact boxes, ingredient lists) are too short to say whether they restate a paragraph.',
  },
  {
    title: 'must not remove: a table of contents of in-page anchors',
    html: `<ul><li><a href="#vote">How the council voted on the budget</a></li><li><a href="#boats">The electric ferries from the Gdansk shipyard</a></li><li><a href="#court">Why opponents will go to the regional court</a></li></ul>${story(0, 5)}`,
    removed: [],
    why: 'A contents list names the sections the reader can jump to; its links go to this page, so it is navigation, not a summary.',
  },
  {
    title: 'must not remove: a page without running text',
    html: `${points('ul')}<p>Photo: Jane Doe</p>`,
    removed: [],
    why: 'With no paragraph of prose there is nothing for a list to restate (a link page, a gallery).',
  },
  {
    title: 'German: "Das Wichtigste in Kürze" goes with its list',
    html: `<p><strong>Das Wichtigste in Kürze</strong></p>${points('ul')}${story(0, 5)}`,
    removed: ['Das Wichtigste in Kürze', ...KEY_POINTS],
    why: 'German sites head the summary "Das Wichtigste in Kürze", often as a bold line rather than a heading.',
  },
  {
    title: 'must not remove: a "Highlights" heading over a list that says something new',
    html: `${story(0, 5)}<h2>Highlights</h2><ul><li>A ferry museum opens in the old terminal building next summer, with free entry for islanders.</li><li>The night bus to the outer island will run every hour from September, the transport office said.</li></ul>`,
    removed: [],
    why: 'The heading goes only with a list that restates the story; a list of new facts keeps its heading and its items.',
  },
];

testRule(restatingSummary, cases);
