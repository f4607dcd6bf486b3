/**
 * One block model from the engine to every view: every block, kept or removed, has a stable id; the html
 * carries the kept ones' ids; each removal carries its own sanitised html and the id of the kept block it
 * stood after; the views find blocks by id ("Show in place") and show each removal's own explanation.
 * The views run here in jsdom, with a stand-in for the extension's i18n API.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { JSDOM } from 'jsdom';
import { articleAsText, textBlocks } from '../src/core/format.ts';
import type { CleanResult, Removal } from '../src/core/types.ts';
import { cleanHtml } from '../src/node/index.ts';
import { importViews, viewDocument, type Views } from './views.ts';

let views: Views;

before(async () => {
  views = await importViews();
});

const PAGE = path.join(import.meta.dirname, 'fixtures', 'pages', 'sections-and-cells');
const URL = (JSON.parse(readFileSync(path.join(PAGE, 'expected.json'), 'utf8')) as { url: string }).url;
const golden = (): CleanResult => cleanHtml(readFileSync(path.join(PAGE, 'source.html'), 'utf8'), { url: URL });

const index = (id: string) => Number(id.slice(1));
const squash = (s: string | null | undefined) => (s ?? '').replace(/\s+/gu, ' ').trim();

describe('the engine gives every block an id', () => {
  const result = golden();

  it('"b" + the index in reading order among all blocks, kept and removed', () => {
    const ids = [...result.blocks.map((b) => b.id), ...result.removed.map((r) => r.id)].sort((a, b) => index(a) - index(b));
    assert.deepEqual(ids, ids.map((_, i) => `b${i}`));
    assert.ok(result.removed.length >= 5, 'the golden page has removals between its blocks');
  });

  it('the same page gives the same ids', () => {
    const again = golden();
    assert.deepEqual(again.blocks, result.blocks);
    assert.deepEqual(again.removed, result.removed);
  });

  it('each kept block is the one element in html that carries its id, and holds its text', () => {
    const doc = new JSDOM(`<body>${result.html}</body>`).window.document;
    const carried = [...doc.querySelectorAll('[data-ro-block]')].map((el) => el.getAttribute('data-ro-block'));
    assert.deepEqual(carried, result.blocks.map((b) => b.id));
    for (const block of result.blocks) assert.equal(squash(doc.querySelector(`[data-ro-block="${block.id}"]`)?.textContent), block.text);
    const tags = new Set(result.blocks.map((b) => doc.querySelector(`[data-ro-block="${b.id}"]`)?.localName));
    assert.ok(tags.has('section') && tags.has('td') && tags.has('p'), `kept blocks are sections, cells and paragraphs: ${[...tags]}`);
  });

  it('each removal has its own html, with its id and text, and the kept block it stood after', () => {
    for (const removal of result.removed) {
      const doc = new JSDOM(`<body>${removal.html}</body>`).window.document;
      assert.equal(squash(doc.body.textContent), removal.text);
      if (!removal.html.startsWith('<td')) assert.ok(doc.querySelector(`[data-ro-block="${removal.id}"]`), removal.html);
      const keptBefore = result.blocks.filter((b) => index(b.id) < index(removal.id)).at(-1);
      assert.equal(removal.after, keptBefore?.id ?? null);
    }
  });

  it("ignores a page's own data-ro-block attributes", () => {
    const result = cleanHtml(
      `<title>A</title><article><div data-ro-block="b1"><p data-ro-block="b0">${'Fake ids should not survive here. '.repeat(4)}</p><p>${'The second paragraph is plain. '.repeat(4)}</p></div></article>`,
    );
    assert.deepEqual([...result.html.matchAll(/data-ro-block="(b\d+)"/gu)].map((m) => m[1]), ['b0', 'b1']);
    assert.ok(result.html.includes('<div>'), result.html);
  });

  it("sanitises each removal's html with the article's sanitizer", () => {
    const filler = (n: number) => `<p>${`Paragraph ${n} of the story tells the council's budget in plain words. `.repeat(3)}</p>`;
    const result = cleanHtml(
      `<title>A</title><article>${filler(1)}<p part="x" data-x="1" tabindex="1">Share this article on <a href="ftp://x.example/" part="y" popover="">Facebook</a></p>${filler(2)}${filler(3)}</article>`,
    );
    const prompt = result.removed.find((r) => r.reason === 'share-prompt');
    assert.ok(prompt, JSON.stringify(result.removed));
    assert.equal(prompt.html, `<p data-ro-block="${prompt.id}">Share this article on <a>Facebook</a></p>`);
  });
});

describe('text is rendered once, in core', () => {
  it('title, then each kept block but captions, as paragraphs', () => {
    const result = {
      title: 'T',
      blocks: [
        { id: 'b0', kind: 'paragraph', text: 'One.' },
        { id: 'b1', kind: 'caption', text: 'Photo: Reuters' },
        { id: 'b3', kind: 'table', text: 'a 1\nb 2' },
      ],
    } as Pick<CleanResult, 'title' | 'blocks'>;
    assert.deepEqual(textBlocks(result.blocks), ['One.', 'a 1\nb 2']);
    assert.equal(articleAsText(result), 'T\n\nOne.\n\na 1\nb 2\n');
  });
});

describe('"Show in place" puts each removal at its own place', () => {
  function render(result: CleanResult) {
    const doc = viewDocument();
    const view = views.article.renderArticle(doc, result);
    doc.body.append(view.element);
    return { doc, view };
  }

  /** Where a shown removal sits: right after its kept block, past earlier removals shown after the same block. */
  function assertAtItsPlace(view: ReturnType<typeof render>['view'], removal: Removal, marker: HTMLElement, result: CleanResult) {
    let previous = marker.previousElementSibling as HTMLElement | null;
    while (previous?.classList.contains('ro-removed')) {
      const earlier = result.removed[Number(previous.dataset.removal)]!;
      assert.equal(earlier.after, removal.after, `${removal.id} follows a marker of another place`);
      assert.ok(index(earlier.id) < index(removal.id), `${removal.id} after a later removal`);
      previous = previous.previousElementSibling as HTMLElement | null;
    }
    if (removal.after === null) {
      let next = marker.nextElementSibling;
      while (next?.classList.contains('ro-removed')) next = next.nextElementSibling;
      assert.equal(next?.getAttribute('data-ro-block'), result.blocks[0]!.id, `${removal.id} is not right before the first kept block`);
    } else assert.equal(previous?.getAttribute('data-ro-block'), removal.after, `${removal.id} is not right after ${removal.after}`);
    assert.equal(marker.getAttribute('data-ro-block'), removal.id);
    assert.equal(squash(marker.querySelector('.ro-removed-text')?.textContent), removal.text);
    assert.ok(view.body.contains(marker));
  }

  it('after a <section>, after a table cell (as a cell of its row), in page order', () => {
    const result = golden();
    const { view } = render(result);
    const markers = result.removed.map((removal, i) => views.article.showRemovalInPlace(view, removal, i));
    result.removed.forEach((removal, i) => assertAtItsPlace(view, removal, markers[i]!, result));
    const anchorTags = new Set(result.removed.map((r) => views.article.blockElement(view, r.after!)?.localName));
    assert.ok(anchorTags.has('section') && anchorTags.has('td'), `anchors: ${[...anchorTags]}`);
    for (const [i, removal] of result.removed.entries()) {
      if (views.article.blockElement(view, removal.after!)?.localName === 'td') assert.equal(markers[i]!.localName, 'td');
    }
  });

  it('shown in any order, they end in page order; hidden, the article is as it was', () => {
    const result = golden();
    const { view } = render(result);
    const before = view.body.innerHTML;
    const order = result.removed.map((_, i) => i).reverse();
    const shown = order.map((i) => views.article.showRemovalInPlace(view, result.removed[i]!, i));
    const inDom = [...view.body.querySelectorAll('.ro-removed')].map((m) => m.getAttribute('data-ro-block'));
    assert.deepEqual(inDom, result.removed.map((r) => r.id));
    result.removed.forEach((removal, i) => assertAtItsPlace(view, removal, shown[order.indexOf(i)]!, result));
    for (const marker of shown) marker.remove();
    assert.equal(view.body.innerHTML, before);
  });

  it('removals before every kept block go right before the first one, in page order; a heading shows as strong text, a list item as its content', () => {
    const result = golden();
    const removals: Removal[] = [
      { ...result.removed[0]!, id: 'b90', after: null, kind: 'heading', html: '<h2 data-ro-block="b90">Latest news</h2>', text: 'Latest news' },
      { ...result.removed[0]!, id: 'b91', after: null, kind: 'list-item', html: '<li data-ro-block="b91">Share <em>this</em></li>', text: 'Share this' },
    ];
    const all = { ...result, removed: removals };
    const { view } = render(all);
    const item = views.article.showRemovalInPlace(view, removals[1]!, 1);
    const top = views.article.showRemovalInPlace(view, removals[0]!, 0);
    removals.forEach((removal, i) => assertAtItsPlace(view, removal, [top, item][i]!, all));
    assert.equal(top.nextElementSibling, item);
    assert.equal(item.nextElementSibling, views.article.blockElement(view, result.blocks[0]!.id));
    assert.equal(top.querySelector('.ro-removed-text')?.innerHTML, '<strong>Latest news</strong>');
    assert.equal(item.querySelector('.ro-removed-text')?.innerHTML, 'Share <em>this</em>');
  });

  it('a kept block the view has no element for: the nearest kept block before it stands in', () => {
    const result = golden();
    const { view } = render(result);
    const removal = result.removed.find((r) => r.after === 'b8')!;
    views.article.blockElement(view, 'b8')!.removeAttribute('data-ro-block');
    const marker = views.article.showRemovalInPlace(view, removal, result.removed.indexOf(removal));
    assert.equal(marker.previousElementSibling?.getAttribute('data-ro-block'), 'b7');
  });

  it("the removal's own html is sanitised again in the view", () => {
    const result = golden();
    const { view } = render(result);
    const removal = { ...result.removed[0]!, html: '<p part="x" tabindex="0"><img src="https://x.example/a.png" onerror="alert(1)">Ad</p>' };
    const marker = views.article.showRemovalInPlace(view, removal, 0);
    assert.equal(marker.querySelector('.ro-removed-text')?.innerHTML, '<p><img src="https://x.example/a.png" referrerpolicy="no-referrer" loading="lazy" decoding="async" alt="">Ad</p>');
  });
});

