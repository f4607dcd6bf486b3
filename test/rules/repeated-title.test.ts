/** repeated-title: the headline printed again at the top of the body. */
import { repeatedTitle } from '../../src/core/rules/repeated-title.ts';
import { DEFAULT_TITLE, type RuleCase, story, testRule } from './helpers.ts';

const cases: RuleCase[] = [
  {
    title: 'the headline as an <h1> in the body',
    html: `<h1>${DEFAULT_TITLE}</h1>${story(0, 2)}`,
    removed: [DEFAULT_TITLE],
    why: 'Readability keeps the article\'s own <h1> on many templates; the reader already sees the title above.',
  },
  {
    title: 'the headline repeated as a bold paragraph',
    html: `<p><strong>${DEFAULT_TITLE}</strong></p>${story(0, 2)}`,
    removed: [DEFAULT_TITLE],
    why: 'Scraped republications (the seed page) print the headline again as a bold line before the story.',
  },
  {
    title: 'the headline twice, with different punctuation',
    html: `<h2>${DEFAULT_TITLE}.</h2><p>${DEFAULT_TITLE.toUpperCase()}</p>${story(0, 2)}`,
    removed: [`${DEFAULT_TITLE}.`, DEFAULT_TITLE.toUpperCase()],
    why: 'The seed page carries its headline two or three times; case and punctuation do not make a copy new.',
  },
  {
    title: 'a kicker in front: "EXCLUSIVE: …"',
    html: `<h1>EXCLUSIVE: ${DEFAULT_TITLE}</h1>${story(0, 2)}`,
    removed: [`EXCLUSIVE: ${DEFAULT_TITLE}`],
    why: 'Tabloids prefix the on-page headline with a kicker that the <title> lacks.',
  },
  {
    title: 'the site name after the headline',
    html: `<p>${DEFAULT_TITLE} | The Island Times</p>${story(0, 2)}`,
    removed: [`${DEFAULT_TITLE} | The Island Times`],
    why: 'Some templates print the document title, site name included, as the first line of the body.',
  },
  {
    title: 'a heading that is the headline cut short',
    pageTitle: 'Harbour council approves new ferry budget after a long night - The Island Times',
    html: `<h1>Harbour council approves new ferry budget after a long night</h1>${story(0, 2)}`,
    removed: ['Harbour council approves new ferry budget after a long night'],
    why: 'When Readability falls back to <title>, the page\'s title carries the site name and the <h1> is its prefix.',
  },
  {
    title: 'must not remove: a lede that starts with the headline\'s words',
    html: `<p>${DEFAULT_TITLE} of protests by residents from both islands, who said fares would rise by a fifth.</p>${story(1, 3)}`,
    removed: [],
    why: 'A lede may begin with the headline\'s words and go on; more than four extra words make it a sentence, not a copy.',
  },
  {
    title: 'must not remove: a heading that starts its own section with the headline\'s first words',
    html: `${story(0, 1)}<h2>Harbour council</h2>${story(1, 3)}`,
    removed: [],
    why: 'A section heading shares the headline\'s first words; under 60 % of the headline it is its own heading.',
  },
  {
    title: 'must not remove: the headline far down the page',
    html: `${story(0, 5)}${story(0, 5)}${story(0, 3)}<h2>${DEFAULT_TITLE}</h2>`,
    removed: [],
    why: 'Only the first twelve blocks are the top of the body; further down, the words are a related-story card for other rules.',
  },
  {
    title: 'must not remove: a one-word headline',
    pageTitle: 'Ferries',
    html: `<h2>Ferries</h2>${story(0, 2)}`,
    removed: [],
    why: 'A one-word title ("Ferries", a section front) says too little to call a heading its copy.',
  },
  {
    title: 'must not remove: the headline inside a code block',
    pageTitle: 'print hello world',
    html: `<pre><code>print hello world</code></pre><p>The first program most people write in any language prints a greeting, and this tutorial is no exception to that old habit.</p>`,
    removed: [],
    why: 'A programming tutorial titled after its first snippet: code is never a repeated title.',
  },
  {
    title: 'must not remove: an infobox value that contains the title (peer-dev readability/wikipedia-2)',
    pageTitle: 'New Zealand',
    html: `<table class="infobox geography"><tbody><tr><td><p>Anthems:</p><div class="plainlist"><ul><li>"God Defend New Zealand"</li><li>"God Save the Queen"</li></ul></div></td></tr></tbody></table>${story(0, 3)}`,
    removed: [],
    why: 'An anthem named after the country is a fact in its infobox, not the headline printed again.',
  },
];

testRule(repeatedTitle, cases);
