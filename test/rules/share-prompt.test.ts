/** share-prompt: share buttons, follow and newsletter prompts, comment calls, wherever the page left them. */
import { sharePrompt } from '../../src/core/rules/share-prompt.ts';
import { type RuleCase, STORY, story, testRule } from './helpers.ts';

const cases: RuleCase[] = [
  {
    title: '"Share on Facebook" / "Share on Twitter" links above the story',
    html: `<ul><li><a href="https://facebook.com/sharer">Share on Facebook</a></li><li><a href="https://twitter.com/intent">Share on Twitter</a></li></ul>${story(0, 2)}`,
    removed: ['Share on Facebook', 'Share on Twitter'],
    why: 'Share bars render as a list of links; Readability keeps them when they sit in the article header.',
  },
  {
    title: '"Sign up for our newsletter" after the story',
    html: `${story(0, 2)}<p>Sign up for our newsletter</p>`,
    removed: ['Sign up for our newsletter'],
    why: 'Almost every news site ends the article with a newsletter box; its heading survives as a paragraph.',
  },
  {
    title: 'a newsletter pitch in the middle of the story',
    html: `${story(0, 1)}<p><em>Get the latest island news delivered to your inbox every morning. Sign up for our free newsletter.</em></p>${story(1, 2)}`,
    removed: ['Get the latest island news delivered to your inbox every morning. Sign up for our free newsletter.'],
    why: 'Local papers drop a newsletter pitch between paragraphs; a call to action is never story text.',
  },
  {
    title: '"Click here to follow us on Twitter" as a short paragraph',
    html: `${story(0, 2)}<p>Click here to follow us on Twitter for live updates.</p>`,
    removed: ['Click here to follow us on Twitter for live updates.'],
    why: 'Tabloids end stories with "click here" prompts.',
  },
  {
    title: '"Comments" and "Post Comment" under the story',
    html: `${story(0, 2)}<h3>Comments</h3><p>Post Comment</p>`,
    removed: ['Comments', 'Post Comment'],
    why: 'The comment form\'s heading and button label follow the article on WordPress sites.',
  },
  {
    title: 'German: "Artikel teilen" and "Newsletter abonnieren"',
    html: `<p>Artikel teilen</p><p>Der Hafenrat hat am Dienstag den neuen Fährhaushalt beschlossen, nach einer Sitzung von sechs Stunden.</p><p>Newsletter abonnieren</p>`,
    removed: ['Artikel teilen', 'Newsletter abonnieren'],
    why: 'German sites label their share and newsletter boxes this way.',
  },
  {
    title: 'French: "Partager sur Facebook"',
    html: `<p><a href="https://facebook.com/sharer">Partager sur Facebook</a></p><p>Le conseil portuaire a adopté mardi le nouveau budget des ferries après une longue séance.</p>`,
    removed: ['Partager sur Facebook'],
    why: 'French share bars ("Partager sur Facebook") leak into the article header.',
  },
  {
    title: 'Spanish: "Suscríbete a nuestro boletín"',
    html: `<p>El consejo del puerto aprobó el martes el nuevo presupuesto de los transbordadores.</p><p>Suscríbete a nuestro boletín</p>`,
    removed: ['Suscríbete a nuestro boletín'],
    why: 'Spanish sites close articles with a newsletter box ("Suscríbete a nuestro boletín").',
  },
  {
    title: 'Russian: "Подписывайтесь на наш канал"',
    html: `<p>Совет порта во вторник утвердил новый бюджет паромной переправы после долгого заседания.</p><p>Подписывайтесь на наш канал в Telegram</p>`,
    removed: ['Подписывайтесь на наш канал в Telegram'],
    why: 'Russian sites end almost every story with a Telegram-channel prompt.',
  },
  {
    title: 'must not remove: a story paragraph that mentions the council newsletter',
    html: `${story(0, 1)}<p>The council's newsletter, which is posted to every household on both islands, had promised in March that fares would not rise before the new boats arrived.</p>${story(1, 2)}`,
    removed: [],
    why: 'Inside the running text, a long sentence that mentions a newsletter is reporting, not a prompt.',
  },
  {
    title: 'must not remove: "comments" inside a long paragraph',
    html: `${story(0, 1)}<p>The mayor declined to make any comments on the vote, saying she would wait for the regional court to rule before speaking about the fares.</p>${story(1, 2)}`,
    removed: [],
    why: 'The word "comments" in a story paragraph (every politics story has one) is not a comment section.',
  },
  {
    title: 'must not remove: quoted speech that asks people to join or click',
    html: `${story(0, 1)}<p>“We invite everyone to join our march on Saturday,” the union said.</p><p>"Click here," the phishing email said, and thousands of islanders did.</p>${story(1, 3)}`,
    removed: [],
    why: 'Stories quote campaigners ("join our march") and scams ("Click here"); words inside quotation marks are the story\'s.',
  },
  {
    title: 'must not remove: a heading that starts a section about share prices',
    html: `${story(0, 1)}<h2>Share prices fall</h2>${story(1, 3)}`,
    removed: [],
    why: 'Business stories head sections "Share prices …"; "share" as a verb prompt differs from "share" the noun.',
  },
  {
    title: 'must not remove: a section heading about residents\' comments',
    html: `${story(0, 1)}<h2>Comments from residents</h2>${story(1, 3)}`,
    removed: [],
    why: 'A consultation story heads a section "Comments from residents"; inside the story a heading is not a comment box.',
  },
  {
    title: 'must not remove: a list item of a business story',
    html: `${STORY.slice(0, 1).map((p) => `<p>${p}</p>`).join('')}<ul><li>Share buybacks rose 12%</li><li>Dividends were flat</li></ul>${story(1, 3)}`,
    removed: [],
    why: 'A bullet point of results inside the story is content, even when short and starting with "Share".',
  },
  {
    title: 'must not remove: a comment that mentions "comments" after the first post (peer-dev defuddle general--github.com-test-owner-test-repo-pull-42)',
    html: `${story(0, 1)}<h3>author-one commented Jan 15, 2026</h3><p>Posted a follow-up commit to address the review comments.</p>`,
    removed: [],
    why: 'A pull request\'s later comments sit after its one long post; one prompt word inside their sentence does not make them prompts.',
  },
  {
    title: 'must not remove: short comments on a page without running text',
    html: `<p>reviewer-bot Jan 15, 2026</p><p>Please rename the helper before merging.</p><p>Posted a follow-up commit to address the review comments.</p>`,
    removed: [],
    why: 'With no story on the page, nothing is "outside the story".',
  },
  {
    title: 'must not remove: an infobox row that says "Share" (a company\'s fact box)',
    html: `${story(0, 3)}<table class="infobox"><tr><th>Market share</th><td><p>61%</p></td></tr><tr><th>Share</th><td><p>Listed on the island exchange</p></td></tr></table>`,
    removed: [],
    why: 'A prompt word in a table is the table\'s data: structure comes before words (issue 9).',
  },
  {
    title: 'a prompt in a table that lays out the story (a cell of running text makes it layout, not data)',
    html: `<table><tr><td>${story(0, 1)}</td><td>Share this article on Facebook</td></tr></table>${story(1, 3)}`,
    removed: ['Share this article on Facebook'],
    why: 'Old sites lay their articles out in tables; a cell beside a paragraph of the story is the page\'s furniture, not table data.',
  },
];

testRule(sharePrompt, cases);
