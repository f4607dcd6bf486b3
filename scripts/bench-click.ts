/**
 * What a click on ReadOnce's toolbar button costs the page, and how long the reader waits for the article:
 * the built extension (dist/chrome-test) in headless /usr/bin/chromium, real toolbar clicks (CDP
 * Extensions.triggerAction opens the real popup and grants activeTab), on each corpus page at its own address
 * (its scripts kept off by a CSP, every other request refused, as scripts/bench-chromium.ts serves them).
 *   node --import tsx scripts/bench-click.ts [DIR] [--runs N] [--pages id,…] [--skip-corpus] [--skip-big] [--floor]
 * Per page, against what every reader mode runs on the page's main thread, `new Readability(
 * document.cloneNode(true)).parse()`, timed in the same page in the same run (median of --runs):
 * - page-thread time of a click: all the page's main thread spent from the click until the popup had its
 *   answer (CDP Performance.getMetrics TaskDuration, the renderer's main thread: the content script's
 *   injection, the snapshot, handing over its parts, and the browser's own repaint of the page as the popup
 *   takes the focus, which a popup that runs no script costs too), median of --runs clicks; beside it the part
 *   spent running script (ScriptDuration: ReadOnce's, the page's own scripts being off);
 * - click to article: from the popup's request to the page until it has the article to show (its
 *   performance marks, src/platform/read-marks.ts), median of the same clicks.
 * Then the 200,000-element page of e2e/hostile.test.ts: the longest task of the page's main thread from the
 * click until the popup answered (PerformanceObserver 'longtask'), and how long that answer took.
 * --floor then clicks each corpus page again with a copy of the build whose popup is an empty page, in a browser
 * of its own: what opening any action popup costs the page's main thread (the browser repaints the page as the
 * popup takes the focus), against the same baseline.
 */
