/** relative-time: a post's "5m" / "3 hours ago" on a line of its own, as the link to the post or a <time>. */
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { relativeTime } from '../../src/core/rules/relative-time.ts';
import { applyAll, type RuleCase, story, testRule } from './helpers.ts';

/**
 * One reply of a Mastodon thread as Readability returns it (peer-dev defuddle comments--mastodon.social-@user-12345678):
 * the time link to the reply, the author's profile link, then the reply.
 */
function reply(time: string, id: number, author: string, text: string): string {
  return (
    `<div><p><a href="https://mastodon.example/@${author}/${id}"><span><i title="Public"></i></span>\n` +
    `<time datetime="2026-04-20T12:05:00.000Z" title="Apr 20, 2026, 12:05">${time}</time></a></p>` +
    `<p><a href="https://mastodon.example/@${author}" title="${author}"><bdi><strong>${author[0]!.toUpperCase()}${author.slice(1)}</strong></bdi> <span>@${author}</span></a></p></div>` +
    `<div><p>${text}</p></div>`
  );
}

const THREAD =
  `<p>This is a sample post about something interesting. Check out this link!</p>` +
  reply('5m', 12345679, 'alice', 'Here is some more context about the project') +
  reply('15m', 12345680, 'bob', '@alice This is really cool! Great work.') +
  reply('1h', 12345683, 'dave', '@alice Related project here');

const cases: RuleCase[] = [
  {
    title: 'a Mastodon thread: each reply\'s "5m", "15m", "1h" link (peer-dev defuddle comments--mastodon)',
    html: THREAD,
    removed: ['5m', '15m', '1h'],
    why: 'Mastodon sets the time since each reply, as of when the page was fetched, over it as the link to the reply itself.',
  },
  {
    title: 'Hacker News style "3 hours ago" link to the comment',
    html: `${story(0, 2)}<p><a href="https://news.example.com/item?id=12345679">3 hours ago</a></p><p>I ran the same ferry route for years and the night service was always the first to go.</p>`,
    removed: ['3 hours ago'],
    why: 'Forums and Hacker News link each comment from its age; the age is wrong by the time the page is read again.',
  },
  {
    title: 'a <time> element alone: "2h" over a Bluesky-like post',
    html: `${story(0, 2)}<p><time datetime="2026-04-20T10:00:00.000Z">2h</time></p><p>The ferry was late again this morning.</p>`,
    removed: ['2h'],
    why: 'Without a link, the <time> markup still says the line is the post\'s time stamp.',
  },
  {
    title: 'a link around the block: Bluesky\'s <a><div>5m</div></a>',
    html: `<div><a href="https://bsky.app/profile/bob.example.com/post/3kdef" aria-label="April 20, 2026 at 12:05 PM"><p>5m</p></a></div><p>Congratulations, this is great! Does it work offline?</p>`,
    removed: ['5m'],
    why: 'Bluesky wraps the time\'s own element in the link to the post; Readability turns that div into a paragraph inside the link.',
  },
  {
    title: 'German and French forms: "vor 5 Minuten", "il y a 2 heures"',
    html: `<p><a href="https://forum.example.de/t/1/2">vor 5 Minuten</a></p><p>Die Fähre fuhr heute wieder zu spät ab.</p><p><a href="https://forum.example.fr/t/1/3">il y a 2 heures</a></p><p>Le bac est encore parti en retard.</p>`,
    removed: ['vor 5 Minuten', 'il y a 2 heures'],
    why: 'Forums in the five languages of the phrase lists print the same relative ages.',
  },
  {
    title: 'must not remove: a reply that starts with a relative time',
    html: `${story(0, 2)}<p>5m ago I saw the ferry leave without its night crew.</p><p><a href="https://mastodon.example/@bob/1">5m ago I saw it too</a></p>`,
    removed: [],
    why: 'A reply\'s own words are what the thread is for; only a line that is nothing but the time goes, even when the reply is a link.',
  },
  {
    title: 'must not remove: a time inside a larger link (a card that links to the post as a whole)',
    html: `<div><a href="https://bsky.app/profile/bob.example.com/post/3kdef"><p>5m</p><p>Bob: the night ferry is running again from tomorrow, the council says.</p></a></div>${story(0, 2)}`,
    removed: [],
    why: 'When the link holds more than the time, the time is part of a card or teaser; what that is, other rules judge.',
  },
  {
    title: 'must not remove: a relative time linked inside prose',
    html: `<p>The build took <a href="https://ci.example.com/run/42">5m</a> on the old runners.</p>${story(0, 2)}`,
    removed: [],
    why: 'A time inside a sentence is part of what the sentence says.',
  },
  {
    title: 'must not remove: a date or a clock time over an entry',
    html: `<p><a href="https://live.example.com/post#entry-2"><time datetime="2026-04-20T12:05:00Z">Apr 20, 2026, 12:05</time></a></p><p>The council vote was postponed.</p><p><a href="https://live.example.com/post#entry-1"><time>11:42</time></a></p><p>The meeting opened.</p>`,
    removed: [],
    why: 'An absolute time does not go stale: on a live blog it orders the entries a reader came for.',
  },
  {
    title: 'must not remove: "5M" (a count), an in-page "1h" link, a list item',
    html: `<p><a href="https://example.com/downloads">5M</a></p><p><a href="#t=1h">1h</a></p><ul><li><a href="https://example.com/archive/1">2d</a></li></ul>${story(0, 2)}`,
    removed: [],
    why: 'Units are read in lower case only ("5M" is five million); a link within the page is a chapter mark of a video, not a permalink; a list goes whole, by related-links, or not at all.',
  },
];

testRule(relativeTime, cases);

it('relative-time: in the whole pipeline, a thread keeps every reply and its author, and loses only the times', () => {
  const result = applyAll(THREAD, 'Alice (@alice@mastodon.example)');
  assert.deepEqual(result.removed.map((r) => r.text), ['5m', '15m', '1h']);
  for (const kept of ['Alice @alice', 'Bob @bob', 'Dave @dave', '@alice This is really cool! Great work.', '@alice Related project here']) {
    assert.ok(result.kept.includes(kept), `kept: ${kept}`);
  }
});
