/**
 * Hostile pages in the real browser (Chromium, the built extension): every vector of
 * test/hostile/xss-vectors.ts in one article page, shown in the popup and in reader mode, and nothing of it
 * runs or loads; the page cannot read, restyle or steer the reader; reader mode never reloads or mutates the
 * page; corrupted settings fall back per key. A big page gets a result or "too large".
 *
 * Payloads call __xss(n) (defined by the page, logged there and beaconed to /xss/n) or load /hit/n from this
 * file's suite.server. The page's own load runs some of them, as it would for any reader: that is the baseline,
 * cleared before ReadOnce is opened. After that, no /xss/n or /hit/n request and no __xss call may happen.
 * Only exact /hit/n counts: /hit/n/x is a relative URL of the article resolved against the page's
 * (attacker-chosen) <base>, which the page itself loads too. The article's own images load, as in any article:
 * <img src=x onerror=…> keeps its image (GET /x) and loses its handler.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Page } from 'playwright';
import { PopupPage } from './pages/popup-page.ts';
import { READER_FRAME, ReaderPage, readerFrameSeenByPage, UNREADABLE_FRAME } from './pages/reader-page.ts';
import { ConsoleLog } from './support/console.ts';
import { clickToolbarButton, tabIdOf, withExtension } from './support/extension.ts';
import { startPageServer } from './support/server.ts';
import { openPopupOn, openReaderFromPopup, settle } from './support/steps.ts';
import { hazards } from '../test/hostile/inert.ts';
import { XSS_VECTORS, articlePage, type Marker } from '../test/hostile/xss-vectors.ts';
import { TEST_LIMIT } from './support/step.ts';

/** Defines __xss before any vector: logs in the page, beacons to the server (so other realms are seen too). */
const RECORDER = `<script>window.__xssLog = []; window.__xss = function (n) { window.__xssLog.push(n); try { navigator.sendBeacon('/xss/' + n); } catch (e) {} };</script>`;

function hostilePage(origin: string): string {
  const marker = (i: number): Marker => ({ js: `__xss(${i})`, url: `${origin}/hit/${i}` });
  const html = articlePage(XSS_VECTORS.map((v, i) => ({ payload: v.payload(marker(i)), where: v.where, label: `vector ${i}` })));
  return html.replace('<head>\n', `<head>\n${RECORDER}\n`);
}

const PLAIN = articlePage([]).replace('<head>\n', `<head>\n${RECORDER}\n`);

/** Page CSS that tries everything to reach the reader: hide the host, restyle all, set the reader's variables. */
const RESTYLE = PLAIN.replace(
  '</head>',
  `<style>
iframe, html > iframe, [style] { display: none !important; opacity: 0 !important; visibility: hidden !important; transform: scale(0) !important; }
*, *::before, *::after, :host, ::slotted(*) { color: rgb(255, 0, 0) !important; font-family: "Comic Sans MS", cursive !important; letter-spacing: 9px !important; background: rgb(0, 255, 0) !important; }
:root, html, body, iframe { --ro-fg: rgb(255, 0, 0); --ro-bg: rgb(0, 255, 0); --ro-sans: "Comic Sans MS"; --ro-serif: "Comic Sans MS"; --ro-font-size: 3px; --ro-measure: 10px; --ro-muted: red; --ro-accent: red; --ro-border: red; --ro-surface: red; --ro-line-height: 9; color-scheme: dark; }
</style></head>`,
);

const suite = withExtension(async () => {
  const server = await startPageServer();
  server.pages.set('/hostile.html', hostilePage(server.origin));
  server.pages.set('/plain.html', PLAIN);
  server.pages.set('/restyle.html', RESTYLE);
  return server;
});

async function openPage(path: string): Promise<Page> {
  const page = await suite.ext.context.newPage();
  await page.goto(suite.server.url(path), { waitUntil: 'load' });
  await settle(1000);
  return page;
}

const xssLog = (page: Page) => page.evaluate(() => (window as unknown as { __xssLog: number[] }).__xssLog.slice());

/** outerHTML of `selector` in the reader's document. */
const readerHtml = (page: Page, selector: string) => new ReaderPage(page).html(selector);

