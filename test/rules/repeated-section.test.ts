/** repeated-section: a run of blocks the page prints twice (one copy per screen size, cloned slides). */
import { repeatedSection } from '../../src/core/rules/repeated-section.ts';
import { type RuleCase, testRule } from './helpers.ts';

const PANEL = [
  "Men's Tree Runners",
  'Lightweight and breathable sneakers made with eucalyptus fibre, for warm days and long walks.',
  'Machine washable, with laces made from recycled plastic bottles.',
];
const panel = PANEL.map((text, i) => (i === 0 ? `<h2>${text}</h2>` : `<p>${text}</p>`)).join('');
const BODY = '<p>The upper is knit from eucalyptus tree fibre, which keeps feet cool and dry through the summer.</p>';

const cases: RuleCase[] = [
  {
    title: 'the product panel printed for desktop and again for phones',
    html: `${panel}${BODY}${panel}`,
    removed: PANEL,
    duplicates: PANEL,
    pageType: 'product',
    why: 'allbirds.com (wcxb-dev 0580) serves the panel twice and hides one copy per screen size with its style sheet, which a reader copy has not.',
  },
  {
    title: 'cloned carousel slides',
    html: `<p>What customers say</p><p>"Comfortable from the first day, and still in one piece after a year of daily wear."</p><p>"I bought a second pair in another colour a month later."</p><p>"Light enough to pack for every trip I take."</p><p>"Comfortable from the first day, and still in one piece after a year of daily wear."</p><p>"I bought a second pair in another colour a month later."</p><p>"Light enough to pack for every trip I take."</p>`,
    removed: [
      '"Comfortable from the first day, and still in one piece after a year of daily wear."',
      '"I bought a second pair in another colour a month later."',
      '"Light enough to pack for every trip I take."',
    ],
    pageType: 'sections',
    why: 'Slider scripts clone the slides so that the loop never shows a gap; without scripts the clones read as a second copy.',
  },
  {
    title: 'must not remove: two lines repeated',
    html: `<p>Step one</p><p>Open the lid and take out the filter before you rinse it under warm water.</p>${BODY}<p>Step one</p><p>Open the lid and take out the filter before you rinse it under warm water.</p>`,
    removed: [],
    pageType: 'sections',
    why: 'A run of two may be a refrain or a step recalled on purpose; single repeats and pairs are for exact-duplicate to judge.',
  },
  {
    title: 'must not remove: a run of short labels',
    html: '<p>Size</p><p>Colour</p><p>Fit</p><p>Price</p>' + BODY + '<p>Size</p><p>Colour</p><p>Fit</p><p>Price</p>',
    removed: [],
    pageType: 'product',
    why: 'A spec table set as lines repeats its labels per variant (product pages in wcxb-dev); fewer than ten words is not a section.',
  },
  {
    title: 'must not remove: code shown twice',
    html: '<pre><code>npm install readonce</code></pre><pre><code>readonce page.html --format markdown</code></pre><pre><code>readonce batch in.jsonl --jobs 4</code></pre>' + BODY + '<pre><code>npm install readonce</code></pre><pre><code>readonce page.html --format markdown</code></pre><pre><code>readonce batch in.jsonl --jobs 4</code></pre>',
    removed: [],
    pageType: 'product',
    why: 'Documentation repeats a sample on purpose (once to read, once in the full listing).',
  },
  {
    title: 'must not remove: steps an article sets under each of its parts',
    html: `<h2>Plan A</h2>${panel}${BODY}<h2>Plan B</h2>${panel}`,
    removed: [],
    why: 'A meal plan names the same supplements under plan A and plan B (test/fixtures/pages/meal-plan-refrain): in an article a repeated run is content.',
  },
];

testRule(repeatedSection, cases);
