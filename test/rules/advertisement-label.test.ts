/** advertisement-label: the labels a page leaves where an ad slot was, once the ad itself is gone. */
import { advertisementLabel } from '../../src/core/rules/advertisement-label.ts';
import { type RuleCase, story, testRule } from './helpers.ts';

const cases: RuleCase[] = [
  {
    title: '"Advertisement" between two paragraphs',
    html: `${story(0, 1)}<div class="ad-slot"><p>Advertisement</p></div>${story(1, 2)}`,
    removed: ['Advertisement'],
    why: 'nytimes.com prints "Advertisement" above every in-story ad slot; Readability keeps the label once the ad iframe is pruned.',
  },
  {
    title: '"ADVERTISEMENT" in capitals',
    html: `${story(0, 1)}<p>ADVERTISEMENT</p>${story(1, 2)}`,
    removed: ['ADVERTISEMENT'],
    why: 'Sites that set the label in capitals (their CSS lower-casing lost in the copy); matching is on lower-cased words.',
  },
  {
    title: '"Story continues below advertisement"',
    html: `${story(0, 1)}<div><span>Story continues below advertisement</span></div>${story(1, 2)}`,
    removed: ['Story continues below advertisement'],
    why: 'globalnews.ca prints it in the body where an ad was.',
  },
  {
    title: '"Continue reading the main story"',
    html: `${story(0, 1)}<p>Continue reading the main story</p>${story(1, 2)}`,
    removed: ['Continue reading the main story'],
    why: 'Older nytimes.com pages put this line after each inline ad.',
  },
  {
    title: '"Advertisement - Continue Reading Below" (Hearst magazines)',
    html: `${story(0, 1)}<p>Advertisement - Continue Reading Below</p>${story(1, 2)}`,
    removed: ['Advertisement - Continue Reading Below'],
    why: 'esquire.com, cosmopolitan.com and other Hearst magazine sites print this one line wherever an ad slot sits.',
  },
  {
    title: '"Article continues below this ad" (Hearst newspapers)',
    html: `${story(0, 1)}<p>Article continues below this ad</p>${story(1, 2)}`,
    removed: ['Article continues below this ad'],
    why: 'sfchronicle.com and houstonchronicle.com interrupt stories with this line.',
  },
  {
    title: 'German: "Anzeige"',
    html: `<p>Der Hafenrat hat am Dienstag den neuen Fährhaushalt beschlossen.</p><p>Anzeige</p><p>Die Fahrpreise steigen im Frühjahr um ein Fünftel.</p>`,
    removed: ['Anzeige'],
    why: 'German sites (spiegel.de, faz.net) label ad slots "Anzeige", as German law requires.',
  },
  {
    title: 'French: "La suite après la publicité"',
    html: `<p>Le conseil portuaire a adopté mardi le nouveau budget des ferries.</p><p>La suite après la publicité</p><p>Les tarifs augmenteront au printemps.</p>`,
    removed: ['La suite après la publicité'],
    why: 'French magazines interrupt the text with "La suite après la publicité".',
  },
  {
    title: 'Spanish: "Publicidad"',
    html: `<p>El consejo del puerto aprobó el martes el nuevo presupuesto.</p><p>Publicidad</p><p>Las tarifas subirán en primavera.</p>`,
    removed: ['Publicidad'],
    why: 'Spanish-language sites mark ad slots "Publicidad".',
  },
  {
    title: 'Russian: "Реклама"',
    html: `<p>Совет порта во вторник утвердил новый бюджет.</p><p>Реклама</p><p>Тарифы вырастут весной.</p>`,
    removed: ['Реклама'],
    why: 'Russian sites mark ad slots "Реклама", as Russian advertising law requires.',
  },
  {
    title: 'must not remove: a sentence about an advertisement',
    html: `${story(0, 1)}<p>The advertisement ran in three island newspapers in May.</p>`,
    removed: [],
    why: 'A story about a campaign mentions "advertisement"; only the bare label is furniture.',
  },
  {
    title: 'must not remove: "Sponsored" inside a longer line',
    html: `${story(0, 1)}<p>Sponsored by the council, the study counted 3,000 daily crossings.</p>`,
    removed: [],
    why: 'The phrase must be the whole block: a sentence starting "Sponsored by…" is text.',
  },
  {
    title: 'must not remove: a heading that starts a section on advertising',
    html: `${story(0, 1)}<h2>Advertising</h2><p>Revenue from advertising fell by a fifth in the quarter, as the ferry company cut its spending on posters and radio spots across the islands.</p>`,
    removed: [],
    why: 'Media-business and earnings stories head a section "Advertising"; a section heading is not a label left by an ad slot.',
    todo: 'advertisement-label takes any block that is exactly a label word, headings included; an ad label set as a heading looks the same',
  },
  {
    title: 'must not remove: a table listing ad revenue',
    html: `<table><tr><th>Advertising</th></tr><tr><td>Ads</td></tr></table>`,
    removed: [],
    why: 'Tables are the article\'s data; a one-column table headed "Advertising" is not an ad label even if its text is short.',
  },
];

testRule(advertisementLabel, cases);