/** The page's DOM without the reader's host element: what reader mode must leave exactly as it was. */
const pageDom = (page: Page) =>
  page.evaluate((selector) => {
    // Into an inert document: a clone owned by the live page would load its images and fire their handlers.
    const copy = document.implementation.createHTMLDocument('').importNode(document.documentElement, true);
    copy.querySelectorAll(selector).forEach((el) => el.remove());
    return copy.outerHTML;
  }, READER_FRAME);

/** Waits until the page's own load has stopped hitting the server (1.5 s without a request; at most 20 s). */
async function quiet(): Promise<void> {
  const deadline = Date.now() + 20_000;
  let seen = -1;
  while (Date.now() < deadline && seen !== suite.server.requests.length) {
    seen = suite.server.requests.length;
    await settle(1500);
  }
}

describe('hostile page: XSS vectors in the real browser', () => {
  it(`none of ${XSS_VECTORS.length} vectors runs or loads anything from the popup or reader mode`, TEST_LIMIT, async () => {
    const page = await openPage('/hostile.html');
    await quiet();
    const baseline = { hits: [...new Set(suite.server.hits)].length, xss: (await xssLog(page)).length };
    // The page's own load ran some vectors, as it would for anyone: that is not ReadOnce.
    console.log(`# page load alone: ${baseline.xss} __xss calls, ${baseline.hits} distinct hits (baseline, cleared)`);
    await page.evaluate(() => {
      (window as unknown as { __xssLog: number[] }).__xssLog.length = 0;
      (window as unknown as { __loadMark: number }).__loadMark = 42;
    });
    suite.server.reset();
    const domBefore = await pageDom(page);
    // The page has no CSP of its own: every report in these consoles is an extension document's (the reader
    // frame and its engine frame log to the page's console, the popup's engine frame to the popup's).
    const consoles = new ConsoleLog().watch('page', page).watch('worker', suite.ext.worker);

    const popup = await openPopupOn(suite.ext, page);
    consoles.watch('popup', popup.page);
    await popup.waitForArticle();
    await popup.page.mouse.move(200, 200);
    await popup.page.mouse.wheel(0, 4000);
    await settle(1500);

    const popupBody = await popup.page.evaluate(() => document.querySelector('#content .ro-body')?.innerHTML ?? '');
    assert.match(popupBody, /approved the harbour budget late on Tuesday/u);
    assert.match(popupBody, /quarterly reports/u);
    // '__xss' may appear in an inert URL: <img/src=x/onerror=__xss(11)> parses as src="x/onerror=__xss(11)".
    assert.deepEqual(hazards(popupBody, [`${suite.server.origin}/hit/`]), [], 'the popup shows nothing that could run or load');
    // A report would mean the popup or its engine frame held some of the page's script or style, inert or not.
    assert.deepEqual(consoles.cspReports(), [], 'no CSP report in the popup or its engine frame');
    assert.deepEqual(consoles.messages.filter((m) => /__xss/u.test(m)), [], 'no vector logged anything');

    await popup.openReaderMode();
    const reader = await ReaderPage.opened(page);
    // Hover and scroll over the reader, as a reader would: handlers on hover, lazy images.
    await page.mouse.move(640, 300);
    await page.mouse.move(640, 500);
    await page.mouse.wheel(0, 5000);
    await settle(1500);
    const readerBody = await readerHtml(page, '.ro-body');
    assert.match(readerBody, /quarterly reports/u);
    assert.deepEqual(hazards(readerBody, [`${suite.server.origin}/hit/`]), [], 'the reader shows nothing that could run or load');

    assert.deepEqual(consoles.cspReports(), [], 'no CSP report in the reader frame or its engine frame either');
    console.log(`# extension consoles: ${consoles.messages.length} messages, ${consoles.cspReports().length} CSP reports of the page's markup; ${JSON.stringify(consoles.messages)}`);
    assert.deepEqual(suite.server.hits, [], 'no vector loaded or beaconed once ReadOnce was opened');
    assert.deepEqual(await xssLog(page), [], 'no vector ran in the page once ReadOnce was opened');
    assert.equal(await page.evaluate(() => (window as unknown as { __loadMark?: number }).__loadMark), 42, 'the page was not reloaded');
    assert.equal(await pageDom(page), domBefore, 'reader mode did not change the page');

    await reader.pressEscape();
    await reader.waitUntilClosed();
    assert.equal(await pageDom(page), domBefore, 'the page is as it was after reader mode');
    // Closing gives focus back to the page's focused element, the autofocused <input onfocus> of the page:
    // its own handler runs, as when the reader clicks it. Nothing else may.
    const refocused = XSS_VECTORS.findIndex((v) => v.title === 'autofocus onfocus');
    assert.deepEqual(suite.server.hits.filter((h) => h !== `xss ${refocused}`), []);
    await reader.detach();
    await popup.close();
    await page.close();
  });
});