import { cp, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import type { BrowserContext, CDPSession, Page } from 'playwright';
import { pageBundle } from './bench-chromium.ts';
import { build as buildExtension } from './build.mjs';
import { clickToolbarButton, launchChromiumWithExtension } from './chromium-extension.mjs';
import { corpusDir, readCorpus } from './lib/corpus.ts';
import { median, quantile } from './lib/stats.ts';
import { ANSWER_MARK, READ_MARK, SNAPSHOT_MARK } from '../src/platform/read-marks.ts';

/** Readability alone, as one IIFE that sets globalThis.__readability in the page's main world. */
const readabilityBundle = () => pageBundle(`import { Readability } from '@mozilla/readability'; globalThis.__readability = Readability;`);

/** The baseline, `runs` times in the page after one untimed run; the median in ms. */
function timeBaseline(runs: number): number {
  const R = (globalThis as unknown as { __readability: new (doc: Document) => { parse(): unknown } }).__readability;
  const once = () => {
    const start = performance.now();
    new R(document.cloneNode(true) as Document).parse();
    return performance.now() - start;
  };
  once();
  const times = Array.from({ length: runs }, once).sort((a, b) => a - b);
  return times[Math.floor((times.length - 1) / 2)]!;
}

export interface ClickTiming {
  /** ms of the page's main thread, from the click until the popup's answer. */
  pageMs: number;
  /** ms of that running script. */
  scriptMs: number;
  /** ms from the popup's request to its answer. */
  readMs: number;
  /** ms of that until the snapshot was in the popup's hands. */
  snapshotMs: number;
  /** ms from the click (the bench's clock) until the bench saw the answer. */
  clickMs: number;
  /** 'article', or the problem the popup showed. */
  outcome: string;
}

interface PopupAnswer {
  read: number;
  snapshot: number;
  answer: number;
  outcome: string;
}

/** The popup's marks and outcome once it has answered, else null (evaluated in the popup). */
const ANSWER_PROBE = `(() => {
  const answer = performance.getEntriesByName(${JSON.stringify(ANSWER_MARK)})[0];
  const read = performance.getEntriesByName(${JSON.stringify(READ_MARK)})[0];
  const snapshot = performance.getEntriesByName(${JSON.stringify(SNAPSHOT_MARK)})[0];
  if (!answer || !read) return null;
  const problem = document.querySelector('#content .ro-problem');
  return { read: read.startTime, snapshot: snapshot ? snapshot.startTime : answer.startTime, answer: answer.startTime, outcome: problem ? problem.dataset.problem : 'article' };
})()`;

/** A reply from a target's own session, passed through the browser's. */
interface CdpReply {
  id?: number;
  result?: { result?: { value?: unknown } };
}

/**
 * The action popup is no Playwright page: it is reached through the browser's CDP session, attached without
 * flattening, its commands sent as messages to the target.
 */
class Browser {
  private lastId = 0;
  private readonly pending = new Map<number, (message: CdpReply) => void>();

  private constructor(
    readonly context: BrowserContext,
    readonly extensionId: string,
    private readonly cdp: CDPSession,
  ) {
    cdp.on('Target.receivedMessageFromTarget', (event: { message: string }) => {
      const message = JSON.parse(event.message) as CdpReply;
      if (message.id !== undefined) this.pending.get(message.id)?.(message);
    });
  }

  static async start(extensionDir: string, profile: string): Promise<Browser> {
    const { context, id } = await launchChromiumWithExtension(profile, extensionDir, {});
    const browser = context.browser();
    if (!browser) throw new Error('no browser behind the persistent context');
    return new Browser(context, id, await browser.newBrowserCDPSession());
  }

  /** The popup's target, once the click opened it (at most 10 s). */
  async popupTarget(): Promise<string> {
    const url = `chrome-extension://${this.extensionId}/popup.html`;
    for (const deadline = Date.now() + 10_000; Date.now() < deadline; ) {
      const { targetInfos } = (await this.cdp.send('Target.getTargets')) as { targetInfos: { targetId: string; url: string }[] };
      const popup = targetInfos.find((t) => t.url === url);
      if (popup) return popup.targetId;
      await new Promise((done) => setTimeout(done, 20));
    }
    throw new Error('the toolbar click opened no popup within 10 s');
  }

  async closeTarget(targetId: string): Promise<void> {
    await this.cdp.send('Target.closeTarget', { targetId }).catch(() => undefined);
  }

  /** Evaluates `expression` in the target (by value). */
  async evaluate(sessionId: string, expression: string): Promise<unknown> {
    const id = ++this.lastId;
    const reply = new Promise<CdpReply>((done) => this.pending.set(id, done));
    await this.cdp.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method: 'Runtime.evaluate', params: { expression, returnByValue: true } }) });
    const message = await reply;
    this.pending.delete(id);
    return message.result?.result?.value;
  }

  /** Clicks the toolbar button on `page` and waits for the popup's answer (at most `limitMs`); closes the popup. */
  async click(page: Page, limitMs: number): Promise<{ answer: PopupAnswer; clickMs: number }> {
    const start = performance.now();
    await clickToolbarButton(this.context, this.extensionId, page.url());
    const targetId = await this.popupTarget();
    const { sessionId } = (await this.cdp.send('Target.attachToTarget', { targetId, flatten: false })) as { sessionId: string };
    try {
      for (const deadline = Date.now() + limitMs; Date.now() < deadline; ) {
        const answer = (await this.evaluate(sessionId, ANSWER_PROBE)) as PopupAnswer | null;
        if (answer) return { answer, clickMs: performance.now() - start };
        await new Promise((done) => setTimeout(done, 15));
      }
      throw new Error(`the popup did not answer within ${limitMs} ms`);
    } finally {
      await this.cdp.send('Target.detachFromTarget', { sessionId }).catch(() => undefined);
      await this.cdp.send('Target.closeTarget', { targetId }).catch(() => undefined);
    }
  }
}

/** The page's main-thread time so far, all of it and running script, in ms (CDP Performance.getMetrics). */
async function mainThreadMs(cdp: CDPSession): Promise<{ task: number; script: number }> {
  const { metrics } = (await cdp.send('Performance.getMetrics')) as { metrics: { name: string; value: number }[] };
  const ms = (name: string) => (metrics.find((m) => m.name === name)?.value ?? 0) * 1000;
  return { task: ms('TaskDuration'), script: ms('ScriptDuration') };
}

const settle = (ms: number) => new Promise((done) => setTimeout(done, ms));

/** A click on `page`, with the page's main-thread time it cost. */
async function timedClick(browser: Browser, page: Page, cdp: CDPSession, limitMs = 15_000): Promise<ClickTiming> {
  await settle(250);
  const before = await mainThreadMs(cdp);
  const { answer, clickMs } = await browser.click(page, limitMs);
  const after = await mainThreadMs(cdp);
  return { pageMs: after.task - before.task, scriptMs: after.script - before.script, readMs: answer.answer - answer.read, snapshotMs: answer.snapshot - answer.read, clickMs, outcome: answer.outcome };
}

