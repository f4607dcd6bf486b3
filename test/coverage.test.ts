/**
 * Nothing silently lost: every word Readability keeps ends up in `blocks`, in `removed` (with its reason) or in
 * the title. Checked twice on every page: against Readability on the engine's working copy (how the article is
 * split into blocks) and against Readability alone on the whole page as a reader saw it (what the working copy
 * costs: the engine must not leave out what Readability finds, unless it records it). Read with the same
 * reader's text on both sides (readerText: `<br>` and cells keep words apart, math reads as TeX).
 */
import { Readability } from '@mozilla/readability';
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { readerText } from '../src/core/blocks.ts';
import { normalizeContent } from '../src/core/normalize.ts';
import { showAsReaderSaw, workingCopy } from '../src/core/working-copy/index.ts';
import { words } from '../src/core/text.ts';
import { cleanHtml, parseHtml, ReadOnceError } from '../src/node/index.ts';
import { missingWords } from '../scripts/lib/missing-words.ts';

/** What Readability keeps of the page, read on the same working copy the engine reads. */
function readabilityText(html: string, url: string): string {
  const doc = parseHtml(html, url);
  const copy = workingCopy(doc, 'clone'); // as cleanDocument copies by default
  normalizeContent(copy.doc);
  const parsed = new Readability<Element>(copy.doc, { serializer: (el) => el as Element, keepClasses: true }).parse();
  return parsed?.content ? readerText(parsed.content) : '';
}

/**
 * What Readability alone keeps of the whole page, as a reader saw it (React's streamed segments in place, a
 * story under a modal's aria-hidden shown: showAsReaderSaw) and as the engine reads text: after its
 * normalizeContent (gutters, math glyphs and permalinks go on both sides), without what no reader sees (style
 * sheets, scripts, comments, a <title> in the body, an iframe's fallback text). As eval:peer measures it.
 */
function wholePageText(html: string, url: string): string {
  const doc = parseHtml(html, url);
  showAsReaderSaw(doc);
  for (const el of Array.from(doc.querySelectorAll('style, script:not([type^="math/tex" i]), body title'))) el.remove();
  // An <iframe>'s own text is never shown (escaped-markup-junk: an editor's escaped markup inside a YouTube embed).
  for (const el of Array.from(doc.querySelectorAll('iframe'))) el.textContent = '';
  const comments = doc.createTreeWalker(doc, 128 /* NodeFilter.SHOW_COMMENT */);
  const unseen: Node[] = [];
  while (comments.nextNode()) unseen.push(comments.currentNode);
  for (const node of unseen) node.parentNode?.removeChild(node);
  normalizeContent(doc);
  const parsed = new Readability<Element>(doc, { serializer: (el) => el as Element }).parse();
  return parsed?.content ? readerText(parsed.content) : '';
}

function lostWords(html: string, url: string, against: (html: string, url: string) => string = readabilityText): string[] | null {
  let result;
  try {
    result = cleanHtml(html, { url });
  } catch (e) {
    if (e instanceof ReadOnceError) return null;
    throw e;
  }
  return missingWords(against(html, url), [result.title, ...result.blocks.map((b) => b.text), ...result.removed.map((r) => r.text)].join('\n'), words);
}

const root = path.join(import.meta.dirname, '..');
const pages: Array<{ name: string; file: string; url: string }> = [];
const goldenDir = path.join(root, 'test', 'fixtures', 'pages');
for (const slug of readdirSync(goldenDir)) {
  const file = path.join(goldenDir, slug, 'source.html');
  if (!existsSync(file)) continue;
  const expected = path.join(goldenDir, slug, 'expected.json');
  const url = existsSync(expected) ? ((JSON.parse(readFileSync(expected, 'utf8')) as { url?: string }).url ?? `https://example.com/${slug}`) : `https://example.com/${slug}`;
  pages.push({ name: `pages/${slug}`, file, url });
}
const e2eDir = path.join(root, 'e2e', 'fixtures');
for (const dir of readdirSync(e2eDir, { withFileTypes: true })) {
  const files = dir.isDirectory() ? readdirSync(path.join(e2eDir, dir.name)).map((f) => path.join(dir.name, f)) : [dir.name];
  for (const f of files.filter((f) => f.endsWith('.html'))) pages.push({ name: `e2e/${f}`, file: path.join(e2eDir, f), url: `http://127.0.0.1/${f}` });
}

