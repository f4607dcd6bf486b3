/** copyright-line: the footer's copyright line, which wire stories and small sites carry into the body. */
import { copyrightLine } from '../../src/core/rules/copyright-line.ts';
import { type RuleCase, story, testRule } from './helpers.ts';

const cases: RuleCase[] = [
  {
    title: '"© 2025 … All rights reserved."',
    html: `${story(0, 2)}<p>© 2025 World Daily Wire. All rights reserved.</p>`,
    removed: ['© 2025 World Daily Wire. All rights reserved.'],
    why: 'A site footer inside the article container; Readability keeps it as the last paragraph.',
  },
  {
    title: 'the Associated Press notice at the foot of a wire story',
    html: `${story(0, 2)}<p>Copyright 2019 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.</p>`,
    removed: ['Copyright 2019 The Associated Press. All rights reserved. This material may not be published, broadcast, rewritten or redistributed.'],
    why: 'Every AP story syndicated to local papers ends with this line.',
  },
  {
    title: '"The contents of this site are ©2019 …" (thehill)',
    html: `${story(0, 2)}<p>The contents of this site are ©2019 Capitol Hill Publishing Corp., a subsidiary of News Communications, Inc.</p>`,
    removed: ['The contents of this site are ©2019 Capitol Hill Publishing Corp., a subsidiary of News Communications, Inc.'],
    why: 'thehill.com ends every article with it; the year follows the sign directly.',
  },
  {
    title: '"© Reuters" alone',
    html: `${story(0, 2)}<p>© Reuters</p>`,
    removed: ['© Reuters'],
    why: 'Agency copy on portals ends with the agency\'s copyright sign.',
  },
  {
    title: 'German: "© dpa … Alle Rechte vorbehalten"',
    html: `<p>Der Hafenrat hat am Dienstag den neuen Fährhaushalt beschlossen.</p><p>Alle Rechte vorbehalten. Vervielfältigung nur mit Genehmigung.</p>`,
    removed: ['Alle Rechte vorbehalten. Vervielfältigung nur mit Genehmigung.'],
    why: 'German regional papers end pages with "Alle Rechte vorbehalten".',
  },
  {
    title: 'French: "Tous droits réservés"',
    html: `<p>Le conseil portuaire a adopté mardi le nouveau budget.</p><p>Le Monde – Tous droits réservés</p>`,
    removed: ['Le Monde – Tous droits réservés'],
    why: 'French sites end articles with "Tous droits réservés".',
  },
  {
    title: 'Spanish: "Todos los derechos reservados"',
    html: `<p>El consejo del puerto aprobó el martes el nuevo presupuesto.</p><p>Ediciones El País S.L. Todos los derechos reservados.</p>`,
    removed: ['Ediciones El País S.L. Todos los derechos reservados.'],
    why: 'Spanish sites close with "Todos los derechos reservados".',
  },
  {
    title: 'Russian: "Все права защищены"',
    html: `<p>Совет порта во вторник утвердил новый бюджет.</p><p>© 2025 РИА Новости. Все права защищены.</p>`,
    removed: ['© 2025 РИА Новости. Все права защищены.'],
    why: 'Russian sites print "Все права защищены" under the article.',
  },
  {
    title: 'must not remove: a story about a copyright lawsuit',
    html: `${story(0, 1)}<p>The publisher sued over copyright in 2023, saying the chatbot had copied its articles word for word.</p>`,
    removed: [],
    why: 'A news sentence about copyright does not start with the sign and has no "© 2023" pair.',
  },
  {
    title: 'must not remove: a licence header in a code block',
    html: `<p>Every file in the project starts like this:</p><pre><code>// Copyright (c) 2025 Jane Doe. All rights reserved.</code></pre>`,
    removed: [],
    why: 'Developer articles show licence headers as code; code is content.',
  },
  {
    title: 'must not remove: a long paragraph quoting the notice',
    html: `<p>The label's notice, "all rights reserved", appears under every track on the album, but the court found that the thirty-second sample the band used was fair use and dismissed the claim.</p>`,
    removed: [],
    why: 'Above 20 words, the phrase alone is not enough: the paragraph is about the notice, not the notice.',
  },
  {
    title: 'must not remove: an essay whose headline is a copyright phrase',
    pageTitle: 'All Rights Reserved',
    html: `<h1>All Rights Reserved</h1>${story(0, 3)}<p>All Rights Reserved</p>`,
    removed: [],
    why: 'An essay about ownership may be titled with the notice\'s words: its headline, as a heading or repeated as a line, is the title, not a footer (issue 9).',
  },
  {
    title: 'must not remove: a reference entry that cites a notice',
    html: `${story(0, 3)}<ol class="references"><li id="cite_note-4">^ "Terms of use". © 2019 Example Press.</li></ol>`,
    removed: [],
    why: 'A reference list may cite a page whose title carries ©; citations are content.',
  },
];

testRule(copyrightLine, cases);
