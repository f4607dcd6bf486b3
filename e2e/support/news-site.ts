/**
 * A small news site for the auto-open tests, served by one server under two names (localhost and 127.0.0.1 are
 * two sites to the browser): a front page of headlines, two article pages (the seed story and the teachers story
 * from the fixtures) and a page with no article.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FIXTURES, startPageServer, TEST_FIXTURES, type PageServer } from './server.ts';

const FRONT_PAGE = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Harbour Gazette</title></head><body>
<header><h1>Harbour Gazette</h1><nav><a href="/news/">News</a> <a href="/sport/">Sport</a></nav></header><main>
${['Ferry line to start in May', 'Council approves new budget', 'Teachers vote on contract', 'Harbour festival returns', 'Storm closes the north pier', 'Library opens on Sundays']
  .map((h, i) => `<article><h2><a href="/news/${i}.html">${h}</a></h2><p>${h}: what we know so far, and what comes next for the town.</p></article>`)
  .join('\n')}
</main><footer><p>© Harbour Gazette</p></footer></body></html>`;

export const NEWS_PATHS = { front: '/', first: '/news/ferry.html', second: '/news/teachers.html', noArticle: '/search.html' } as const;

export async function startNewsSite(): Promise<PageServer> {
  const site = await startPageServer();
  site.pages.set(NEWS_PATHS.front, FRONT_PAGE);
  site.pages.set(NEWS_PATHS.first, readFileSync(join(TEST_FIXTURES, 'seed', 'page-inline.html'), 'utf8'));
  site.pages.set(NEWS_PATHS.second, readFileSync(join(FIXTURES, 'memory', 'teachers-a.html'), 'utf8'));
  site.pages.set(NEWS_PATHS.noArticle, readFileSync(join(FIXTURES, 'no-article.html'), 'utf8'));
  return site;
}

/** The same address on the other name of the machine: another site to the browser. */
export function onLocalhost(url: string): string {
  return url.replace('://127.0.0.1:', '://localhost:');
}