/** A click on `page` with a popup that runs nothing: the page-thread ms it cost, 600 ms after the popup opened. */
async function floorClick(browser: Browser, page: Page, cdp: CDPSession): Promise<number> {
  await settle(250);
  const before = await mainThreadMs(cdp);
  await clickToolbarButton(browser.context, browser.extensionId, page.url());
  const targetId = await browser.popupTarget();
  await settle(600);
  const after = await mainThreadMs(cdp);
  await browser.closeTarget(targetId);
  return after.task - before.task;
}

/** The page of e2e/hostile.test.ts: an article, then 100,000 rows of two elements each. */
function bigPage(): string {
  const rows: string[] = [];
  for (let i = 0; i < 100_000; i++) rows.push(`<div class="row"><span>Item ${i}: harbour ferry ticket, adult return, weekday off-peak, price unchanged since last season (${i % 1000} pence)</span></div>`);
  const article = '<article><h1>Every price, ever</h1><p>The council published every ferry price it has ever charged, one line per ticket, so that residents can check the increases for themselves.</p></article>';
  return `<!DOCTYPE html><html><head><title>Every price, ever</title></head><body>${article}<section>${rows.join('\n')}</section></body></html>`;
}

/** Records the page's long tasks from now on (in its main world). */
function watchLongTasks(): number {
  const w = window as unknown as { __longTasks: number[] };
  w.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) w.__longTasks.push(entry.duration);
  }).observe({ type: 'longtask' });
  return performance.now();
}

