/** author-bio: the author's one-line bio at the foot of the article. */
import { authorBio } from '../../src/core/rules/author-bio.ts';
import { type RuleCase, story, testRule } from './helpers.ts';

const cases: RuleCase[] = [
  {
    title: '"Phil Helsel is a reporter for NBC News."',
    html: `${story(0, 3)}<p>Phil Helsel is a reporter for NBC News.</p>`,
    removed: ['Phil Helsel is a reporter for NBC News.'],
    why: 'nbcnews.com ends every article with the author\'s bio in this shape.',
  },
  {
    title: 'the nbcnews foot in the whole pipeline: byline takes the name, this rule the bio',
    pipeline: true,
    meta: { byline: 'Phil Helsel' },
    html: `${story(0, 3)}<p>Phil Helsel</p><p>Phil Helsel is a reporter for NBC News.</p>`,
    removed: ['Phil Helsel is a reporter for NBC News.'],
    why: 'nbcnews.com prints the name and then the bio; each goes, for its own reason.',
  },
  {
    title: 'freelance writer bio in italics',
    html: `${story(0, 3)}<p><em>Dallas Robinson is a freelance writer living in Minneapolis.</em></p>`,
    removed: ['Dallas Robinson is a freelance writer living in Minneapolis.'],
    why: 'Opinion and features sections put a contributor bio in italics at the end.',
  },
  {
    title: 'bio by beat ("covers transport") before a share line',
    html: `${story(0, 3)}<p>Jane Doe covers transport for The Island Times.</p><p>Share this article</p>`,
    removed: ['Jane Doe covers transport for The Island Times.'],
    why: 'The bio is not always the last block; it is among the last few (the tail of four blocks).',
    todo: 'no job word ("covers transport") means no bio: authorRoles has no topic beats, so "covers …" alone is not enough',
  },
  {
    title: 'German: "Anna Schmidt ist Redakteurin …"',
    html: `<p>Der Hafenrat hat am Dienstag nach einer Sitzung von sechs Stunden den neuen Fährhaushalt beschlossen, gegen die Stimmen der Opposition.</p><p>Anna Schmidt ist Redakteurin im Ressort Politik.</p>`,
    removed: ['Anna Schmidt ist Redakteurin im Ressort Politik.'],
    why: 'German opinion pieces end with "… ist Redakteurin im Ressort …".',
  },
  {
    title: 'French: "Jean Dupont est journaliste …"',
    html: `<p>Le conseil portuaire a adopté mardi le nouveau budget des ferries après une séance de six heures et un vote serré.</p><p>Jean Dupont est journaliste au service Économie.</p>`,
    removed: ['Jean Dupont est journaliste au service Économie.'],
    why: 'French tribunes end with "X est journaliste …".',
  },
  {
    title: 'Spanish: "María García es periodista …"',
    html: `<p>El consejo del puerto aprobó el martes el nuevo presupuesto de los transbordadores tras seis horas de debate.</p><p>María García es periodista y corresponsal en Bruselas.</p>`,
    removed: ['María García es periodista y corresponsal en Bruselas.'],
    why: 'Spanish opinion pages end with "X es periodista …".',
  },
  {
    title: 'Russian: "Иван Петров является обозревателем …"',
    html: `<p>Совет порта во вторник утвердил новый бюджет паромной переправы после шестичасового заседания и напряжённого голосования.</p><p>Иван Петров является обозревателем «Коммерсанта».</p>`,
    removed: ['Иван Петров является обозревателем «Коммерсанта».'],
    why: 'Russian columns end with "X является обозревателем …"; the role word is inflected (instrumental case) after "является".',
  },
  {
    title: 'bio with a follow prompt in the same paragraph',
    html: `${story(0, 3)}<p>Jane Doe is a staff writer at The Island Times. Follow her on Twitter @janedoe.</p>`,
    removed: ['Jane Doe is a staff writer at The Island Times. Follow her on Twitter @janedoe.'],
    why: 'Some US sites append the author\'s social handle to the bio line.',
  },
  {
    title: 'must not remove: a bio-shaped sentence at the top of the story',
    html: `<p>John Smith is a writer who moved to the outer island in 2019.</p>${story(0, 5)}`,
    removed: [],
    why: 'Only the last four blocks are searched: a feature may open by introducing its subject.',
  },
  {
    title: 'must not remove: a heading naming the author',
    html: `${story(0, 3)}<h2>Jane Doe Is A Reporter</h2>`,
    removed: [],
    why: 'Headings are never bios (a profile\'s section heading may read like one).',
  },
  {
    title: 'must not remove: a last paragraph about a person that is not the author',
    html: `${story(0, 3)}<p>The ferry company said it had no plans to raise fares again before the new boats arrived.</p>`,
    removed: [],
    why: 'An ordinary closing paragraph: no capitalised name followed by "is a … reporter".',
  },
  {
    title: 'must not remove: a long last paragraph that names a writer',
    html: `${story(0, 3)}<p>Maria Lopes is a writer as well as a councillor, and in her latest book, published last spring by a small press on the mainland, she argues that the islands will lose their young people for good unless the ferries run at night, an argument she repeated at the meeting on Tuesday to loud applause from the public gallery and to the visible irritation of the council leader, who reminded her that the budget could not pay for everything and that the night service had been losing money for a decade.</p>`,
    removed: [],
    why: 'A bio is short (≤ 80 words); a long paragraph about someone who writes is the story.',
  },
];

testRule(authorBio, cases);
