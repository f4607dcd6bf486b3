/** related-links: "Related", "Most read", "More Great WIRED Stories" and their link lists; link-only blocks outside the story. */
import { relatedLinks } from '../../src/core/rules/related-links.ts';
import { type RuleCase, story, testRule } from './helpers.ts';

const LINKS = `<ul><li><a href="/fares">Ferry fares to rise by a fifth in spring</a></li><li><a href="/strike">The ferry strike that stranded 3,000 islanders</a></li></ul>`;

const cases: RuleCase[] = [
  {
    title: '"Related" heading and its list of links',
    html: `${story(0, 3)}<h3>Related</h3>${LINKS}`,
    removed: ['Related', 'Ferry fares to rise by a fifth in spring', 'The ferry strike that stranded 3,000 islanders'],
    why: 'Nearly every news template closes with a "Related" box that Readability keeps when it sits in the article.',
  },
  {
    title: '"More Great WIRED Stories"',
    html: `${story(0, 3)}<p><strong>More Great WIRED Stories</strong></p>${LINKS}`,
    removed: ['More Great WIRED Stories', 'Ferry fares to rise by a fifth in spring', 'The ferry strike that stranded 3,000 islanders'],
    why: 'wired.com ends articles with "More Great WIRED Stories" and a bulleted list of links.',
  },
  {
    title: '"Read also:" and a link list in the middle of the story',
    html: `${story(0, 2)}<p>Read also:</p>${LINKS}${story(2, 4)}`,
    removed: ['Read also:', 'Ferry fares to rise by a fifth in spring', 'The ferry strike that stranded 3,000 islanders'],
    why: 'The seed page\'s source interrupts the story with "Read also:" and two links; the list goes up to the next paragraph.',
  },
  {
    title: '"Most Popular" and a numbered list of links',
    html: `${story(0, 3)}<h2>Most Popular</h2><ol><li><a href="/a">Ferry fares to rise</a></li><li><a href="/b">Strike ends</a></li></ol>`,
    removed: ['Most Popular', 'Ferry fares to rise', 'Strike ends'],
    why: 'Most papers close with a numbered "Most Popular" list.',
  },
  {
    title: 'bare "Read also:" and "Latest" after the story',
    html: `${story(0, 3)}<p>Read also:</p><p>Latest</p>`,
    removed: ['Read also:', 'Latest'],
    why: 'The seed page.txt ends with bare "Read also:" and "Latest" lines, their links lost in scraping.',
  },
  {
    title: 'an orphan "related news" heading in the middle of the story',
    html: `${story(0, 2)}<h3>related news</h3>${story(2, 4)}`,
    removed: ['related news'],
    why: 'A market story in the dev corpus (65408257db) keeps a "related news" heading whose links were stripped, between two paragraphs.',
  },
  {
    title: 'German: "Mehr zum Thema"',
    html: `<p>Der Hafenrat hat am Dienstag nach einer Sitzung von sechs Stunden den neuen Fährhaushalt beschlossen, gegen die Stimmen der Opposition und unter Protest.</p><h3>Mehr zum Thema</h3><ul><li><a href="/a">Fahrpreise steigen im Frühjahr</a></li></ul>`,
    removed: ['Mehr zum Thema', 'Fahrpreise steigen im Frühjahr'],
    why: 'German sites (tagesschau.de) head related links "Mehr zum Thema".',
  },
  {
    title: 'French: "Sur le même sujet"',
    html: `<p>Le conseil portuaire a adopté mardi le nouveau budget des ferries après une séance de six heures et un vote serré entre la majorité et opposition.</p><h3>Sur le même sujet</h3><ul><li><a href="/a">Les tarifs augmenteront au printemps</a></li></ul>`,
    removed: ['Sur le même sujet', 'Les tarifs augmenteront au printemps'],
    why: 'French sites head related links "Sur le même sujet".',
  },
  {
    title: 'Spanish: "Noticias relacionadas"',
    html: `<p>El consejo del puerto aprobó el martes el nuevo presupuesto de los transbordadores tras seis horas de debate y una votación muy ajustada entre los grupos.</p><h3>Noticias relacionadas</h3><ul><li><a href="/a">Las tarifas subirán en primavera</a></li></ul>`,
    removed: ['Noticias relacionadas', 'Las tarifas subirán en primavera'],
    why: 'Spanish sites head related links "Noticias relacionadas".',
  },
  {
    title: 'Russian: "Читайте также"',
    html: `<p>Совет порта во вторник утвердил новый бюджет паромной переправы после шестичасового заседания и очень напряжённого голосования между фракциями городского совета.</p><h3>Читайте также</h3><ul><li><a href="/a">Тарифы вырастут весной</a></li></ul>`,
    removed: ['Читайте также', 'Тарифы вырастут весной'],
    why: 'Russian sites head related links "Читайте также".',
  },
  {
    title: 'a cluster of links in one paragraph (express)',
    html: `${story(0, 2)}<p><a href="/a">China furious at Macron [INSIGHT]</a> | <a href="/b">Lakers vs Nets [VIDEO]</a> | <a href="/c">Ferry strike latest [LIVE]</a></p>${story(2, 4)}`,
    removed: ['China furious at Macron [INSIGHT] | Lakers vs Nets [VIDEO] | Ferry strike latest [LIVE]'],
    why: 'express.co.uk puts three or four links to other stories in one line between paragraphs.',
  },
  {
    title: 'a breadcrumb and a "more from" card outside the story',
    html: `<p><a href="/">News</a> › <a href="/local">Local</a> › <a href="/local/transport">Transport</a></p>${story(0, 3)}<p><a href="/timetable">Summer timetable: what changes on the ferries</a></p>`,
    removed: ['News › Local › Transport', 'Summer timetable: what changes on the ferries'],
    why: 'Breadcrumbs before the running text and link cards after it are navigation to other pages.',
  },
  {
    title: 'must not remove: a table of contents of in-page anchors',
    html: `<ul><li><a href="#vote">The vote</a></li><li><a href="#boats">The new boats</a></li><li><a href="#court">The court</a></li></ul>${story(0, 3)}`,
    removed: [],
    why: 'Long explainers (wikipedia-style, vox) open with a table of contents; #anchor links stay on the page.',
  },
  {
    title: 'must not remove: a list of sources inside the story',
    html: `${story(0, 2)}<ul><li>The council's <a href="/budget.pdf">budget document</a>, published on Monday</li><li>The shipyard's <a href="/contract.pdf">contract</a>, released after the vote</li></ul>${story(2, 4)}`,
    removed: [],
    why: 'A list inside the running text, with a link per item, is content the writer cites, not a related box.',
  },
  {
    title: 'must not remove: a heading that starts its own section',
    html: `${story(0, 2)}<h2>More ferries, fewer cars</h2>${story(2, 4)}`,
    removed: [],
    why: 'A section heading that starts with "More" is not a related label unless it ends like one ("… stories").',
  },
  {
    title: 'must not remove: a "Latest" section heading inside a live story',
    html: `${story(0, 2)}<h2>Latest</h2>${story(2, 4)}`,
    removed: [],
    why: 'Live blogs and developing stories head their newest section "Latest"; over prose inside the story it is a heading.',
    todo: 'an orphan label whose links the page lost looks the same (a "related news" heading mid-story over prose, 65408257db in the dev corpus): keeping these cost precision',
  },
  {
    title: 'must not remove: a linked sentence in the running text',
    html: `${story(0, 2)}<p><a href="/report">The council's own report</a> says the boats will cost a third more.</p>${story(2, 4)}`,
    removed: [],
    why: 'A short paragraph with a link inside the story is text; only link-only blocks outside the story go.',
  },
];

testRule(relatedLinks, cases);
