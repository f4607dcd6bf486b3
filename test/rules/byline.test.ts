/** byline: bylines and date lines in the first or last blocks, moved to the metadata. */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { byline } from '../../src/core/rules/byline.ts';
import { applyRule, type RuleCase, story, testRule } from './helpers.ts';

const cases: RuleCase[] = [
  {
    title: '"By Jane Doe" above the story',
    html: `<p>By Jane Doe</p>${story(0, 3)}`,
    removed: ['By Jane Doe'],
    why: 'Most news templates print the byline as the first line of the article body.',
  },
  {
    title: 'wire byline with two names and the agency',
    html: `<p>By JANE DOE and JOHN ROE, Associated Press</p>${story(0, 3)}`,
    removed: ['By JANE DOE and JOHN ROE, Associated Press'],
    why: 'AP stories on member sites open with a capitalised byline naming the agency.',
  },
  {
    title: '"Published May 7, 2025" date line',
    html: `<p>Published May 7, 2025</p>${story(0, 3)}`,
    removed: ['Published May 7, 2025'],
    why: 'Date lines sit under the headline on nearly every news site; the seed page\'s source has one.',
  },
  {
    title: '"Updated 1:23 PM EDT, Wed May 7, 2025"',
    html: `<p>By Jane Doe, CNN</p><p>Updated 1:23 PM EDT, Wed May 7, 2025</p>${story(0, 3)}`,
    removed: ['By Jane Doe, CNN', 'Updated 1:23 PM EDT, Wed May 7, 2025'],
    why: 'cnn.com prints the byline and then the "Updated" time line above the story.',
  },
  {
    title: 'the byline\'s name alone above the bio',
    html: `${story(0, 3)}<p>Phil Helsel</p><p>Phil Helsel is a reporter for NBC News.</p>`,
    meta: { byline: 'Phil Helsel' },
    removed: ['Phil Helsel'],
    why: 'nbcnews.com ends articles with the author\'s name on its own line, then the bio (author-bio takes that).',
  },
  {
    title: 'German: "Von Anna Schmidt"',
    html: `<p>Von Anna Schmidt</p><p>Der Hafenrat hat am Dienstag nach einer Sitzung von sechs Stunden den neuen Fährhaushalt beschlossen.</p>`,
    removed: ['Von Anna Schmidt'],
    why: 'German sites write bylines "Von …".',
  },
  {
    title: 'German date line: "7. Mai 2025"',
    html: `<p>7. Mai 2025</p><p>Der Hafenrat hat am Dienstag nach einer Sitzung von sechs Stunden den neuen Fährhaushalt beschlossen.</p>`,
    removed: ['7. Mai 2025'],
    why: 'German date lines put the day first with a full stop; the stop after a digit does not make a sentence.',
  },
  {
    title: 'French: "Par Jean Dupont"',
    html: `<p>Par Jean Dupont</p><p>Le conseil portuaire a adopté mardi le nouveau budget des ferries après une séance de six heures.</p>`,
    removed: ['Par Jean Dupont'],
    why: 'French bylines start "Par".',
  },
  {
    title: 'Spanish: "Por María García"',
    html: `<p>Por María García</p><p>El consejo del puerto aprobó el martes el nuevo presupuesto de los transbordadores tras seis horas.</p>`,
    removed: ['Por María García'],
    why: 'Spanish bylines start "Por".',
  },
  {
    title: 'Russian: "Автор: Иван Петров" and a date "7 мая 2025"',
    html: `<p>Автор: Иван Петров</p><p>7 мая 2025</p><p>Совет порта во вторник утвердил новый бюджет паромной переправы после заседания.</p>`,
    removed: ['Автор: Иван Петров', '7 мая 2025'],
    why: 'Russian sites label the author "Автор:" and write dates with the genitive month ("мая").',
  },
  {
    title: 'Reuters footer: "Reporting by …; Editing by …"',
    html: `${story(0, 3)}<p>Reporting by Jane Doe; Editing by John Roe</p>`,
    removed: ['Reporting by Jane Doe; Editing by John Roe'],
    why: 'Every reuters.com story ends with its reporting and editing credits.',
  },
  {
    title: '"Posted: … | Updated: …" time line',
    html: `<p>Posted: Fri 6:45 PM, Feb 16, 2018 | Updated: Sat 9:12 AM, Feb 17, 2018</p>${story(0, 3)}`,
    removed: ['Posted: Fri 6:45 PM, Feb 16, 2018 | Updated: Sat 9:12 AM, Feb 17, 2018'],
    why: 'US local news sites print both times above the story.',
  },
  {
    title: 'German: "Stand: 07.05.2025 14:32 Uhr"',
    html: `<p>Stand: 07.05.2025 14:32 Uhr</p><p>Der Hafenrat hat am Dienstag nach einer Sitzung von sechs Stunden den neuen Fährhaushalt beschlossen.</p>`,
    removed: ['Stand: 07.05.2025 14:32 Uhr'],
    why: 'tagesschau.de and ARD sites head every story with "Stand: <date> <time> Uhr".',
  },
  {
    title: 'French: "Le 7 mai 2025 à 18h32"',
    html: `<p>Le 7 mai 2025 à 18h32</p><p>Le conseil portuaire a adopté mardi le nouveau budget des ferries après une séance de six heures.</p>`,
    removed: ['Le 7 mai 2025 à 18h32'],
    why: 'French regional sites print the date line as "Le 7 mai 2025 à 18h32".',
  },
  {
    title: 'Spanish: "7 de mayo de 2025 · 14:32"',
    html: `<p>7 de mayo de 2025 · 14:32</p><p>El consejo del puerto aprobó el martes el nuevo presupuesto de los transbordadores tras seis horas.</p>`,
    removed: ['7 de mayo de 2025 · 14:32'],
    why: 'Spanish-language sites write dates "7 de mayo de 2025"; the "de" must not hide the month.',
  },
  {
    title: 'must not remove: "By the time we arrived…"',
    html: `<p>By the time we arrived, the last ferry had gone.</p>${story(0, 3)}`,
    removed: [],
    why: 'A feature\'s first sentence may start with "By"; a byline\'s name is capitalised, "the time" is not.',
  },
  {
    title: 'must not remove: "By Friday, …" as a last short paragraph',
    html: `${story(0, 3)}<p>By Friday, the night ferry was running again.</p>`,
    removed: [],
    why: 'News stories often end on a one-line paragraph starting "By Monday, …"; a weekday is not a name.',
  },
  {
    title: 'must not remove: a short last sentence with a date',
    html: `${story(0, 3)}<p>The court will hear the case on June 3.</p>`,
    removed: [],
    why: 'Stories end with "The court will hear the case on June 3."; a sentence that carries a date is not a date line.',
  },
  {
    title: 'must not remove: an embedded tweet\'s dateline',
    html: `${story(0, 3)}<blockquote>— Island Ferries (@islandferries) May 7, 2025</blockquote>`,
    removed: [],
    why: 'An embedded tweet ends with the handle and a date; it belongs to the quote.',
  },
  {
    title: 'must not remove: a date line in the middle of the story',
    html: `${story(0, 4)}<p>May 7, 2025</p>${story(1, 5)}`,
    removed: [],
    why: 'Only the first four and last three blocks can be bylines; a date in the middle is a live-blog entry or content.',
  },
  {
    title: 'must not remove: an infobox date (peer-dev readability/wikipedia)',
    html: `<table class="infobox vcard"><tbody><tr><th>Founded</th><td>February 28, 1998; 18 years ago</td></tr></tbody></table>${story(0, 3)}`,
    removed: [],
    why: 'The infobox\'s "Founded" date is a fact about the subject; it once became the article\'s publishedTime.',
  },
  {
    title: 'must not remove: a comment header with its author (peer-dev defuddle general--github.com-test-owner-test-repo-pull-42)',
    html: `${story(0, 3)}<p>reviewer-bot Jan 15, 2026</p><p>Looks good to me.</p>`,
    removed: [],
    why: 'A name before the date makes the line a comment\'s header: who said what.',
  },
  {
    title: 'must not remove: a card\'s category, reading time and date (peer-dev defuddle general--tailwind-hidden-blog-index)',
    html: `${story(0, 3)}<p>Design Systems</p><p>Design 6 min read January 28, 2026</p>`,
    removed: [],
    why: 'On a blog index each card carries its own date line; words before the date say it belongs to the card.',
  },
  {
    title: 'a date line led by its weekday (peer-dev readability/ebb-org)',
    html: `<p>Tuesday 15 October 2019</p>${story(0, 3)}`,
    removed: ['Tuesday 15 October 2019'],
    why: 'A weekday in front of the date is still the date line.',
  },
  {
    title: 'a social post\'s author link that the title names (peer-dev defuddle general--substack-note-permalink)',
    html:
      `<div><p>This is a different note from the feed sidebar.</p></div>` +
      `<div><div><p><a href="https://substack.com/@testuser"><img src="https://example.com/avatar.jpg" alt="Test User's avatar"></a></p>` +
      `<div><p><a href="https://substack.com/@testuser">Test User</a></p></div></div>` +
      `<div><p>This is the main note content on the permalink page.</p><p>It has multiple paragraphs with important information.</p></div></div>`,
    pageTitle: 'Test User (@testuser)',
    removed: ['Test User'],
    why: 'A Substack note, like a Mastodon or Threads post, is titled "Name (@handle)" and sets the name above the post as the link to the profile: the byline.',
  },
  {
    title: 'a Bluesky author link around the name\'s own element',
    html: `<div><a href="https://bsky.app/profile/alice.bsky.social"><p>Alice Example</p></a></div><p>We finally shipped the new ferry timetable app.</p>${story(0, 2)}`,
    pageTitle: 'Alice Example (@alice.bsky.social)',
    removed: ['Alice Example'],
    why: 'Bluesky wraps the display name\'s div in the profile link; Readability makes the div a paragraph inside the link.',
  },
  {
    title: 'only the first author link: the author\'s own reply further down keeps its name',
    html: `<p><a href="https://mastodon.example/@alice">Alice</a></p><p>The ferry was late again.</p><p><a href="https://mastodon.example/@alice">Alice</a></p><p>And again tonight.</p>${story(0, 2)}`,
    pageTitle: 'Alice (@alice@mastodon.example)',
    removed: ['Alice'],
    why: 'In a thread the author\'s name also heads the author\'s own replies; who said what is content.',
  },
  {
    title: 'must not remove: the title\'s name as the last reply\'s author, or in prose, or as plain text',
    html: `<p>Test User</p>${story(0, 4)}<p><a href="https://substack.com/@testuser">Test User</a></p><p>Thanks, that answers it.</p>`,
    pageTitle: 'Test User (@testuser)',
    removed: [],
    why: 'Only a link to the author above the post is the byline: at the bottom of a thread the name heads a reply, and an unlinked name may be anything.',
  },
  {
    title: 'must not remove: the title\'s name inside a sentence that links it',
    html: `<p><a href="https://substack.com/@testuser">Test User</a> wrote this in May.</p>${story(0, 3)}`,
    pageTitle: 'Test User (@testuser)',
    removed: [],
    why: 'A linked name in a sentence is prose.',
  },
];

