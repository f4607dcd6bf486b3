/** skip-link: the accessibility links at the very top of a page that scrapers and Readability carry along. */
import { skipLink } from '../../src/core/rules/skip-link.ts';
import { type RuleCase, story, testRule } from './helpers.ts';

const cases: RuleCase[] = [
  {
    title: '"Skip to main content" link above the story',
    html: `<p><a href="#main">Skip to main content</a></p>${story(0, 2)}`,
    removed: ['Skip to main content'],
    why: 'Most WordPress and news themes start the body with it; the seed page.txt opens with "Skip to content".',
  },
  {
    title: '"Skip to content" as loose text before the headline',
    html: `Skip to content<h1>Harbour council approves new ferry budget</h1>${story(0, 1)}`,
    removed: ['Skip to content'],
    why: 'The seed page (a scraped republication) has "Skip to content" as a bare line, which splitBlocks wraps in a <p>.',
  },
  {
    title: '"Jump to content" (Wikipedia and MediaWiki sites)',
    html: `<div><a href="#bodyContent">Jump to content</a></div>${story(0, 1)}`,
    removed: ['Jump to content'],
    why: 'MediaWiki prints "Jump to content"; wiki-based news sites keep it in the content div.',
  },
  {
    title: 'German: "Zum Inhalt springen"',
    html: `<p><a href="#inhalt">Zum Inhalt springen</a></p><p>Der Hafenrat hat am Dienstag nach einer langen Sitzung den neuen Fährhaushalt beschlossen.</p>`,
    removed: ['Zum Inhalt springen'],
    why: 'German WordPress themes translate "Skip to content" as "Zum Inhalt springen".',
  },
  {
    title: 'French: "Aller au contenu principal"',
    html: `<p><a href="#main">Aller au contenu principal</a></p><p>Le conseil portuaire a adopté mardi le nouveau budget des ferries.</p>`,
    removed: ['Aller au contenu principal'],
    why: 'French news sites label their skip link "Aller au contenu principal".',
  },
  {
    title: 'Spanish: "Saltar al contenido"',
    html: `<p><a href="#content">Saltar al contenido</a></p><p>El consejo del puerto aprobó el martes el nuevo presupuesto de los transbordadores.</p>`,
    removed: ['Saltar al contenido'],
    why: 'Spanish WordPress themes print "Saltar al contenido" as the first link.',
  },
  {
    title: 'Russian: "Перейти к содержимому"',
    html: `<p><a href="#content">Перейти к содержимому</a></p><p>Совет порта во вторник утвердил новый бюджет паромной переправы.</p>`,
    removed: ['Перейти к содержимому'],
    why: 'Russian WordPress themes translate the skip link as "Перейти к содержимому".',
  },
  {
    title: 'a link into the page that says it skips: "Skip to product information"',
    html: `<p><a href="#ProductInfo-main">Skip to product information</a></p>${story(0, 2)}`,
    removed: ['Skip to product information'],
    why: 'Shop themes add skip links of their own wording (deathwishcoffee.com, wcxb-dev 0583); a "Skip to" link into the page itself is one, whatever it skips to.',
  },
  {
    title: 'must not remove: "Skip to" linking to another page',
    html: `<p><a href="/chapter-9">Skip to chapter nine</a></p>${story(0, 2)}`,
    removed: [],
    why: 'A link to another page is navigation the reader may want (a serial\'s "Skip to chapter nine"), not a skip link.',
  },
  {
    title: 'must not remove: a sentence that starts with "Skip to"',
    html: `${story(0, 1)}<p>Skip to the last page of the report and the council admits the new boats will cost a third more than planned.</p>`,
    removed: [],
    why: 'The phrase must be the whole block: a story sentence beginning "Skip to the last page…" is text (seen in opinion columns).',
  },
  {
    title: 'must not remove: skip-link markup shown in a code block',
    html: `<p>Put the skip link first in the page:</p><pre><code>&lt;a class="skip-link" href="#main"&gt;Skip to main content&lt;/a&gt;</code></pre>`,
    removed: [],
    why: 'Accessibility tutorials show the skip link as code; the code is the content of the article.',
  },
  {
    title: 'must not remove: a heading about skip links',
    html: `<h2>Skip to content links</h2><p>A skip link lets a keyboard user jump past the navigation straight to the article, and it should be the first focusable element on the page.</p>`,
    removed: [],
    why: 'A section heading of an accessibility article names the feature; only the link itself is furniture.',
  },
];

testRule(skipLink, cases);
