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
    title: 'must not remove: infobox values and cells (peer-dev readability/wikipedia, wikipedia-2)',
    html: `<table class="infobox vcard"><tbody><tr><th>Type</th><td class="category"><a href="/wiki/Open-source_software">Open-source software</a></td></tr><tr><th>Predecessor</th><td><a href="/wiki/Netscape">Netscape Communications Corporation</a></td></tr><tr><th>Divisions</th><td><div class="plainlist"><ul><li><a href="/wiki/Mozilla_Corporation">Mozilla Corporation</a></li><li><a href="/wiki/Mozilla_Foundation">Mozilla Foundation</a></li></ul></div></td></tr></tbody></table>${story(0, 3)}`,
    removed: [],
    why: 'Wikipedia infoboxes sit before the running text and every value is a link: they are facts, and the old rule took 40 of them.',
  },
  {
    title: 'must not remove: single entries of a reference list (peer-dev readability/wikipedia)',
    html: `${story(0, 3)}<h2>References</h2><div class="reflist"><ol class="references"><li id="cite_note-11"><a href="#cite_ref-11">^</a> <a href="https://example.org/a">"mozilla.org Announces Launch of the Mozilla Foundation"</a>. Retrieved 2012-08-18.</li><li id="cite_note-51"><a href="#cite_ref-51">^</a> <a href="https://example.org/b">"Mobile System Requirements"</a>.</li></ol></div><p><a href="https://example.org/c">Constant downloads failure in firefox</a></p><h2>External links</h2><ul><li><a href="https://www.mozilla.org/">Official website</a></li><li><a href="https://wiki.mozilla.org/">Mozilla Wiki</a></li></ul>`,
    removed: ['External links', 'Official website', 'Mozilla Wiki'],
    why: 'Citations are what a reader checks the article against; a stray citation title after the list belongs to it. "External links" and its list are links out.',
  },
  {
    title: 'must not remove: a footnote list (kramdown fn: ids, back-links ↩)',
    html: `${story(0, 3)}<div class="footnotes" role="doc-endnotes"><ol><li id="fn:1"><a href="https://example.org/report">Harbour council report</a> <a href="#fnref:1" class="reversefootnote">↩</a></li><li id="fn:2"><a href="https://example.org/vote">Minutes of the vote</a> <a href="#fnref:2">↩</a></li></ol></div>`,
    removed: [],
    why: 'Jekyll/kramdown footnotes after the story are often only a link each: they are the article\'s notes.',
  },
  {
    title: 'must not remove: a list that is the body of its heading (peer-dev readability/daringfireball-1)',
    html: `<h2>About This Site</h2><p>Daring Fireball is written and produced by John Gruber.</p><h2>Mac Apps</h2><ul><li><a href="https://barebones.com/">BBEdit</a></li><li><a href="https://flyingmeat.com/acorn/">Acorn</a></li><li><a href="https://red-sweater.com/marsedit/">MarsEdit</a></li></ul><h2>iPhone Apps</h2><ul><li><a href="https://vesperapp.co/">Vesper</a></li></ul><h2>Server Software</h2>${story(0, 3)}`,
    removed: [],
    why: 'A colophon lists the apps it is made with under "Mac Apps": the heading stays, so its list is what it heads.',
  },
  {
    title: 'must not remove: a definition term that is a link (peer-dev defuddle issues--217-writerside-docs)',
    html: `${story(0, 3)}<dl><dt id="getItems"><a href="https://api.example.com/items">getItems()</a></dt><dd><p>Returns a list of items.</p></dd></dl>`,
    removed: [],
    why: 'Documentation names each method in a dt, often linked: it is the thing documented.',
  },
  {
    title: 'must not remove: post titles between their blurbs on an index page (peer-dev defuddle issues--285)',
    html: `${story(0, 1)}<article><p><a href="/first">An Ordinary First Post</a></p><p>A gentle introduction with nothing unusual in its title.</p></article><article><p><a href="/third">A Third Post Worth Reading</a></p><p>The final entry, included so there is content after it.</p></article>`,
    removed: [],
    why: 'On a listing page each title heads its own blurb; the title without its blurb makes no sense.',
  },
  {
    title: 'must not remove: a paragraph whose link is a bare address (peer-dev defuddle general--github.com-issue-56)',
    html: `<p>Example repo here: <a href="https://github.com/jmorrell/defuddle-cloudflare-example">https://github.com/jmorrell/defuddle-cloudflare-example</a></p>${story(0, 3)}`,
    removed: [],
    why: 'A URL as link text is a source the writer cites, not another article\'s headline.',
  },
  {
    title: 'must not remove: coordinates above an encyclopedia article (peer-dev readability/wikipedia-2)',
    html: `<p>Coordinates: <a href="https://geohack.example/?42S_174E">42°S 174°E</a></p>${story(0, 3)}`,
    removed: [],
    why: 'A label and a value with no word in it is a fact, even when the value links to a map.',
  },
  {
    title: '"See also[edit]": a MediaWiki heading keeps its edit link in the text (peer-dev readability/wikipedia)',
    html: `${story(0, 3)}<h2>See also[edit]</h2><ul><li><a href="/wiki/Zilla">-zilla (suffix)</a></li><li><a href="/wiki/Mascot">Mozilla (mascot)</a></li></ul><h2>References[edit]</h2>`,
    removed: ['See also[edit]', '-zilla (suffix)', 'Mozilla (mascot)'],
    why: 'Wikipedia copies keep "[edit]" after each heading; the label is still "See also".',
  },
  {
    title: 'a heading and its links inside a box the page names as related (dev corpus 5fbc7ccb50)',
    html: `${story(0, 3)}<div class="relatedContent"><h3>Holiday Gift Guides</h3><ul><li><a href="/a">Best tech gadgets of 2019</a></li><li><a href="/b">10 great gifts for the hacker in your life</a></li></ul></div>`,
    removed: ['Holiday Gift Guides', 'Best tech gadgets of 2019', '10 great gifts for the hacker in your life'],
    why: 'cnet closes gift stories with a div.relatedContent holding a heading and links; the page names the box for what it is.',
  },
  {
    title: 'must not remove: "Further reading" heading over a prose paragraph and a reading list (peer-dev defuddle general--cp4space-jordan-algebra)',
    html: `${story(0, 3)}<h3>Further reading</h3>${story(3, 4)}<ul><li><a href="/baez">John Baez’s articles</a> on integral octonions;</li><li>On Quaternions and Octonions, by Conway and Smith;</li></ul>`,
    removed: [],
    why: 'A section of its own that the blog post ends with: the heading over its own text and list, not a related box.',
  },
  {
    title: 'cards with blurbs in a box of their own after the story (peer-dev defuddle content-patterns--card-grid-stripped-headings)',
    html: `<article>${story(0, 3)}</article><div class="articleList"><article><p><a href="/ion">New Ion Thruster Breaks Efficiency Record</a></p><section><p>Researchers achieved a 40 percent improvement.</p></section></article></div>`,
    removed: ['New Ion Thruster Breaks Efficiency Record'],
    why: 'Beside the story\'s own container, a card grid is other articles; inside it (a listing page) the same shape is the page.',
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
