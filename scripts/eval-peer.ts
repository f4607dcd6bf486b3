/**
 * Scores ReadOnce on pages from two peers' test suites (default ../shared/peer-dev): Mozilla Readability's test
 * pages and Defuddle's fixtures. Per suite it prints
 *   - pages, and the pages ReadOnce refuses ("no article", "too large"; a crash is listed among them as CRASH);
 *   - removals judged wrong (article content) that are still made, and the share of those judged right (cruft)
 *     still made; a removal matches its verdict by suite, page and its text's first 120 characters (compared
 *     as words), whichever rule makes it now (a verdict says whether the text is content or cruft);
 *   - words Readability keeps on the whole page that are in neither `blocks` nor `removed` nor the title (which
 *     the reader and the Markdown show as the heading): lost with no record.
 *     Readability reads a copy of the page after the engine's own normalizeContent (so line-number gutters,
 *     math glyph renderings read as their TeX, and heading permalinks/MediaWiki "[edit]" are left out on both
 *     sides, by the engine's own structural tests), and its article is read with the engine's readerText, so
 *     words stay apart at block elements, <br> and cells as they do in blocks (style sheets, scripts, comments and
 *     a <title> in the body are not read: no reader sees them). Of the words lost, those Readability does not
 *     keep on the engine's working copy either are counted apart: the copy left them out, as furniture (nav,
 *     role=navigation, site header/footer outside the article, svg, hidden) or outside the region it copies,
 *     with no record in `removed`;
 *   - Markdown F1 against Defuddle's expected Markdown, with the news corpus's 4-gram shingle metric (refusals 0);
 * then lists the refused pages, the wrong removals still made and every removal judged.json does not know.
 *   npm run eval:peer -- [DIR] [--suite readability|defuddle] [--page NAME-PREFIX] [--list] [--markdown]
 * --list adds the removals judged right that are no longer made, and each page's lost words and Markdown F1.
 * --markdown also writes the table into its section of docs/benchmarks.md.
 */
import { parseArgs } from 'node:util';
import { readerText } from '../src/core/blocks.ts';
import { normalizeContent } from '../src/core/normalize.ts';
import { showAsReaderSaw, workingCopy } from '../src/core/working-copy/index.ts';
import { parseHtml, ReadOnceError } from '../src/node/index.ts';
import { pageF1, scorePage } from './lib/metric.ts';
import { missingWords } from './lib/missing-words.ts';
import { DEFAULT_PEER_DIR, peerDir, readPeerPages, readVerdicts, SUITES, type Suite, type Verdict, VerdictIndex } from './lib/peer.ts';
import { BENCHMARKS_MD, commandLine, provenance, Report, writeSection } from './lib/markdown-section.ts';
import { cleanOrRefuse } from './lib/run.ts';
import path from 'node:path';
import { Readability } from '@mozilla/readability';

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: { suite: { type: 'string' }, page: { type: 'string' }, list: { type: 'boolean', default: false }, markdown: { type: 'boolean' } },
});
if (values.markdown && (values.suite || values.page)) {
  console.error('--markdown writes the table of every page: leave out --suite and --page');
  process.exit(2);
}
if (values.suite && !(SUITES as readonly string[]).includes(values.suite)) {
  console.error(`--suite is one of ${SUITES.join(', ')}`);
  process.exit(2);
}
const dir = peerDir(positionals[0]);
const verdicts = new VerdictIndex(readVerdicts(dir));

interface PageRow {
  suite: Suite;
  name: string;
  refused: string | null;
  removals: Array<{ reason: string; text: string; verdict: Verdict | undefined }>;
  lostWords: string[];
  /** Of lostWords, those Readability does not keep on the engine's working copy either: the copy left them out. */
  lostToCopy: string[];
  markdownF1: number | null;
}

/**
 * What Readability keeps of the whole page, as the engine reads text. The page first goes through the engine's
 * normalizeContent, which drops on purpose what a reader does not read: line-number gutters beside code
 * (code.ts), math's glyph renderings (KaTeX/MathJax HTML, SVG), replaced by the TeX they render (math.ts), and
 * a heading's permalink or MediaWiki "[edit]" (normalize.ts); the same tests run on both sides, none copied.
 * Readability's article is then read with readerText, so words are kept apart at blocks, <br> and cells rather
 * than glued by textContent ("1p", "interviewMr").
 */