// Pages from Defuddle's fixtures (MIT) where the working copy once left out, with no record, words Readability
// alone keeps: chart labels in an <svg> (lost-words/), a site header around a streamed article and a footer
// beside an aria-hidden story (hidden/, which the prune tests also read). Then the pages the e2e tests also
// serve from here: the seed (seed/) and the hand-made half of the teachers pair (memory/teachers/).
for (const dir of ['lost-words', 'hidden', 'seed', 'memory/teachers']) {
  const from = path.join(root, 'test', 'fixtures', dir);
  for (const f of readdirSync(from).filter((f) => f.endsWith('.html'))) {
    const html = readFileSync(path.join(from, f), 'utf8');
    const url = (/<!--\s*\{"url":\s*"([^"]+)"/u.exec(html.slice(0, 500))?.[1]) ?? `https://example.com/${f.replace(/\.html$/u, '')}`;
    pages.push({ name: `${dir}/${f}`, file: path.join(from, f), url });
  }
}

/**
 * Pages where Readability alone keeps words the engine does not find: known gaps, not yet closed. On these
 * news pages Readability finds too little text on its first attempt and retries without its filter of unlikely
 * candidates, which then keeps the site's menu (role=navigation, inside the site <header>); the working copy
 * leaves that menu out, and Readability on the copy succeeds on its first attempt.
 */
const WHOLE_PAGE_GAPS: Record<string, string> = {
  'e2e/memory/latest-10pm.html': "Readability's retry without its filter keeps the site menu (243 words)",
  'e2e/memory/latest-4pm.html': "Readability's retry without its filter keeps the site menu (241 words)",
  // Read whole by kind, the leftovers are what Readability picks on the working copy; on the whole page it
  // picks the footer's newsletter heading instead, which neither reading nor pick holds.
  'pages/wcxb-collection-shop': "a shop read whole: Readability alone on the whole page keeps the footer's newsletter heading (9 words)",
  'pages/wcxb-product-jsonld': "a product read from its data: Readability alone on the whole page keeps the footer's newsletter heading (7 words)",
};

for (const page of pages) {
  test(`nothing silently lost: ${page.name}`, () => {
    const lost = lostWords(readFileSync(page.file, 'utf8'), page.url);
    if (lost === null) return; // no article: nothing kept to lose
    assert.deepEqual(lost, [], `${lost.length} words Readability keeps on the working copy are in neither blocks nor removed`);
  });
  test(`nothing silently lost to the working copy: ${page.name}`, { todo: WHOLE_PAGE_GAPS[page.name] }, () => {
    const lost = lostWords(readFileSync(page.file, 'utf8'), page.url, wholePageText) ?? [];
    assert.deepEqual(lost, [], `${lost.length} words Readability alone keeps on the page are in neither blocks nor removed`);
  });
}

// Small excerpts of what used to fall between the blocks.
const cases: Array<{ name: string; body: string; words: string[] }> = [
  {
    name: 'a data table caption (wikipedia-2: "Average daily maximum and minimum temperatures …")',
    body: '<table><caption>Average daily maximum and minimum temperatures for the six largest cities</caption><tr><th>City</th><th>High</th></tr><tr><td>Wellington</td><td>19</td></tr></table>',
    words: ['average', 'daily', 'maximum', 'minimum', 'temperatures'],
  },
  {
    name: '<br> lines inside <pre> (Readability turns <br> runs into paragraphs)',
    body: '<pre>first_line = 1<br>second_line = 2<br><br>third_line = 3</pre>',
    words: ['first_line', 'second_line', 'third_line'],
  },
  {
    name: 'source and editor lines split by <br> (qq: "责任编辑" lines)',
    body: '<p>Source: Harbour Gazette<br>Editor: Ada Example</p>',
    words: ['gazette', 'editor'],
  },
];