testRule(byline, cases);

it('byline: a social post\'s author link gives the byline, and only after the bottom lines are read', () => {
  const note = `<p><a href="https://substack.com/@testuser">Test User</a></p>${story(0, 4)}<p><a href="https://substack.com/@testuser">Test User</a></p>`;
  const result = applyRule(byline, note, 'Test User (@testuser)');
  assert.equal(result.article.meta.byline, 'Test User');
  assert.deepEqual(result.removed.map((r) => r.text), ['Test User'], 'the name at the bottom heads a reply and stays');
  assert.equal(applyRule(byline, note, 'Test User (@testuser)', { byline: 'Jane Doe' }).removed.length, 0, 'a known byline is not replaced by the title\'s');
});

it('byline: the name found in the body moves to the metadata', () => {
  const result = applyRule(byline, `<p>By Jane Doe | Staff Writer</p>${story(0, 3)}`);
  assert.equal(result.article.meta.byline, 'Jane Doe');
});

it('byline: a date line becomes publishedTime as ISO 8601; what does not parse as a date is not set', () => {
  assert.equal(applyRule(byline, `<p>Published May 7, 2025</p>${story(0, 3)}`).article.meta.publishedTime, '2025-05-07');
  assert.equal(applyRule(byline, `<p>7. Mai 2025</p>${story(0, 3)}`).article.meta.publishedTime, '2025-05-07');
  assert.equal(applyRule(byline, `<p>Updated 1:23 PM</p>${story(0, 3)}`).article.meta.publishedTime, null);
});