function readabilityWords(html: string, url: string): { page: string; copy: string } {
  const doc = parseHtml(html, url);
  const copy = workingCopy(doc); // as cleanDocument copies by default
  // The page as a reader saw it: React's streamed segments in place, a story under a modal's aria-hidden shown.
  showAsReaderSaw(doc);
  // No reader sees a style sheet, a script (a MathJax TeX script is math, read as such), a <title> in the body
  // or a comment: they must not run into the code text normalizeContent collects (rehype-pretty-copy puts a
  // <style> inside <code>), and a comment between two text nodes ("Page A<!-- -->1", React) makes Readability
  // wrap each in its own paragraph, where the page shows "A1".
  for (const el of Array.from(doc.querySelectorAll('style, script:not([type^="math/tex" i]), body title'))) el.remove();
  const comments = doc.createTreeWalker(doc, 128 /* NodeFilter.SHOW_COMMENT */);
  const unseen: Node[] = [];
  while (comments.nextNode()) unseen.push(comments.currentNode);
  for (const node of unseen) node.parentNode?.removeChild(node);
  normalizeContent(doc);
  normalizeContent(copy.doc);
  return { page: articleText(doc), copy: articleText(copy.doc) };
}

/** Readability's article as the engine reads text. */
function articleText(doc: Document): string {
  const article = new Readability<Element>(doc, { serializer: (el) => el as Element }).parse()?.content;
  return article ? readerText(article) : '';
}

/** The words in both lists, with their repeats. */
function commonWords(a: readonly string[], b: readonly string[]): string[] {
  const counts = new Map<string, number>();
  for (const w of b) counts.set(w, (counts.get(w) ?? 0) + 1);
  return a.filter((w) => {
    const n = counts.get(w) ?? 0;
    if (n > 0) counts.set(w, n - 1);
    return n > 0;
  });
}

