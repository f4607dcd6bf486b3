/**
 * The content script's snapshot (src/content/snapshot.ts) in the real browser: the built content.js run in an
 * isolated world of a page, as scripting.executeScript runs it, and asked for the snapshot and its parts. What
 * it hands over must be the page's own serialisation: the markup after the page's scripts ran, its open
 * shadow roots as declarative templates, its <noscript>s as a document without scripts writes them, in parts
 * no larger than a part may be and never cut inside a surrogate pair; a large page the same, written a subtree
 * at a time; the page left as it was.
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { chromium, type Browser, type CDPSession, type Page } from 'playwright';
import { CHROMIUM_PATH } from '../scripts/chromium-extension.mjs';
import type { PageSnapshot } from '../src/platform/messages.ts';
import { EXTENSION_DIR, ensureBuilt } from './support/extension.ts';
import { step, TEST_LIMIT } from './support/step.ts';

/** Mirrors SNAPSHOT_PART_CHARS (src/content/snapshot.ts); asserted below against what the parts show. */
const PART_CHARS = 1024 * 1024;

let browser: Browser;
let content: string;

before(async () => {
  await ensureBuilt();
  content = await readFile(join(EXTENSION_DIR, 'content.js'), 'utf8');
  browser = await chromium.launch({ executablePath: CHROMIUM_PATH, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
});
after(async () => browser?.close());

interface Taken {
  snapshot: PageSnapshot;
  parts: string[];
}

/** A page serving `html` (its scripts run), with content.js in an isolated world of its own. */
async function pageWith(html: string): Promise<{ page: Page; snapshot: () => Promise<Taken> }> {
  const page = await browser.newPage();
  await page.route('**/*', (route) => (route.request().isNavigationRequest() ? route.fulfill({ contentType: 'text/html; charset=utf-8', body: html }) : route.abort()));
  await step('open the test page', 15_000, () => page.goto('https://snapshot.readonce.test/page.html', { waitUntil: 'load' }));
  const cdp: CDPSession = await page.context().newCDPSession(page);
  const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
  const { executionContextId: contextId } = await cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: 'readonce-test' });
  await cdp.send('Runtime.evaluate', { expression: content, contextId });
  const ask = async (request: unknown) => {
    const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
      expression: `globalThis[Symbol.for('readonce.contentScript')](${JSON.stringify(request)})`,
      contextId,
      awaitPromise: true,
      returnByValue: true,
    });
    if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
    return result.value as { ok: boolean; snapshot?: PageSnapshot; part: string; problem?: string };
  };
  return {
    page,
    snapshot: () =>
      step('take the snapshot', 20_000, async () => {
        const first = await ask({ type: 'snapshot' });
        assert.equal(first.ok, true, `snapshot: ${first.problem}`);
        const snapshot = first.snapshot!;
        const parts = [first.part];
        for (let index = 1; index < snapshot.parts; index++) parts.push((await ask({ type: 'snapshot-part', id: snapshot.id, index })).part);
        return { snapshot, parts };
      }),
  };
}

/** The page's markup as the browser serialises it, every open shadow root included (in the page's main world). */
function serialisedWithShadowRoots(): string {
  // No nested named function: tsx would wrap it in a __name() helper the page lacks.
  const roots: ShadowRoot[] = [];
  const scopes: (Document | ShadowRoot)[] = [document];
  for (let scope = scopes.pop(); scope; scope = scopes.pop()) {
    for (const el of scope.querySelectorAll('*')) {
      if (el.shadowRoot) {
        roots.push(el.shadowRoot);
        scopes.push(el.shadowRoot);
      }
    }
  }
  const html = document.documentElement;
  const tags = html.cloneNode(false) as Element;
  const [start, end] = tags.outerHTML.split(/(?=<\/html>$)/u);
  return `<!DOCTYPE html>${start}${html.getHTML({ shadowRoots: roots })}${end}`;
}