describe('hostile page: the page cannot reach the reader or the extension', () => {
  it('cannot get a handle on the reader or read its text: it sees one iframe of another origin', TEST_LIMIT, async () => {
    const page = await openPage('/plain.html');
    const { closeAll } = await openReaderFromPopup(suite.ext, page);
    assert.deepEqual(await page.evaluate(readerFrameSeenByPage, READER_FRAME), UNREADABLE_FRAME);
    // innerText of the page must not include the article as shown by the reader (only the page's own).
    assert.equal(await page.evaluate(() => (document.body.innerText.match(/quarterly reports/g) ?? []).length), 1);
    await closeAll();
  });

  it('page CSS cannot restyle the reader', TEST_LIMIT, async () => {
    const styles = async (path: string) => {
      const page = await openPage(path);
      const { reader, closeAll } = await openReaderFromPopup(suite.ext, page);
      await settle(1000); // the reader fades in
      const props = ['color', 'background-color', 'font-family', 'font-size', 'letter-spacing', 'line-height', 'max-width', 'display', 'visibility', 'opacity'];
      const result = {
        root: await reader.style('.ro-reader', props),
        article: await reader.style('.ro-article', props),
        paragraph: await reader.style('.ro-body p', props),
        host: await page.evaluate((selector) => {
          const s = getComputedStyle(document.querySelector(selector)!);
          return { display: s.display, opacity: s.opacity, visibility: s.visibility, transform: s.transform };
        }, READER_FRAME),
      };
      await closeAll();
      return result;
    };
    const plain = await styles('/plain.html');
    const restyled = await styles('/restyle.html');
    assert.deepEqual(restyled, plain);
  });

  it('cannot fake messages or input to the extension', TEST_LIMIT, async () => {
    const page = await openPage('/plain.html');
    const { reader, closeAll } = await openReaderFromPopup(suite.ext, page);
    const attempts = await page.evaluate(async (id) => {
      const tried: Record<string, string> = {};
      const chromeApi = (window as unknown as { chrome?: { runtime?: { sendMessage?: (...a: unknown[]) => unknown } } }).chrome;
      tried.runtime = typeof chromeApi?.runtime?.sendMessage;
      try {
        const send = chromeApi?.runtime?.sendMessage as ((id: string, m: unknown) => Promise<unknown>) | undefined;
        if (typeof send !== 'function') throw new Error('no chrome.runtime.sendMessage in the page');
        await send(id, { type: 'reader', action: 'close' });
        tried.sendMessage = 'sent';
      } catch (e) {
        tried.sendMessage = `refused: ${(e as Error).message}`;
      }
      for (const message of [{ type: 'reader', action: 'close' }, { type: 'clean' }, { type: 'reader', action: 'toggle' }]) {
        window.postMessage(message, '*');
        document.dispatchEvent(new CustomEvent('readonce', { detail: message }));
        window.dispatchEvent(new MessageEvent('message', { data: message, origin: `chrome-extension://${id}` }));
      }
      await new Promise((done) => setTimeout(done, 500));
      return tried;
    }, suite.ext.id);
    console.log(`# page-side attempts: ${JSON.stringify(attempts)}`);
    assert.notEqual(attempts.sendMessage, 'sent', 'pages have no channel to the extension');
    assert.equal(await reader.isOpen(), true, 'postMessage and events from the page did not close the reader');
    await closeAll();
  });

  // Found here: the old overlay's window keydown listener took any Escape (fixed in a6990dc); the content script's
  // fallback for Esc while the page has focus still counts only a real key press.
  it('a synthetic Escape from the page does not close the reader', TEST_LIMIT, async () => {
    const page = await openPage('/plain.html');
    const { reader, closeAll } = await openReaderFromPopup(suite.ext, page);
    await page.evaluate(() => {
      for (const target of [window, document, document.body]) target.dispatchEvent(new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }));
    });
    await settle(300);
    const open = await reader.isOpen();
    await closeAll();
    assert.equal(open, true);
  });
  // A page registering the old overlay's element name first: e2e/page-attacks.test.ts.
});

