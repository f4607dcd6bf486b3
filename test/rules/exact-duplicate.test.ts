/** exact-duplicate: a block that says exactly what another says; repeats made on purpose stay. */
import { exactDuplicate } from '../../src/core/rules/exact-duplicate.ts';
import { type RuleCase, STORY, story, testRule } from './helpers.ts';

const QUESTION = 'What is the one book you would give to every new councillor on the islands?';
const MEAL = 'Breakfast: overnight oats with blueberries, a spoon of peanut butter and black coffee';

const cases: RuleCase[] = [
  {
    title: 'a caption printed twice (yahoo-2)',
    html: `<figure><img src="q.jpg" alt=""><figcaption>Residents queue to speak at the council meeting on Tuesday</figcaption></figure><div class="caption">Residents queue to speak at the council meeting on Tuesday</div>${story(0, 2)}`,
    removed: ['Residents queue to speak at the council meeting on Tuesday'],
    why: 'yahoo-2 in mozilla/readability\'s test pages prints a caption twice.',
  },
  {
    title: 'a photo credit printed twice (nytimes-5)',
    html: `${story(0, 1)}<figure><img src="a.jpg" alt=""><figcaption><span class="credit">Credit: Jane Doe for The Island Times</span></figcaption></figure><p class="credit">Credit: Jane Doe for The Island Times</p>${story(1, 2)}`,
    removed: ['Credit: Jane Doe for The Island Times'],
    why: 'nytimes-5 in mozilla/readability\'s test pages prints a photo credit twice.',
  },
  {
    title: 'a paragraph a scraper pasted again',
    html: `${story(0, 3)}<p>${STORY[1]}</p>${story(3, 5)}`,
    removed: [STORY[1]!],
    duplicates: [STORY[1]!],
    why: 'Scraped republications (content farms copying wire copy) paste a paragraph twice; the first copy stays.',
  },
  {
    title: 'a quote block that repeats a paragraph keeps the paragraph',
    html: `<blockquote>${STORY[2]}</blockquote>${story(0, 5)}`,
    removed: [STORY[2]!],
    duplicates: [STORY[2]!],
    why: 'A highlighted copy above the story (a "pull quote" of a whole paragraph): prose outranks the quote, even when it comes later.',
  },
  {
    title: 'must not remove: the headline printed twice is the repeated-title rule\'s (whole pipeline)',
    pipeline: true,
    html: `<p><strong>Harbour council approves new ferry budget after a long night</strong></p><h1>Harbour council approves new ferry budget after a long night</h1>${story(0, 3)}`,
    removed: [],
    why: 'The seed page prints its headline twice; repeated-title runs first and says why better ("The headline again").',
  },
  {
    title: 'must not remove: a code block repeated on purpose',
    html: `<p>Install the package first, then run the same command again after every update of the lock file.</p><pre><code>npm install readonce --save-dev --foreground-scripts --no-audit</code></pre><p>Later, after editing package.json, run it once more.</p><pre><code>npm install readonce --save-dev --foreground-scripts --no-audit</code></pre>`,
    removed: [],
    why: 'Tutorials repeat a command where the reader needs it; code is never a duplicate.',
  },
  {
    title: 'must not remove: a table repeated on purpose',
    html: `${story(0, 1)}<table><tr><th>Route</th><th>Old fare</th><th>New fare</th></tr><tr><td>Outer island to harbour town</td><td>3 euros</td><td>4 euros</td></tr></table>${story(1, 2)}<table><tr><th>Route</th><th>Old fare</th><th>New fare</th></tr><tr><td>Outer island to harbour town</td><td>3 euros</td><td>4 euros</td></tr></table>`,
    removed: [],
    why: 'Explainers repeat a fare table next to each section that discusses it; tables are data.',
  },
  {
    title: 'must not remove: the same interview question put to each guest',
    html: `<h2>Maria Lopes</h2><p>${QUESTION}</p><p>A history of the ferry service, because every argument we have today was already had in 1962, word for word.</p><h2>Tom Berg</h2><p>${QUESTION}</p><p>The shipyard contract. All three hundred pages of it, and I would ask them to read the appendix first.</p><h2>Ana Silva</h2><p>${QUESTION}</p><p>A novel, any novel, set on an island in winter, so that they understand what the night ferry means to us.</p>`,
    removed: [],
    why: 'Q&A round-ups ("We asked five councillors…") repeat the question for each guest: a refrain of three or more copies.',
  },
  {
    title: 'must not remove: a repeated meal-plan line',
    html: `<h2>Monday</h2><p>${MEAL}</p><p>Lunch: lentil soup with a slice of rye bread and a green salad on the side</p><h2>Tuesday</h2><p>${MEAL}</p><p>Lunch: grilled fish with potatoes and a cucumber salad dressed with lemon juice</p><h2>Wednesday</h2><p>${MEAL}</p>`,
    removed: [],
    why: 'Meal plans repeat the same breakfast day after day (two meal-plan pages in the dev corpus); a refrain marks the page.',
  },
  {
    title: 'must not remove: a twice-repeated line on a page with a refrain',
    html: `<p>${QUESTION}</p><p>Note: answers have been edited for length and clarity by our editors.</p><p>${QUESTION}</p><p>Note: answers have been edited for length and clarity by our editors.</p><p>${QUESTION}</p>`,
    removed: [],
    why: 'On a page built from a pattern, two copies of a block are part of the pattern too.',
  },
  {
    title: 'must not remove: a short label repeated',
    html: `<p>Meal 1</p><p>${STORY[0]}</p><p>Meal 1</p><p>${STORY[1]}</p>`,
    removed: [],
    why: '"Meal 1", "Photo", "and here:": a few words recur in any text; only a sentence repeated is a duplicate.',
  },
];

testRule(exactDuplicate, cases);