function checkParts({ snapshot, parts }: Taken): void {
  assert.equal(parts.length, snapshot.parts);
  assert.equal(parts.join('').length, snapshot.length);
  for (const [i, part] of parts.entries()) {
    assert.ok(part.length <= PART_CHARS, `part ${i} holds ${part.length} code units`);
    if (i > 0) assert.ok(!/^[\udc00-\udfff]/u.test(part), `part ${i} starts inside a surrogate pair`);
  }
}

/** `count` rows of text that needs escaping, with comments between them: a page of about 2 × count elements. */
function rows(count: number): string {
  const out: string[] = [];
  for (let i = 0; i < count; i++) out.push(`<div class="row"><span>Row ${i}: fish &amp; chips &lt;b&gt; ${'\u00a0'}€ 🐟</span></div>${i % 1000 === 0 ? `<!-- comment ${i} -->` : ''}`);
  return out.join('\n');
}

const ARTICLE = '<article><h1>Harbour budget</h1><p>The council approved the harbour budget late on Tuesday.</p></article>';

describe('the snapshot of a page', { timeout: 120_000 }, () => {
  it('is the page as its scripts left it, in one part, and the page is left as it was', TEST_LIMIT, async () => {
    const { page, snapshot } = await pageWith(
      `<!DOCTYPE html><html lang="en"><head><title>T</title></head><body>${ARTICLE}<script>document.querySelector('p').append(' Added by the page.');</script></body></html>`,
    );
    const before = await page.evaluate(() => document.documentElement.outerHTML);
    const taken = await snapshot();
    checkParts(taken);
    assert.equal(taken.parts.join(''), `<!DOCTYPE html>${before}`);
    assert.match(taken.parts.join(''), /Added by the page\./u);
    assert.equal(taken.snapshot.url, 'https://snapshot.readonce.test/page.html');
    assert.equal(await page.evaluate(() => document.documentElement.outerHTML), before);
    await page.close();
  });

  it('holds open shadow roots as declarative templates, nested ones too; not closed ones', TEST_LIMIT, async () => {
    const { page, snapshot } = await pageWith(
      `<!DOCTYPE html><html><head><title>T</title></head><body>${ARTICLE}<story-card><b slot="by">Jane</b>Light text</story-card><sealed-card></sealed-card>
      <script>
        const card = document.querySelector('story-card').attachShadow({ mode: 'open' });
        card.innerHTML = '<h2>Inside the card</h2><slot name="by"></slot><inner-note></inner-note><slot></slot>';
        card.querySelector('inner-note').attachShadow({ mode: 'open' }).innerHTML = '<p>Nested shadow text</p>';
        document.querySelector('sealed-card').attachShadow({ mode: 'closed' }).innerHTML = '<p>Closed shadow text</p>';
      </script></body></html>`,
    );
    const markup = (await snapshot()).parts.join('');
    assert.equal(markup, await page.evaluate(serialisedWithShadowRoots));
    assert.match(markup, /<story-card><template shadowrootmode="open"><h2>Inside the card<\/h2>/u);
    assert.match(markup, /Nested shadow text/u);
    assert.match(markup, /<sealed-card><\/sealed-card>/u, 'a closed root stays closed');
    await page.close();
  });

  it('writes a <noscript> in the body as text, one in the head empty', TEST_LIMIT, async () => {
    const { page, snapshot } = await pageWith(
      `<!DOCTYPE html><html><head><title>T</title><noscript><link rel="stylesheet" href="/no-js.css"></noscript></head><body>${ARTICLE}<noscript><p title="</noscript><img src=x onerror=alert(1)>">Noscript text</p></noscript><p>After</p></body></html>`,
    );
    const markup = (await snapshot()).parts.join('');
    assert.match(markup, /<head><title>T<\/title><noscript><\/noscript><\/head>/u);
    assert.match(markup, /<noscript>&lt;p title="<\/noscript>/u, 'the text up to the end the page parsed, escaped');
    // A parser without scripts (the engine's DOMParser) then reads what the page read: the same elements (the
    // <img> after the noscript's end is the page's own), the same noscript text.
    const shape = (doc: Document) => ({
      title: doc.title,
      elements: Array.from(doc.querySelectorAll('*'), (el) => el.localName).join(' '),
      noscripts: Array.from(doc.querySelectorAll('noscript'), (el) => el.textContent),
    });
    const live = await page.evaluate(`(${shape.toString()})(document)`);
    const reparsed = await page.evaluate(`(${shape.toString()})(new DOMParser().parseFromString(${JSON.stringify(markup)}, 'text/html'))`);
    assert.deepEqual(reparsed, { ...(live as object), noscripts: [''] .concat((live as { noscripts: string[] }).noscripts.slice(1)) });
    await page.close();
  });

  it('writes a page of 200,000 elements a subtree at a time, in parts, as the browser serialises it', TEST_LIMIT, async () => {
    const { page, snapshot } = await pageWith(
      `<!DOCTYPE html><html><head><title>Big</title></head><body>${ARTICLE}<div><div><section>${rows(100_000)}</section></div></div><wide-card></wide-card>
      <script>document.querySelector('wide-card').attachShadow({ mode: 'open' }).innerHTML = '<p>Card text</p>';</script></body></html>`,
    );
    const taken = await snapshot();
    checkParts(taken);
    assert.ok(taken.snapshot.elements > 200_000, `${taken.snapshot.elements} elements`);
    assert.ok(taken.parts.length > 5, `${taken.parts.length} parts`);
    assert.equal(taken.parts.join(''), await page.evaluate(serialisedWithShadowRoots));
    await page.close();
  });

  it("carries the direction the page set: dir on <html> or <body>, else its style sheet's on the body; none said, null", TEST_LIMIT, async () => {
    const pages: [string, 'ltr' | 'rtl' | null][] = [
      [`<!DOCTYPE html><html dir="RTL"><head><title>T</title></head><body>${ARTICLE}</body></html>`, 'rtl'],
      [`<!DOCTYPE html><html><head><title>T</title></head><body dir="ltr" style="direction: rtl">${ARTICLE}</body></html>`, 'ltr'],
      // Only the style sheet says it (Arabic news sites often do), and an image named "body" stands in for document.body.
      [`<!DOCTYPE html><html><head><title>T</title><style>body { direction: rtl }</style></head><body><img name="body" alt="">${ARTICLE}</body></html>`, 'rtl'],
      [`<!DOCTYPE html><html lang="ar"><head><title>T</title></head><body>${ARTICLE}</body></html>`, null],
    ];
    for (const [html, dir] of pages) {
      const { page, snapshot } = await pageWith(html);
      assert.equal((await snapshot()).snapshot.dir, dir, html);
      await page.close();
    }
  });

  it('is refused, before anything is serialised, beyond 400,000 elements', TEST_LIMIT, async () => {
    const { page, snapshot } = await pageWith(`<!DOCTYPE html><title>Huge</title>${ARTICLE}<section>${'<i></i>'.repeat(400_001)}</section>`);
    await assert.rejects(snapshot(), /too-large/u);
    await page.close();
  });

  it('reads a page whose forms and images are named after the DOM members it uses', TEST_LIMIT, async () => {
    const { page, snapshot } = await pageWith(
      `<!DOCTYPE html><html><head><title>T</title></head><body><form name="getElementsByTagName"><input name="firstChild"><input name="nextSibling"></form><img name="documentElement" alt=""><img name="readyState" alt="">${ARTICLE}</body></html>`,
    );
    assert.equal(await page.evaluate(() => (document as unknown as Record<string, Element>).getElementsByTagName?.localName), 'form', 'the page did clobber the document');
    const markup = (await snapshot()).parts.join('');
    assert.equal(markup, `<!DOCTYPE html>${await page.evaluate(() => Object.getOwnPropertyDescriptor(Element.prototype, 'outerHTML')!.get!.call(Object.getOwnPropertyDescriptor(Document.prototype, 'documentElement')!.get!.call(document)))}`);
    await page.close();
  });
});