describe('hostile page: size and a page that changes under the popup', () => {
  // The target: an answer within 10 s (the popup's own limit, ANSWER_TIME_LIMIT_MS, says "took too long"
  // then), and the page's main thread never frozen longer. Was a todo while the engine took over 60 s here.
  it('a 20 MB page with 200k elements gives a result, "too large" or "took too long" within 10 s, and the page stays usable', TEST_LIMIT, async () => {
    const rows: string[] = [];
    for (let i = 0; i < 100_000; i++) rows.push(`<div class="row"><span>Item ${i}: harbour ferry ticket, adult return, weekday off-peak, price unchanged since last season (${i % 1000} pence)</span></div>`);
    suite.server.pages.set('/big.html', articlePage([]).replace('</article>', `</article><section>${rows.join('\n')}</section>`));
    const page = await openPage('/big.html');
    const elements = await page.evaluate(() => document.getElementsByTagName('*').length);
    // A ticker in the page: the longest gap between its ticks is how long the page froze, the browser's own
    // repaint as the popup opens included. The long tasks the page's main thread ran are ReadOnce's (that
    // repaint is none: a popup that runs no script costs the page the same and leaves no long task).
    await page.evaluate(() => {
      const w = window as unknown as { __gaps: number[]; __longTasks: number[] };
      w.__gaps = [];
      w.__longTasks = [];
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) w.__longTasks.push(entry.duration);
      }).observe({ type: 'longtask' });
      let last = performance.now();
      setInterval(() => {
        const now = performance.now();
        w.__gaps.push(now - last);
        last = now;
      }, 50);
    });
    await clickToolbarButton(suite.ext, page);
    const start = Date.now();
    const popup = await PopupPage.open(suite.ext, await tabIdOf(suite.ext, page));
    await Promise.race([popup.article.waitFor({ timeout: 15_000 }), popup.problem.waitFor({ timeout: 15_000 })]);
    const ms = Date.now() - start;
    const outcome = (await popup.article.count()) > 0 ? 'article' : `problem: ${(await popup.problem.innerText()).replace(/\s+/gu, ' ').slice(0, 120)}`;
    await settle(500);
    const longestFreeze = await page.evaluate(() => Math.round(Math.max(...(window as unknown as { __gaps: number[] }).__gaps)));
    const longestTask = await page.evaluate(() => Math.round(Math.max(0, ...(window as unknown as { __longTasks: number[] }).__longTasks)));
    const responsive = await page.evaluate(() => 1 + 1);
    console.log(`# big page: ${elements} elements; popup answered in ${ms} ms with ${outcome}; page's longest freeze ${longestFreeze} ms, longest task ${longestTask} ms`);
    assert.equal(responsive, 2);
    assert.ok(outcome === 'article' || /large|too long/iu.test(outcome), outcome);
    // The popup opens (page load, scripts) before its timer starts: 1.5 s for that.
    assert.ok(ms < 11_500, `answered in ${ms} ms`);
    assert.ok(longestFreeze < 10_000, `the page froze for ${longestFreeze} ms`);
    // scripts/bench-click.ts measures it against 200 ms; here, with other work on the cores, a bound with room for
    // that, still far below what the clean on the page's thread cost it (1,025 to 7,300 ms frozen, issue 18).
    assert.ok(longestTask < 1000, `the page's longest task took ${longestTask} ms`);
    await popup.close();
    await page.close();
  });

  // A page larger than one part of the snapshot (1M code units): the popup fetches the other parts itself, the
  // reader frame through the background's relay. Server-rendered apps inline their data like this.
  it('a page in several snapshot parts (2.5 MB of inline data) reads in the popup and in reader mode', TEST_LIMIT, async () => {
    const data = JSON.stringify({ items: Array.from({ length: 25_000 }, (_, i) => ({ id: i, title: `Ferry ticket ${i}`, text: 'harbour '.repeat(8) })) });
    suite.server.pages.set('/parts.html', PLAIN.replace('</body>', `<script type="application/json" id="__DATA__">${data}</script></body>`));
    const page = await openPage('/parts.html');
    const popup = await openPopupOn(suite.ext, page);
    await popup.waitForArticle();
    assert.match(await popup.article.innerText(), /quarterly reports/u);
    await popup.openReaderMode(); // the popup closes itself then
    const reader = await ReaderPage.opened(page);
    assert.match(await reader.text('.ro-body'), /quarterly reports/u);
    await popup.close();
    await page.close();
  });

  it('a page that rewrites itself while the popup is open: a result or a message, never a blank', TEST_LIMIT, async () => {
    suite.server.pages.set(
      '/churn.html',
      PLAIN.replace(
        '</body>',
        `<script>let n = 0; setInterval(() => { const a = document.querySelector('article'); if (!a) return; n++; const p = document.createElement('p'); p.textContent = 'Live update ' + n + ': the council is still counting the votes from every district of the town tonight.'; a.prepend(p); if (n % 5 === 0) a.replaceWith(a.cloneNode(true)); if (n % 7 === 0) document.body.innerHTML = document.body.innerHTML; }, 20);</script></body>`,
      ),
    );
    const page = await openPage('/churn.html');
    const popup = await openPopupOn(suite.ext, page);
    await Promise.race([popup.article.waitFor({ timeout: 15_000 }), popup.problem.waitFor({ timeout: 15_000 })]);
    const text = (await popup.page.locator('#content').innerText()).trim();
    assert.ok(text.length > 50, `popup content: ${JSON.stringify(text.slice(0, 80))}`);
    await popup.openReaderMode();
    const reader = await ReaderPage.opened(page);
    assert.ok((await reader.text('.ro-page')).length > 50);
    await reader.detach();
    await popup.close();
    await page.close();
  });
});

