/** page-controls: a shop's, a listing's or a documentation page's controls, set as blocks of their own. */
import { pageControls } from '../../src/core/rules/page-controls.ts';
import { type RuleCase, testRule } from './helpers.ts';

const DOC = '<p>The client retries a failed request three times, waiting twice as long before each new attempt.</p>';
const CARD = '<li><h3><a href="/p/1">Linen shirt</a></h3><p>Light and breathable, cut for warm days.</p><p>€49</p></li>';

const cases: RuleCase[] = [
  {
    title: 'documentation: edit link, feedback question and its answers, the in-page contents label',
    html: `<p>On this page</p><h2>Retries</h2>${DOC}<p>Edit this page</p><p>Was this page helpful?</p><p>Yes</p><p>No</p>`,
    removed: ['On this page', 'Edit this page', 'Was this page helpful?', 'Yes', 'No'],
    pageType: 'docs',
    why: 'Docusaurus, Mintlify and GitBook end every page with these (13 of 91 documentation pages in wcxb-dev ask "Was this page helpful?").',
  },
  {
    title: 'listing: the buttons of every card, sorting and paging',
    html: `<h2>Filter:</h2><p>Remove all</p><h2>Sort by:</h2><ul>${CARD}</ul><p>Add to cart</p><p>Quick view</p><p>Load more</p><p>Next</p>`,
    removed: ['Filter:', 'Remove all', 'Sort by:', 'Add to cart', 'Quick view', 'Load more', 'Next'],
    pageType: 'listing',
    why: 'Shop grids print a buy button and a quick-view link in each card, a sort menu above and paging under (collection and listing pages of wcxb-dev).',
  },
  {
    title: 'must not remove: "Yes" answering a question of the page',
    html: `<h2>Can I wash it?</h2><p>Yes</p>${DOC}`,
    removed: [],
    pageType: 'product',
    why: 'An FAQ may answer in one word: "Yes" goes only right after another control (the feedback question).',
  },
  {
    title: 'must not remove: a sentence that names a control',
    html: `<p>Choose Add to cart, then pay on the next page with any card.</p>${DOC}`,
    removed: [],
    pageType: 'product',
    why: 'Only a block that is the control, word for word, goes; instructions that mention it are content.',
  },
  {
    title: 'must not remove: a heading that names a section',
    html: `<h2>Compare</h2>${DOC}`,
    removed: [],
    pageType: 'sections',
    why: 'A section of a service page may be titled "Compare" or "Filters"; a heading is a control only as a label ending in a colon ("Filter:" over a shop\'s menu, wcxb-dev 0638).',
  },
  {
    title: 'must not remove: the same lines in an article',
    html: `${DOC}<p>Next</p><p>Copy</p>${DOC.replace('three', 'five')}`,
    removed: [],
    why: 'In a story a lone "Next" may be its own line; the rule reads pages read whole, product and documentation pages only.',
  },
];

testRule(pageControls, cases);
