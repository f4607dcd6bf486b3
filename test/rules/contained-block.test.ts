/** contained-block: a block whose whole text stands inside a longer one (pull quotes, standfirsts, captions). */
import { containedBlock } from '../../src/core/rules/contained-block.ts';
import { type RuleCase, STORY, story, testRule } from './helpers.ts';

const cases: RuleCase[] = [
  {
    title: 'a pull quote lifted from a paragraph (medium-3)',
    html: `${story(0, 2)}<blockquote>the fare rise was the only way to pay for the new boats</blockquote>${story(2, 4)}`,
    removed: ['the fare rise was the only way to pay for the new boats'],
    duplicates: [STORY[2]!],
    why: 'medium-3 in mozilla/readability\'s test pages sets a sentence of the text again as a large pull quote.',
  },
  {
    title: 'a standfirst that is the first sentence of the lede',
    html: `<p class="standfirst">The harbour council approved the new ferry budget late on Tuesday</p>${story(0, 3)}`,
    removed: ['The harbour council approved the new ferry budget late on Tuesday'],
    duplicates: [STORY[0]!],
    why: 'Agency copy on portals puts the lede\'s first sentence above it as a standfirst.',
  },
  {
    title: 'a caption that repeats a sentence of the body',
    html: `${story(0, 1)}<figure><img src="ferry.jpg" alt=""><figcaption>the council will buy two electric ferries from a shipyard in Gdansk</figcaption></figure>${story(1, 3)}`,
    removed: ['the council will buy two electric ferries from a shipyard in Gdansk'],
    why: 'Photo desks caption with a line of the story; the reader meets it twice.',
  },
  {
    title: 'must not remove: a heading whose words the text uses',
    html: `${story(0, 2)}<h2>the only way to pay for the new boats</h2>${story(2, 4)}`,
    removed: [],
    why: 'A heading that starts its own section often echoes the section\'s words; headings are structure.',
  },
  {
    title: 'must not remove: a short phrase the text happens to use',
    html: `${story(0, 2)}<blockquote>the outer island</blockquote>${story(2, 4)}`,
    removed: [],
    why: 'Under six words, a block is a phrase, not a copy (a one-line quote, a place name in a caption).',
  },
  {
    title: 'must not remove: a paragraph that a code block or a table contains',
    html: `<p>npm install readonce --save-dev</p><pre><code>cd my-project\nnpm install readonce --save-dev\nnpx readonce page.html</code></pre><p>Fares from the outer island to harbour town</p><table><tr><td>Fares from the outer island to harbour town rise from 3 to 4 euros</td></tr></table>`,
    removed: [],
    why: 'Code and tables hold their own data; a paragraph that quotes a line of them is the explanation, not a copy.',
  },
  {
    title: 'must not remove: a meal-plan item that starts a longer item',
    html: `<h2>Day 1</h2><ul><li>overnight oats with blueberries and a spoon of peanut butter and honey</li><li>overnight oats with blueberries and a spoon of peanut butter and honey, then a walk</li></ul>`,
    removed: [],
    why: 'Items of one list share their openings in meal plans and checklists (dev-corpus meal-plan pages); each item is its own line.',
  },
  {
    title: 'must not remove: an entry of the author\'s list that a later paragraph quotes',
    html: `<p>The assumptions of the supervised learning paradigm are:</p><ul><li>The model is optimized to answer questions correctly</li><li>Tasks are closed-ended, defined by question and correct answer pairs</li></ul>${story(0, 2)}<p>Both break down once tasks are closed-ended, defined by question and correct answer pairs that nobody wrote down.</p>`,
    removed: [],
    why: 'An essay lists its premises, then argues with one in its own words (lesswrong in peer-dev); taking the item breaks the list. A list that restates the story goes whole, by restating-summary.',
  },
];

testRule(containedBlock, cases);