/** Defuddle's Markdown has no title heading; ReadOnce's opens with one. */
const withoutTitle = (md: string) => md.replace(/^# [^\n]*\n+/u, '');

const rows: PageRow[] = [];
for (const page of readPeerPages(dir, { suite: values.suite, page: values.page })) {
  const doc = parseHtml(page.html, page.url);
  const readability = readabilityWords(page.html, page.url);
  let result: ReturnType<typeof cleanOrRefuse>;
  try {
    result = cleanOrRefuse(doc, { url: page.url });
  } catch (e) {
    // One page's crash is a finding like a refusal; the other pages still get measured.
    result = new ReadOnceError('no-article', `CRASH ${String((e as Error).stack ?? e).split('\n').slice(0, 2).join(' ')}`);
  }
  const res = result instanceof ReadOnceError ? null : result;
  // The title is the result's too: the reader and the Markdown show it as the article's heading.
  const lostWords = res ? missingWords(readability.page, [res.title ?? '', ...[...res.blocks, ...res.removed].map((b) => b.text)].join('\n')) : [];
  rows.push({
    suite: page.suite,
    name: page.name,
    refused: result instanceof ReadOnceError ? `${result.code}: ${result.message}` : null,
    removals: (res?.removed ?? []).map((r) => ({ reason: r.reason, text: r.text, verdict: verdicts.match(page.suite, page.name, r.reason, r.text) })),
    lostWords,
    lostToCopy: commonWords(lostWords, missingWords(readability.page, readability.copy)),
    markdownF1: page.expectedMarkdown === null ? null : res ? pageF1(scorePage(withoutTitle(res.markdown), page.expectedMarkdown)) : 0,
  });
}

const pct = (n: number, d: number) => (d === 0 ? '–' : `${((100 * n) / d).toFixed(1)}%`);
console.log(`Peer pages: ${dir}\n`);
const table = new Report();
table.line('| suite | pages | no article | wrong still made | right still made | lost words (pages) | of those, left out by the working copy | Markdown F1 |');
table.line('|---|---|---|---|---|---|---|---|');
for (const suite of SUITES) {
  const own = rows.filter((r) => r.suite === suite);
  if (own.length === 0) continue;
  const judged = verdicts.judged(suite, new Set(own.map((r) => r.name)));
  const made = own.flatMap((r) => r.removals);
  const stillMade = (verdict: Verdict['verdict']) => new Set(made.map((m) => m.verdict).filter((v) => v?.verdict === verdict)).size;
  const wrong = stillMade('wrong');
  const right = stillMade('right');
  const rightJudged = judged.filter((v) => v.verdict === 'right').length;
  const wrongJudged = judged.length - rightJudged;
  const lost = own.reduce((n, r) => n + r.lostWords.length, 0);
  const lostPages = own.filter((r) => r.lostWords.length > 0).length;
  const scored = own.filter((r) => r.markdownF1 !== null);
  const f1 = scored.length ? (scored.reduce((s, r) => s + (r.markdownF1 ?? 0), 0) / scored.length).toFixed(4) : '–';
  table.line(
    `| ${suite} | ${own.length} | ${own.filter((r) => r.refused).length} | ${wrong} of ${wrongJudged} | ${right} of ${rightJudged} (${pct(right, rightJudged)}) | ${lost} (${lostPages}) | ${own.reduce((n, r) => n + r.lostToCopy.length, 0)} | ${f1} |`,
  );
}

const unknownCount = rows.reduce((n, r) => n + r.removals.filter((m) => !m.verdict).length, 0);
if (values.markdown) {
  const body = `${provenance(commandLine('npm run eval:peer', process.argv.slice(2), DEFAULT_PEER_DIR))} Pages: ${path.basename(dir)}, ${rows.length}.\n\n${table.text}\n\nRemovals not in judged.json, listed by the command for reading: ${unknownCount}.`;
  writeSection(BENCHMARKS_MD, 'eval-peer', body, { append: true });
  console.log(`\nWritten to ${path.relative(process.cwd(), BENCHMARKS_MD)}.`);
}

const refused = rows.filter((r) => r.refused);
if (refused.length) {
  console.log('\nNo article:');
  for (const r of refused) console.log(`  ${r.suite}/${r.name}  ${r.refused}`);
}
const clip = (t: string) => JSON.stringify(t.replace(/\s+/gu, ' ').slice(0, 120));
const wrongMade = rows.flatMap((r) => r.removals.filter((m) => m.verdict?.verdict === 'wrong').map((m) => ({ r, m })));
if (wrongMade.length) {
  console.log('\nJudged wrong, still made:');
  for (const { r, m } of wrongMade) console.log(`  ${r.suite}/${r.name}  ${m.reason}  ${clip(m.text)}`);
}
const unknown = rows.flatMap((r) => r.removals.filter((m) => !m.verdict).map((m) => ({ r, m })));
if (unknown.length) {
  console.log(`\nNot in judged.json (${unknown.length}), to read:`);
  for (const { r, m } of unknown) console.log(`  ${r.suite}/${r.name}  ${m.reason}  ${clip(m.text)}`);
}
if (values.list) {
  const made = new Set(rows.flatMap((r) => r.removals.map((m) => m.verdict)));
  const pages = new Set(rows.map((r) => `${r.suite}/${r.name}`));
  const dropped = SUITES.flatMap((suite) => verdicts.judged(suite, new Set(rows.filter((r) => r.suite === suite).map((r) => r.name))))
    .filter((v) => v.verdict === 'right' && !made.has(v) && pages.has(`${v.suite}/${v.page}`));
  console.log(`\nJudged right, no longer made (${dropped.length}):`);
  for (const v of dropped) console.log(`  ${v.suite}/${v.page}  ${v.reason}  ${clip(v.text)}`);
  console.log('\nPer page:');
  for (const r of rows) {
    const f1 = r.markdownF1 === null ? '' : `  Markdown F1 ${r.markdownF1.toFixed(3)}`;
    const lost = r.lostWords.length ? `  lost ${r.lostWords.length}: ${r.lostWords.slice(0, 30).join(' ')}${r.lostWords.length > 30 ? ' …' : ''}${r.lostToCopy.length ? ` (${r.lostToCopy.length} left out by the working copy)` : ''}` : '';
    console.log(`  ${r.suite}/${r.name}  removed ${r.removals.length}${f1}${lost}`);
  }
}
