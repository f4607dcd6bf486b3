/**
 * Properties of the engine on random input (fast-check, bounded runs so the unit suite stays fast):
 * 1. it never throws anything but a ReadOnceError, on random HTML or random text;
 * 2. its HTML is a fixed point of the engine's own sanitizer (src/core/sanitize.ts): sanitising it again changes nothing;
 * 3. nothing lost between the two outputs: every kept block's text is in result.html's text;
 * 4. idempotence: the cleaned article, fed back as a page with the same <title> (result.html as the body of
 *    an <article>, no <h1>), comes out with the same title and blocks (kind and text, in order) and no
 *    removals. result.html itself is not compared: Readability wraps it in its page divs once more.
 * Inputs that hit a known, reported bug are discarded (fc.pre) with the bug named in KNOWN_BUGS; each has
 * a reproducer below marked todo, so a fix shows up as a todo that passes.
 * Cases come from a fixed seed (FC_SEED=random draws new ones). A failure prints fast-check's seed and shrunk
 * counterexample; rerun one with FC_SEED=<seed>, or run more
 * with FC_RUNS=<n> (default 100: text properties run n cases, tag soup 0.6 n, article-like pages 0.4 n).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { JSDOM, VirtualConsole } from 'jsdom';
import { sanitizeHtml } from '../../src/core/sanitize.ts';
import { type CleanResult, ReadOnceError, cleanHtml, cleanText } from '../../src/node/index.ts';
import { anyText, articleLike, page, tagSoup } from './arbitraries.ts';
import { hazards, parseOutput } from './inert.ts';

const unspaced = (s: string) => s.replace(/\s+/gu, '');

const RUNS = Number(process.env.FC_RUNS ?? 100);
// A fixed seed by default, so that CI runs the same cases every time; FC_SEED=random explores new ones.
const SEED = process.env.FC_SEED === 'random' ? undefined : Number(process.env.FC_SEED ?? 20261129);
const params = (scale = 1) => ({ numRuns: Math.max(1, Math.round(RUNS * scale)), ...(SEED === undefined ? {} : { seed: SEED }) });

/** Inputs that reach a known bug, reported to the engine's owner; the reproducers are the todo tests below. */
const KNOWN_BUGS = {
  /**
   * Text in an element DOMPurify removes together with its content (xmp, noscript, noembed, noframes,
   * plaintext): the block keeps the text, result.html loses it.
   */
  droppedWithContent: (html: string) => /<(xmp|noscript|noembed|noframes|plaintext)[\s/>]/iu.test(html),
  /**
   * Loose text beside an element Readability does not count as phrasing content (<option>, <select>, <math>,
   * <svg>): one block on the first pass; on the second, Readability wraps the loose text in its own <p>, so the
   * blocks split. Not idempotent.
   */
  optionBesideText: (html: string) => /<(option|select|math|svg)/iu.test(html),
};

const sanitizerWindow = new JSDOM('', { virtualConsole: new VirtualConsole() }).window as unknown as Window;

/** The result, or null for a ReadOnceError; anything else thrown fails the property. */
function attempt(run: () => CleanResult): CleanResult | null {
  try {
    return run();
  } catch (e) {
    if (e instanceof ReadOnceError) return null;
    throw e;
  }
}

const resanitize = (html: string) => sanitizeHtml(sanitizerWindow, html);
/** Block ids count all blocks, removed ones too, so a second pass without removals numbers them anew. */
const kindAndText = (result: CleanResult) => result.blocks.map(({ kind, text }) => ({ kind, text }));

describe('engine properties on random input', () => {
  it('cleanHtml throws nothing but ReadOnceError on tag soup', () => {
    fc.assert(
      fc.property(tagSoup, (html) => {
        attempt(() => cleanHtml(html));
      }),
      params(0.6),
    );
  });

  it('cleanText throws nothing but ReadOnceError on any text', () => {
    fc.assert(fc.property(anyText, (text) => void attempt(() => cleanText(text))), params());
  });

  it('the HTML of a tag-soup page passes DOMPurify unchanged and is inert', () => {
    fc.assert(
      fc.property(tagSoup, (html) => {
        const result = attempt(() => cleanHtml(html));
        if (!result) return;
        assert.equal(resanitize(result.html), result.html);
        assert.deepEqual(hazards(result.html, ['evil.example']), []);
      }),
      params(0.6),
    );
  });

  it('the HTML of text passes DOMPurify unchanged', () => {
    fc.assert(
      fc.property(anyText, (text) => {
        const result = attempt(() => cleanText(text));
        if (result) assert.equal(resanitize(result.html), result.html);
      }),
      params(),
    );
  });

  it('the HTML of an article-like page passes DOMPurify unchanged', () => {
    fc.assert(
      fc.property(articleLike, ({ html }) => {
        const result = attempt(() => cleanHtml(html));
        if (result) assert.equal(resanitize(result.html), result.html);
      }),
      params(0.4),
    );
  });

  it('every kept block is in the HTML (tag soup)', () => {
    fc.assert(
      fc.property(tagSoup, (html) => {
        fc.pre(!KNOWN_BUGS.droppedWithContent(html));
        const result = attempt(() => cleanHtml(html));
        if (!result) return;
        // Without white space: a block's text puts a space between the paragraphs it holds (<em><p>a<p>b),
        // textContent does not.
        const text = unspaced(parseOutput(result.html).body.textContent ?? '');
        for (const block of result.blocks) assert.ok(text.includes(unspaced(block.text)), `block not in html: ${JSON.stringify(block.text)}`);
      }),
      params(0.6),
    );
  });

  it('cleaning the cleaned article again removes nothing more (article-like pages)', () => {
    fc.assert(
      fc.property(articleLike, ({ html }) => {
        const first = attempt(() => cleanHtml(html));
        // A result of headings and captions only is its own bug (see below): the second pass finds no article.
        if (!first || !first.blocks.some((b) => b.kind !== 'heading' && b.kind !== 'caption')) return;
        const second = cleanHtml(page(first.title, first.html, false));
        assert.deepEqual(second.removed.map((r) => `${r.reason}: ${r.text}`), []);
        assert.deepEqual(kindAndText(second), kindAndText(first));
        assert.equal(second.title, first.title);
      }),
      params(0.4),
    );
  });

  it('cleaning the cleaned article again removes nothing more (tag soup)', () => {
    fc.assert(
      fc.property(tagSoup, (html) => {
        fc.pre(!KNOWN_BUGS.droppedWithContent(html));
        fc.pre(!KNOWN_BUGS.optionBesideText(html));
        const first = attempt(() => cleanHtml(html));
        // A result of headings and captions only is its own bug (see below): the second pass finds no article.
        if (!first || !first.blocks.some((b) => b.kind !== 'heading' && b.kind !== 'caption')) return;
        const second = cleanHtml(page(first.title, first.html, false));
        assert.deepEqual(second.removed.map((r) => `${r.reason}: ${r.text}`), []);
        assert.deepEqual(kindAndText(second), kindAndText(first));
      }),
      params(0.6),
    );
  });
});