describe('hostile storage: corrupted settings', () => {
  it('garbage of every type in storage.sync falls back per key, keeps the valid ones, and the reader still opens', TEST_LIMIT, async () => {
    await suite.ext.worker.evaluate(() =>
      chrome.storage.sync.set({
        theme: { toString: 'dark' },
        fontFamily: 'sans',
        fontSize: 1e308,
        contentWidth: ['wide'],
        lineHeight: 1.8,
        keep: ['teasers', 'teasers', 42, null, { category: 'summaries' }, 'nonsense'],
        keepEverythingOn: 'example.com',
        ...JSON.parse('{"__proto__": {"polluted": true}, "constructor": "x"}'),
        unknownKey: 'y'.repeat(4000),
      }),
    );
    const page = await openPage('/plain.html');
    const { reader, closeAll } = await openReaderFromPopup(suite.ext, page);
    const article = await reader.style('.ro-article', ['font-family', 'font-size', 'line-height', '--ro-sans']);
    assert.equal(article['font-family'], article['--ro-sans']?.trim(), 'the valid fontFamily "sans" is kept');
    assert.equal(article['font-size'], '28px', 'fontSize 1e308 is clamped to the maximum');
    assert.match(await reader.text('.ro-body'), /quarterly reports/u);
    await closeAll();
    const stored = await suite.ext.worker.evaluate(() => chrome.storage.sync.get(null));
    assert.equal(stored.fontFamily, 'sans', 'valid values are not overwritten by opening the reader');
    assert.equal(stored.lineHeight, 1.8);
    assert.equal(({} as Record<string, unknown>).polluted, undefined);
    await suite.ext.worker.evaluate(() => chrome.storage.sync.clear());
  });
});