for (const c of cases) {
  test(`nothing silently lost: ${c.name}`, () => {
    const story = Array.from({ length: 6 }, (_, i) => `<p>Paragraph ${i}: the harbour council met again on Tuesday to weigh the ferry budget and a new timetable for the winter.</p>`).join('');
    const html = `<!doctype html><html><head><title>Ferry budget</title></head><body><article><h1>Ferry budget</h1>${story}${c.body}${story.replace(/Paragraph/gu, 'Later paragraph')}</article></body></html>`;
    const lost = lostWords(html, 'https://example.com/ferry');
    assert.ok(lost !== null, 'an article');
    assert.deepEqual(lost, []);
    const result = cleanHtml(html, { url: 'https://example.com/ferry' });
    const all = [...result.blocks.map((b) => b.text), ...result.removed.map((r) => r.text)].join(' ').toLowerCase();
    for (const w of c.words) assert.ok(words(all).includes(w), `"${w}" is kept`);
  });
}

// The working copy leaves site navigation out before Readability reads, with no record; a table of contents
// inside the story is the article's own outline, which Readability keeps on the whole page (peer-dev defuddle
// general--wikipedia: MediaWiki's <div id="toc" role="navigation">, 25 words in neither blocks nor removed).
test('the working copy keeps a table of contents inside the story, not site navigation', () => {
  const toc = '<div id="toc" class="toc" role="navigation" aria-labelledby="mw-toc-heading"><input type="checkbox" role="button" id="toctogglecheckbox" class="toctogglecheckbox" style="display:none" /><div class="toctitle" lang="en" dir="ltr"><h2 id="mw-toc-heading">Contents</h2><span class="toctogglespan"><label class="toctogglelabel" for="toctogglecheckbox"></label></span></div><ul><li class="toclevel-1 tocsection-1"><a href="#History"><span class="tocnumber">1</span> <span class="toctext">History</span></a></li><li class="toclevel-1 tocsection-2"><a href="#Features"><span class="tocnumber">2</span> <span class="toctext">Features</span></a><ul><li class="toclevel-2 tocsection-3"><a href="#Linking_and_graph_view"><span class="tocnumber">2.1</span> <span class="toctext">Linking and graph view</span></a></li><li class="toclevel-2 tocsection-4"><a href="#Plugins"><span class="tocnumber">2.2</span> <span class="toctext">Plugins</span></a></li></ul></li><li class="toclevel-1 tocsection-5"><a href="#Reception"><span class="tocnumber">3</span> <span class="toctext">Reception</span></a></li><li class="toclevel-1 tocsection-6"><a href="#See_also"><span class="tocnumber">4</span> <span class="toctext">See also</span></a></li><li class="toclevel-1 tocsection-7"><a href="#References"><span class="tocnumber">5</span> <span class="toctext">References</span></a></li><li class="toclevel-1 tocsection-8"><a href="#External_links"><span class="tocnumber">6</span> <span class="toctext">External links</span></a></li></ul></div>';
  const menu = '<div id="p-personal" role="navigation"><ul><li><a href="/wiki/Special:CreateAccount">Create account</a></li><li><a href="/wiki/Special:UserLogin">Log in</a></li></ul></div>';
  const html = `<!doctype html><html><body>${menu}<div id="content" class="mw-body" role="main"><h1>Obsidian (software)</h1><p>Obsidian is a personal knowledge management and note-taking software application.</p>${toc}<h2>History</h2><p>Obsidian was created by Shida Li and Erica Xu.</p></div></body></html>`;
  const text = workingCopy(parseHtml(html, 'https://en.wikipedia.org/wiki/Obsidian_(software)')).doc.body.textContent ?? '';
  assert.match(text, /Linking and graph view/u);
  assert.doesNotMatch(text, /Create account/u);
});
