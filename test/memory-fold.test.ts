/**
 * What the reader sees (jsdom): after reading the teachers story on detroitnews.com, the Hoosier Ledger copy
 * folds what was read to one line per run, opens it in place, names the earlier page in a banner; the
 * updated "The Latest" page says how many paragraphs are new since the last visit; copies stay whole, and
 * "Copy only what's new" leaves out exactly the folded blocks.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { before, test } from 'node:test';
import { InMemoryReadingMemory } from '../src/core/memory/in-memory.ts';
import { markRepeatsNow, rememberedArticle } from '../src/core/memory/mark.ts';
import { cleanHtml, type CleanResult } from '../src/node/index.ts';
import { importViews, viewDocument, type Views } from './views.ts';

let views: Views;

before(async () => {
  views = await importViews();
});

const DIR = path.join(import.meta.dirname, 'fixtures/memory');
const A_URL = 'https://www.detroitnews.com/story/news/nation/2019/11/19/thousands-teachers-pack-indiana-statehouse-protest/40653633/';
const B_URL = 'https://hoosierledger.example/news/education/teachers-rally';
const LATEST = 'https://www.sfgate.com/news/crime/article/The-Latest-Man-stabbed-to-death-on-San-Francisco-14848218.php';
const READ_AT = Date.UTC(2019, 10, 19, 9, 14);
const NOW = READ_AT + 2 * 24 * 3600 * 1000;
const clean = (pair: string, which: string, url: string): CleanResult => cleanHtml(readFileSync(path.join(DIR, pair, `${which}.html`), 'utf8'), { url });

function setup(pair: string, aUrl: string, bUrl: string) {
  const memory = new InMemoryReadingMemory();
  memory.recordNow(rememberedArticle(clean(pair, 'a', aUrl), aUrl, READ_AT));
  const result = clean(pair, 'b', bUrl);
  const report = markRepeatsNow(result, memory, bUrl);
  const doc = viewDocument();
  const view = views.article.renderArticle(doc, result);
  doc.body.append(view.element);
  const folded = views.folds.foldRepeats(view, report, NOW, 'en');
  return { doc, view, result, report, folded };
}

const hidden = (el: Element | null) => (el as HTMLElement | null)?.hidden === true;

test('repeats fold to one line per run, name where and when, and open in place', () => {
  const { view, report, folded } = setup('teachers', A_URL, B_URL);
  const repeated = new Set(report.repeats.map((r) => r.blockId));
  for (const block of view.blocks) {
    const el = views.article.blockElement(view, block.id);
    assert.equal(hidden(el), repeated.has(block.id), `${block.id} ${block.text.slice(0, 40)}`);
  }
  // Runs are broken by the new paragraphs and by the short "Associated Press" line, which stays: 16 blocks, 4 lines.
  assert.deepEqual(
    folded.folds.map((f) => f.querySelector('.ro-fold-label')!.textContent),
    ['foldMany 3 2 days ago detroitnews.com', 'foldMany 5 2 days ago detroitnews.com', 'foldMany 3 2 days ago detroitnews.com', 'foldMany 5 2 days ago detroitnews.com'],
  );
  assert.ok(view.body.textContent!.includes('Associated Press'));
  const [first] = folded.folds;
  const ids = first!.dataset.blocks!.split(' ');
  // The line stands where the run was, right before its first block.
  assert.equal(first!.nextElementSibling?.getAttribute('data-ro-block'), ids[0]);
  first!.querySelector('button')!.click();
  for (const id of ids) assert.equal(hidden(views.article.blockElement(view, id as `b${number}`)), false);
  assert.equal(first!.querySelector('button')!.getAttribute('aria-expanded'), 'true');
  first!.querySelector('button')!.click();
  for (const id of ids) assert.equal(hidden(views.article.blockElement(view, id as `b${number}`)), true);
});

test('an article mostly read elsewhere gets a banner naming and linking the earlier page', () => {
  const { folded, view } = setup('teachers', A_URL, B_URL);
  const banner = folded.banner!;
  assert.equal(banner.dataset.kind, 'mostly-read');
  assert.match(banner.textContent ?? '', /^mostlyRead 8\d 2 days ago/u);
  const link = banner.querySelector('a')!;
  assert.equal(link.href, A_URL);
  assert.equal(link.rel, 'noreferrer noopener');
  assert.equal(banner.nextElementSibling, view.body);
  banner.querySelectorAll('button')[0]!.click(); // Show all
  assert.ok(folded.folds.every((f) => f.dataset.open === 'true'));
});

test('a page opened again says first what is new since the last visit, and marks it', () => {
  const { folded, view, report } = setup('latest-stabbing', LATEST, LATEST);
  assert.equal(folded.banner!.dataset.kind, 'new-since');
  assert.match(folded.banner!.querySelector('strong')!.textContent!, /^newSinceMany 5 /u);
  const marked = [...view.body.querySelectorAll('.ro-new')].map((el) => el.getAttribute('data-ro-block'));
  assert.deepEqual(marked, report.fresh);
});

test('copies: the whole article still; "only what is new" leaves out exactly the folded blocks', () => {
  const { doc, result, report } = setup('teachers', A_URL, B_URL);
  const { markdown, text } = views.folds.onlyWhatIsNew(doc, result, report);
  const read = new Set(report.repeats.map((r) => r.blockId));
  for (const block of result.blocks) {
    const probe = block.text.slice(0, 30);
    assert.equal(text.includes(probe), !read.has(block.id), `text: ${probe}`);
  }
  // Folding is a view: the result's own Markdown, what Copy Markdown copies, still has every block.
  assert.ok(result.markdown.includes('The union-organized rally represented'));
  assert.ok(!markdown.includes('The union-organized rally represented'));
  assert.ok(markdown.includes('In Allen County, at least 120 teachers'));
  assert.ok(markdown.startsWith(`# ${result.title}`));
});

test('nothing read before: no fold, no banner', () => {
  const memory = new InMemoryReadingMemory();
  const result = clean('wework', 'b', 'https://techcrunch.com/x');
  const doc = viewDocument();
  const view = views.article.renderArticle(doc, result);
  const folded = views.folds.foldRepeats(view, markRepeatsNow(result, memory, 'https://techcrunch.com/x'), NOW, 'en');
  assert.equal(folded.folds.length, 0);
  assert.equal(folded.banner, null);
});
