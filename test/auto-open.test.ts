/**
 * "Always use reader mode on this site" without a browser: which pages count as articles (not a front page;
 * Readability's isProbablyReaderable measure on the kept paragraphs), and how a page or what a reader typed
 * becomes the one origin asked for.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { isHomePage, looksLikeArticle, readerScore } from '../src/reader/article-check.ts';
import { cleanHtml } from '../src/node/index.ts';
import { importViews } from './views.ts';

let sites: typeof import('../src/platform/site-permissions.ts');
before(async () => {
  await importViews();
  sites = await import('../src/platform/site-permissions.ts');
});

const fixture = (...parts: string[]) => readFileSync(path.join(import.meta.dirname, ...parts), 'utf8');

describe('what counts as an article page', () => {
  it('a front page never does', () => {
    for (const url of ['https://example.com/', 'https://example.com', 'https://example.com/index.html', 'https://example.com/home?x=1']) assert.equal(isHomePage(url), true, url);
    for (const url of ['https://example.com/news/story.html', 'https://example.com/2025/05/07/xi-moscow']) assert.equal(isHomePage(url), false, url);
  });

  it("the seed story does; a page of headlines and the fixtures' no-article page do not", () => {
    const seed = cleanHtml(fixture('fixtures', 'seed', 'page-inline.html'), { url: 'https://example.com/news/xi.html' });
    assert.ok(readerScore(seed) > 20, String(readerScore(seed)));
    assert.equal(looksLikeArticle('https://example.com/news/xi.html', seed), true);
    assert.equal(looksLikeArticle('https://example.com/', seed), false, 'the same text on the front page');
    // Short paragraphs only (the listen fixture): a real article, but not enough running text to open by itself.
    const short = cleanHtml(fixture('..', 'e2e', 'fixtures', 'listen', 'b.html'), { url: 'https://example.com/news/b.html' });
    assert.equal(readerScore(short), 0);
    assert.throws(() => cleanHtml(fixture('..', 'e2e', 'fixtures', 'no-article.html'), { url: 'https://example.com/search' }), /article/iu);
  });
});

describe('the origin asked for', () => {
  it('is the page\'s scheme and host, any port', () => {
    assert.equal(sites.sitePattern('https://www.example.com:8443/a/b?c#d'), 'https://www.example.com/*');
    assert.equal(sites.sitePattern('http://127.0.0.1:5000/x'), 'http://127.0.0.1/*');
    assert.equal(sites.sitePattern('file:///tmp/a.html'), null);
    assert.equal(sites.sitePattern('chrome://extensions'), null);
    assert.equal(sites.sitePattern('not a url'), null);
    assert.equal(sites.siteName('https://www.example.com/*'), 'www.example.com');
    assert.equal(sites.siteName('http://localhost/*'), 'http://localhost');
  });

  it('reads what a reader typed in the options page', () => {
    assert.equal(sites.patternFromInput(' example.com '), 'https://example.com/*');
    assert.equal(sites.patternFromInput('http://news.example.org/world/'), 'http://news.example.org/*');
    assert.equal(sites.patternFromInput('localhost'), 'https://localhost/*');
    assert.equal(sites.patternFromInput('http//'), null);
    assert.equal(sites.patternFromInput('ftp://example.com'), null);
    assert.equal(sites.patternFromInput('exa mple.com'), null);
    assert.equal(sites.patternFromInput(''), null);
  });
});