if (import.meta.filename === process.argv[1]) {
  const { values, positionals } = parseArgs({
    allowPositionals: true,
    options: { runs: { type: 'string', default: '3' }, pages: { type: 'string' }, 'skip-corpus': { type: 'boolean' }, 'skip-big': { type: 'boolean' }, floor: { type: 'boolean' } },
  });
  const runs = Math.max(1, Number(values.runs));
  const only = values.pages?.split(',').filter(Boolean) ?? [];
  const built = await buildExtension(['chrome-test']);
  const profile = await mkdtemp(path.join(tmpdir(), 'readonce-bench-click-'));
  const profiles = [profile];
  let browser = await Browser.start(built['chrome-test']!, profile);
  let current = { url: '', html: '' };
  const serve = (context: BrowserContext) =>
    context.route('**/*', (route) =>
      route.request().url() === current.url && route.request().isNavigationRequest()
        ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', headers: { 'content-security-policy': "script-src 'none'" }, body: current.html })
        : route.abort(),
    );
  await serve(browser.context);
  const open = async (url: string, html: string): Promise<{ page: Page; cdp: CDPSession }> => {
    current = { url: new URL(url).href, html };
    const page = await browser.context.newPage();
    await page.goto(current.url, { waitUntil: 'load', timeout: 60_000 });
    const cdp = await browser.context.newCDPSession(page);
    await cdp.send('Performance.enable');
    return { page, cdp };
  };
  const baselines = new Map<string, number>();
  try {
    if (!values['skip-corpus']) {
      const baseline = await readabilityBundle();
      const dir = corpusDir(positionals[0]);
      const pages = [...readCorpus(dir)].filter((p) => only.length === 0 || only.some((id) => p.id.startsWith(id)));
      const pageRatios: number[] = [];
      const scriptRatios: number[] = [];
      const readRatios: number[] = [];
      const outcomes = new Map<string, number>();
      console.log(`Toolbar clicks in Chromium on ${dir} (${pages.length} pages; per page the median of ${runs} clicks and of ${runs} baseline runs)\n`);
      console.log('| page | clone + parse ms | page thread ms | of it, script | ratio | click to article ms | of it, to the snapshot | ratio | answer |');
      console.log('|---|---|---|---|---|---|---|---|---|');
      for (const { id, url, html } of pages) {
        const { page, cdp } = await open(url, html);
        try {
          await page.evaluate(baseline);
          await page.evaluate('globalThis.__name ??= (f) => f');
          const base = await page.evaluate(timeBaseline, runs);
          baselines.set(id, base);
          const clicks: ClickTiming[] = [];
          for (let i = 0; i < runs; i++) clicks.push(await timedClick(browser, page, cdp));
          const pageMs = median(clicks.map((c) => c.pageMs));
          const scriptMs = median(clicks.map((c) => c.scriptMs));
          const readMs = median(clicks.map((c) => c.readMs));
          const snapshotMs = median(clicks.map((c) => c.snapshotMs));
          const outcome = clicks[0]!.outcome;
          outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
          pageRatios.push(pageMs / base);
          scriptRatios.push(scriptMs / base);
          readRatios.push(readMs / base);
          console.log(`| ${id.slice(0, 10)} | ${base.toFixed(1)} | ${pageMs.toFixed(1)} | ${scriptMs.toFixed(1)} | ${(pageMs / base).toFixed(2)} | ${readMs.toFixed(0)} | ${snapshotMs.toFixed(0)} | ${(readMs / base).toFixed(2)} | ${outcome} |`);
        } finally {
          await page.close();
        }
      }
      console.log(`\nPer-page ratio to clone + Readability.parse in the same page (${pageRatios.length} pages; answers: ${[...outcomes].map(([k, n]) => `${k} ${n}`).join(', ')}):\n`);
      console.log('| per-page ratio | page-thread time of a click | of it, script | click to article |');
      console.log('|---|---|---|---|');
      console.log(`| median | ${median(pageRatios).toFixed(3)} | ${median(scriptRatios).toFixed(3)} | ${median(readRatios).toFixed(3)} |`);
      console.log(`| p90 | ${quantile(pageRatios, 0.9).toFixed(3)} | ${quantile(scriptRatios, 0.9).toFixed(3)} | ${quantile(readRatios, 0.9).toFixed(3)} |`);
      console.log('');
    }
    if (!values['skip-big']) {
      const { page, cdp } = await open('https://bench.readonce.test/every-price.html', bigPage());
      try {
        const elements = await page.evaluate(() => document.getElementsByTagName('*').length);
        await page.evaluate('globalThis.__name ??= (f) => f');
        await page.evaluate(watchLongTasks);
        const click = await timedClick(browser, page, cdp, 30_000);
        await settle(500);
        const longTasks = await page.evaluate(() => (window as unknown as { __longTasks: number[] }).__longTasks);
        const longest = longTasks.length > 0 ? Math.max(...longTasks) : 0;
        console.log(`The ${elements.toLocaleString('en')}-element page: longest task of the page's main thread ${longest.toFixed(0)} ms (${longTasks.length} tasks over 50 ms), ` +
          `page-thread time ${click.pageMs.toFixed(0)} ms; the popup answered "${click.outcome}" ${(click.clickMs / 1000).toFixed(1)} s after the click (${(click.readMs / 1000).toFixed(1)} s after its request)`);
      } finally {
        await page.close();
      }
    }
    if (values.floor && baselines.size > 0) {
      // The same build with a popup that is an empty page, in a browser of its own.
      const noop = await mkdtemp(path.join(tmpdir(), 'readonce-bench-noop-'));
      await cp(built['chrome-test']!, noop, { recursive: true });
      await writeFile(path.join(noop, 'popup.html'), '<!doctype html><meta charset="utf-8"><title>empty</title>');
      await browser.context.close();
      const noopProfile = await mkdtemp(path.join(tmpdir(), 'readonce-bench-click-'));
      profiles.push(noopProfile);
      browser = await Browser.start(noop, noopProfile);
      await serve(browser.context);
      const floorRatios: number[] = [];
      const floorMs: number[] = [];
      for (const { id, url, html } of readCorpus(corpusDir(positionals[0]))) {
        const base = baselines.get(id);
        if (base === undefined) continue;
        const { page, cdp } = await open(url, html);
        try {
          const clicks: number[] = [];
          for (let i = 0; i < runs; i++) clicks.push(await floorClick(browser, page, cdp));
          floorMs.push(median(clicks));
          floorRatios.push(median(clicks) / base);
        } finally {
          await page.close();
        }
      }
      await rm(noop, { recursive: true, force: true });
      console.log(`A click whose popup runs nothing costs the page's main thread, per page: median ${median(floorMs).toFixed(1)} ms, ` +
        `${median(floorRatios).toFixed(3)} of clone + parse (p90 ${quantile(floorRatios, 0.9).toFixed(3)}; ${floorRatios.length} pages)\n`);
    }
  } finally {
    await browser.context.close();
    for (const dir of profiles) await rm(dir, { recursive: true, force: true });
  }
}
