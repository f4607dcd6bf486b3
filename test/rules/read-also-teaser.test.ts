/** read-also-teaser: an in-body pointer to another article ("Read also: …", "[Read: …]", shouted link headlines). */
import { readAlsoTeaser } from '../../src/core/rules/read-also-teaser.ts';
import { type RuleCase, story, testRule } from './helpers.ts';

const cases: RuleCase[] = [
  {
    title: '"[Read: …]" between two paragraphs (washingtonpost)',
    html: `${story(0, 1)}<p>[Read: <a href="/local/ferry-strike">The ferry strike that stranded 3,000 islanders</a>]</p>${story(1, 2)}`,
    removed: ['[Read: The ferry strike that stranded 3,000 islanders]'],
    why: 'wapo-1 in mozilla/readability\'s test pages has "[Read: …]" cards between paragraphs.',
  },
  {
    title: '"Read also: …" with a link',
    html: `${story(0, 1)}<p>Read also: <a href="/outer-island-council">Why the outer island wants its own council</a></p>${story(1, 2)}`,
    removed: ['Read also: Why the outer island wants its own council'],
    why: 'The seed page\'s source and other European English-language sites put "Read also:" pointers inside the story.',
  },
  {
    title: '"READ MORE | …"',
    html: `${story(0, 1)}<p><strong>READ MORE | </strong><a href="/fares">Ferry fares to rise by a fifth in spring</a></p>${story(1, 2)}`,
    removed: ['READ MORE | Ferry fares to rise by a fifth in spring'],
    why: 'South African and Indian sites use "READ MORE |" pointers.',
  },
  {
    title: '"RELATED: …" and "ALSO READ | …"',
    html: `${story(0, 1)}<p>RELATED: <a href="/fares">Ferry fares to rise by a fifth in spring</a></p>${story(1, 2)}<p>ALSO READ | <a href="/strike">The ferry strike that stranded 3,000 islanders</a></p>${story(2, 3)}`,
    removed: ['RELATED: Ferry fares to rise by a fifth in spring', 'ALSO READ | The ferry strike that stranded 3,000 islanders'],
    why: 'US local news sites write "RELATED:" pointers; Indian news sites write "ALSO READ |".',
  },
  {
    title: 'a shouted link headline (foxnews)',
    html: `${story(0, 1)}<p><a href="/entertainment/spicer"><strong>SEAN SPICER ELIMINATED FROM 'DANCING WITH THE STARS'</strong></a></p>${story(1, 2)}`,
    removed: ["SEAN SPICER ELIMINATED FROM 'DANCING WITH THE STARS'"],
    why: 'foxnews.com and express.co.uk put other stories\' headlines, in capitals and linked, between paragraphs.',
  },
  {
    title: 'German: "Lesen Sie auch: …"',
    html: `<p>Der Hafenrat hat am Dienstag den neuen Fährhaushalt beschlossen.</p><p>Lesen Sie auch: <a href="/faehre">Warum die Fähre elfmal ausfiel</a></p><p>Die Fahrpreise steigen im Frühjahr.</p>`,
    removed: ['Lesen Sie auch: Warum die Fähre elfmal ausfiel'],
    why: 'German sites put "Lesen Sie auch:" pointers inside the text.',
  },
  {
    title: 'French: "Lire aussi : …"',
    html: `<p>Le conseil portuaire a adopté mardi le nouveau budget.</p><p>Lire aussi : <a href="/ferry">Pourquoi le ferry est tombé en panne onze fois</a></p><p>Les tarifs augmenteront au printemps.</p>`,
    removed: ['Lire aussi : Pourquoi le ferry est tombé en panne onze fois'],
    why: 'French sites interleave "Lire aussi :" links with the paragraphs.',
  },
  {
    title: 'Spanish: "Lee también: …"',
    html: `<p>El consejo del puerto aprobó el martes el nuevo presupuesto.</p><p>Lee también: <a href="/ferry">Por qué el ferry se averió once veces</a></p><p>Las tarifas subirán en primavera.</p>`,
    removed: ['Lee también: Por qué el ferry se averió once veces'],
    why: 'Spanish-language sites put "Lee también:" pointers between paragraphs.',
  },
  {
    title: 'Russian: "Читайте также: …"',
    html: `<p>Совет порта во вторник утвердил новый бюджет.</p><p>Читайте также: <a href="/ferry">Почему паром ломался одиннадцать раз</a></p><p>Тарифы вырастут весной.</p>`,
    removed: ['Читайте также: Почему паром ломался одиннадцать раз'],
    why: 'Russian sites put "Читайте также:" links inside the text.',
  },
  {
    title: '"[Read: …]" is still this rule\'s in the whole pipeline',
    pipeline: true,
    html: `${story(0, 2)}<p>[Read: <a href="/local/ferry-strike">The ferry strike that stranded 3,000 islanders</a>]</p>${story(2, 4)}`,
    removed: ['[Read: The ferry strike that stranded 3,000 islanders]'],
    why: 'wapo-1: inside the story, related-links (which runs first) leaves a one-link pointer to this rule.',
  },
  {
    title: 'must not remove: "Read also:" alone',
    html: `${story(0, 2)}<p>Read also:</p><ul><li><a href="/a">Ferry fares to rise</a></li></ul>`,
    removed: [],
    why: 'A bare label heads a list: related-links takes it with the list (the seed page\'s "Read also:").',
  },
  {
    title: 'must not remove: a quote that opens with "Listen:"',
    html: `${story(0, 1)}<p>“Listen: we cannot afford another winter without a night ferry,” Lopes said.</p>${story(1, 2)}`,
    removed: [],
    why: 'Quoted speech often opens with "Look:", "Listen:", "Watch:"; a quotation is the story, not a pointer.',
  },
  {
    title: 'must not remove: a sentence with a colon after a longer phrase',
    html: `${story(0, 1)}<p>Read the full council report: it runs to 300 pages and admits the boats will cost a third more.</p>${story(1, 2)}`,
    removed: [],
    why: 'Only a known label before the colon makes a pointer; "Read the full council report" is a sentence.',
  },
  {
    title: 'must not remove: a linked phrase inside a sentence',
    html: `${story(0, 1)}<p>See the <a href="/report.pdf">council report</a> for the figures.</p>${story(1, 2)}`,
    removed: [],
    why: 'A link inside a sentence in ordinary case is a citation, not a shouted headline.',
  },
  {
    title: 'must not remove: a table with a "More:" cell',
    html: `${story(0, 1)}<table><tr><td>More: two electric ferries</td><td>Less: the night service cut</td></tr></table>`,
    removed: [],
    why: 'Tables are data; a "More:" cell in a comparison table is not a pointer.',
  },
];

testRule(readAlsoTeaser, cases);