describe('known bugs found by the properties (reproducers)', () => {
  const article = Array.from({ length: 5 }, (_, i) => `<p>Paragraph ${i}: the council approved the harbour budget late on Tuesday after a debate of six hours.</p>`).join('');

  it('a nameless <!DOCTYPE> gives a result or a ReadOnceError', () => {
    const result = attempt(() => cleanHtml(`<!DOCTYPE><html><head><title>Harbour budget</title></head><body><article>${article}</article></body></html>`));
    assert.ok(result && result.blocks.length >= 5);
  });

  // DOMPurify removed an HTML element with a MathML or SVG name together with its text; the sanitizer unwraps it.
  it('text in <mtext>/<text> outside math/svg is kept in result.html', () => {
    for (const name of ['mtext', 'text', 'tspan', 'mi', 'foreignobject']) {
      const result = cleanHtml(`<!doctype html><title>Harbour budget</title><article>${article}<p>The formula <${name}>E equals m c squared</${name}> was quoted by the mayor to the council.</p></article>`);
      assert.ok(result.blocks.some((b) => b.text.includes('E equals m c squared')), name);
      assert.match(result.html, /E equals m c squared/u, name);
    }
  });

  it('<html aria-hidden="true"> gives a result or a ReadOnceError', () => {
    for (const root of ['<html aria-hidden="true">', '<html hidden>', '<html role="dialog">']) {
      attempt(() => cleanHtml(`<!doctype html>${root}<head><title>Harbour budget</title></head><body><article>${article}</article></body></html>`));
    }
  });

  // Found by the idempotence property: once gave a heading-only "article" that the second pass rejected.
  it('a result always has a paragraph, not only headings', () => {
    const result = attempt(() => cleanHtml('<!doctype html><title>the the the the</title><article><h1>the the the the</h1>\n<h2>the the</h2>\n<p>The the the the.</p>\n<p>The the the the.</p>\n<p>The the the the.</p></article>'));
    if (result) assert.ok(result.blocks.some((b) => b.kind !== 'heading'), JSON.stringify(result.blocks));
  });

  // jsdom took <base xlink:href> for a base with an href and threw resolving null; the copy leaves it out.
  it('<base foo:href> gives a result or a ReadOnceError', () => {
    attempt(() => cleanHtml(`<!doctype html><title>Harbour budget</title><base xlink:href="x"><article>${article}</article>`));
  });

  it('a typo in a tag name (<b<i>) gives a result', () => {
    const result = attempt(() => cleanHtml(`<!doctype html><title>Harbour budget</title><article>${article}<div><b<i>bold text</b<i></div></article>`));
    assert.ok(result && result.blocks.length >= 5);
  });

  it('loose text beside an <option> comes out in the same blocks when cleaned again', () => {
    const first = cleanHtml('<!doctype html><html><head><title>Random page</title></head><body>\u0001\n<embed><option>The the plan the.\nThe the the the.\nThe the the the the the the the the the the the.</body></html>');
    const second = cleanHtml(page(first.title, first.html, false));
    assert.deepEqual(kindAndText(second), kindAndText(first));
  });

  it('text in <xmp> or <plaintext> is kept in result.html', { todo: 'DOMPurify forbids xmp, noembed, noframes and plaintext with their content; blocks keep the text' }, () => {
    const result = cleanHtml(`<!doctype html><title>Harbour budget</title><article>${article}<p>The mayor read <xmp>E equals m c squared</xmp> to the council.</p></article>`);
    assert.ok(result.blocks.some((b) => b.text.includes('E equals m c squared')));
    assert.match(result.html, /E equals m c squared/u);
  });

  // cleanText kept U+0000, which an HTML parser drops from body text; the text path now drops it too.
  it('cleanText output with a NUL is a DOMPurify fixed point', () => {
    const result = cleanText(`Harbour budget\n\n${Array.from({ length: 5 }, (_, i) => `Paragraph ${i}: the coun\u0000cil approved the harbour budget late on Tuesday.\u0000`).join('\n\n')}`);
    assert.equal(resanitize(result.html), result.html);
    assert.ok(result.blocks.every((b) => !b.text.includes('\u0000')));
  });
});