describe('each removal shows its own explanation', () => {
  const base = golden().removed[0]!;
  const removal = (id: string, explanation: string, reason = 'related-links'): Removal => ({ ...base, id: id as Removal['id'], reason, category: 'boilerplate', explanation });

  function explanations(removed: Removal[]) {
    const panel = views.removals.renderRemovals(viewDocument(), removed, () => {});
    return [...panel.querySelectorAll('.ro-removal-reason')].map((group) => ({
      group: group.querySelector(':scope > .ro-removal-explanation')?.textContent ?? null,
      items: [...group.querySelectorAll('.ro-removal')].map((item) => item.querySelector('.ro-removal-explanation')?.textContent ?? null),
    }));
  }

  it('a rule whose removals say different things: each says its own', () => {
    assert.deepEqual(explanations([removal('b1', 'A "Related" heading.'), removal('b2', 'A link list outside the story.'), removal('b3', 'A "Related" heading.')]), [
      { group: null, items: ['A "Related" heading.', 'A link list outside the story.', 'A "Related" heading.'] },
    ]);
  });

  it('a rule whose removals all say the same: once, under the rule', () => {
    assert.deepEqual(explanations([removal('b1', 'An ad label.', 'advertisement-label'), removal('b2', 'An ad label.', 'advertisement-label')]), [
      { group: 'An ad label.', items: [null, null] },
    ]);
  });
});

describe('the page’s ids in a view', () => {
  it('are kept apart from the view’s own, and in-page links follow them', () => {
    const doc = viewDocument();
    doc.body.innerHTML = '<main id="content"></main>';
    const fragment = views.article.sanitizedFragment(doc, '<p id="content">Text<sup><a href="#fn1">1</a></sup> <a href="https://example.com/">out</a></p><ol><li id="fn1">A note.</li></ol>');
    doc.body.append(fragment);
    assert.equal(doc.getElementById('content')?.tagName, 'MAIN');
    assert.equal(doc.getElementById(`${views.article.PAGE_ID_PREFIX}fn1`)?.textContent, 'A note.');
    const [note, out] = Array.from(doc.querySelectorAll('p a'));
    assert.equal(note!.getAttribute('href'), `#${views.article.PAGE_ID_PREFIX}fn1`);
    assert.equal(note!.hasAttribute('target'), false, 'a footnote link scrolls the view, it opens no tab');
    assert.equal(out!.getAttribute('target'), '_blank');
  });
});
