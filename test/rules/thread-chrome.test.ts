/** thread-chrome: a thread's controls and counters, set as lines of their own between its posts. */
import { threadChrome } from '../../src/core/rules/thread-chrome.ts';
import { type RuleCase, testRule } from './helpers.ts';

const POST = '<p>I swapped the stock fan for a quieter one last winter and the case has run cooler ever since, even in July.</p>';
const REPLY = '<p>Same here: the difference was bigger than I expected, about six degrees under load on the graphics card.</p>';

const cases: RuleCase[] = [
  {
    title: '"Click to expand..." under a quoted post',
    html: `<article>${POST}</article><article><blockquote><p>piizog said:</p>${POST}<p>Click to expand...</p></blockquote>${REPLY}</article>`,
    removed: ['Click to expand...'],
    pageType: 'thread',
    why: 'XenForo cuts long quotes and adds the expander as a line of the quote (wcxb-dev 0521, 59 such lines on 25 forum pages).',
  },
  {
    title: 'a member box: post count, join date label, reaction score',
    html: `<article>${POST}<p>Messages</p><p>4,726</p><p>Reaction score</p><p>11</p></article><article>${REPLY}</article>`,
    removed: ['Messages', '4,726', 'Reaction score', '11'],
    pageType: 'thread',
    why: 'XenForo and Invision print the member box as label and number lines beside each post (wcxb-dev 0518, 0537).',
  },
  {
    title: 'action links and a vote count',
    html: `<article>${POST}<p>Reply</p><p>Quote</p><p>Report</p><p>12 points</p></article><article>${REPLY}</article>`,
    removed: ['Reply', 'Quote', 'Report', '12 points'],
    pageType: 'thread',
    why: 'Reddit, Lemmy and phpBB set each action and the score as a line of its own under the post.',
  },
  {
    title: 'paging between the posts',
    html: `<article>${POST}</article><ul><li>Prev</li><li>1</li><li>2</li><li>3</li><li>Next</li></ul><article>${REPLY}</article>`,
    removed: ['Prev', '1', '2', '3', 'Next'],
    pageType: 'thread',
    why: 'Long threads repeat the page numbers above and under the posts (wcxb-dev 1658, l-camera-forum.com).',
  },
  {
    title: 'an "Edited … by" line',
    html: `<article>${POST}<p>Edited April 18, 2024 by thanosmano</p></article><article>${REPLY}</article>`,
    removed: ['Edited April 18, 2024 by thanosmano'],
    pageType: 'thread',
    why: 'Invision forums note the last edit under the post (wcxb-dev 0544, forum.kerbalspaceprogram.com).',
  },
  {
    title: 'must not remove: the same lines in an article',
    html: `${POST}<p>Reply</p><ol><li>1</li><li>2</li></ol><p>Next</p>${REPLY}`,
    removed: [],
    why: 'Outside a thread a lone "Reply" may be a heading-like line of the story and numbers may be a list of the story: the rule reads threads only.',
  },
  {
    title: 'must not remove: a post that says more than a control word',
    html: `<article>${POST}<p>Thanks, that solved it for me after two weeks of trying everything else.</p></article><article>${REPLY}</article>`,
    removed: [],
    pageType: 'thread',
    why: 'A thank-you post is a post: only a block that is exactly a control word (or a counter) goes.',
  },
  {
    title: 'must not remove: a number in a table of the post',
    html: `<article>${POST}<table><tr><td>Fan</td><td>12</td></tr><tr><td>Pump</td><td>3</td></tr></table></article><article>${REPLY}</article>`,
    removed: [],
    pageType: 'thread',
    why: 'A post may hold a table of figures (a build list with prices); data tables are never counters.',
  },
];

testRule(threadChrome, cases);
