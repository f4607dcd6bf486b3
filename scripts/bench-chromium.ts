/**
 * Speed where readers run it: the engine in Chromium, on the live DOM of each page.
 *   node --import tsx scripts/bench-chromium.ts [DIR] [--runs N] [--stages] [--copy clone|walk] [--pages id,id…]
 * The engine (src/core) is bundled by esbuild as one script and evaluated in the page, as the content script
 * is; each page is served at its own address by the browser context, its scripts blocked by a CSP and every
 * other request refused. Per page, the median
 * of `cleanDocument(document)` is divided by the median of what every reader mode runs,
 * `new Readability(document.cloneNode(true)).parse()`, both timed in the page with performance.now().
 * --stages also splits ReadOnce's time: the working copy, Readability on it (as the engine calls it), DOMPurify
 * on the article Readability returns, and the rest (blocks, rules, removals). `npm run bench` prints the
 * ratios beside jsdom's.
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { build } from 'esbuild';
import { type CDPSession, chromium, type Page } from 'playwright';

export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

/** What the popup and the reader ask of the engine (src/engine-page/clean-snapshot.ts): the Markdown is rendered on demand. */
export const CONTENT_SCRIPT_OPTIONS = { markdown: false };

/** Median in ms of each measure on one page. */
export interface ChromiumTiming {
  ours: number;
  base: number;
  stages?: { copy: number; parse: number; sanitize: number; rest: number };
}

/** The engine and Readability as one IIFE that sets globalThis.__readOnceBench. */
export function engineBundle(): Promise<string> {
  return pageBundle(`
    import { Readability } from '@mozilla/readability';
    import { cleanDocument } from './src/core/index.ts';
    import { workingCopy } from './src/core/working-copy/index.ts';
    import { sanitizeInPlace } from './src/core/sanitize.ts';
    globalThis.__readOnceBench = { Readability, cleanDocument, workingCopy, sanitizeInPlace };`);
}

/** `contents`, a module whose imports are relative to the repository, bundled by esbuild as one IIFE for a page. */
export async function pageBundle(contents: string): Promise<string> {
  const out = await build({
    stdin: { contents, resolveDir: path.resolve(import.meta.dirname, '..'), loader: 'ts' },
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: 'chrome120',
    write: false,
    loader: { '.json': 'json' },
    define: { __READONCE_BROWSER__: '"chrome"' },
  });
  return out.outputFiles[0]!.text;
}

/** What runs in the page: warm-up, then `runs` alternating timings of both; medians back. */
function timeInPage({ runs, stages, options }: { runs: number; stages: boolean; options: Record<string, unknown> }): ChromiumTiming {
  type Bench = {
    Readability: new (doc: Document, options?: unknown) => { parse(): { content?: unknown } | null };
    cleanDocument: (doc: Document, options: Record<string, unknown>) => unknown;
    workingCopy: (doc: Document, copy?: unknown) => { doc: Document };
    sanitizeInPlace: (win: Window, root: Element) => void;
  };
  const bench = (globalThis as unknown as { __readOnceBench: Bench }).__readOnceBench;
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
  const time = (fn: () => void) => {
    const start = performance.now();
    fn();
    return performance.now() - start;
  };
  const ours = () => {
    try {
      bench.cleanDocument(document, options);
    } catch (e) {
      if ((e as Error).name !== 'ReadOnceError') throw e;
    }
  };
  const base = () => new bench.Readability(document.cloneNode(true) as Document).parse();
  ours();
  base();
  const o: number[] = [];
  const b: number[] = [];
  for (let i = 0; i < runs; i++) {
    b.push(time(base));
    o.push(time(ours));
  }
  const result: ChromiumTiming = { ours: median(o), base: median(b) };
  if (stages) {
    const copy: number[] = [];
    const parse: number[] = [];
    const sanitize: number[] = [];
    for (let i = 0; i < runs; i++) {
      let doc: Document | undefined;
      let content: unknown;
      copy.push(time(() => (doc = bench.workingCopy(document, options.copy ?? 'walk').doc)));
      // As cleanCopy (src/core/clean.ts) calls it: the article as an element, its classes kept for the rules.
      parse.push(time(() => (content = new bench.Readability(doc!, { serializer: (el: Element) => el, keepClasses: true }).parse()?.content)));
      sanitize.push(content instanceof Element ? time(() => bench.sanitizeInPlace(window, content as Element)) : 0);
    }
    const stages = { copy: median(copy), parse: median(parse), sanitize: median(sanitize) };
    result.stages = { ...stages, rest: Math.max(0, result.ours - stages.copy - stages.parse - stages.sanitize) };
  }
  return result;
}

/**
 * One timing in a world of its own, as a content script runs: `kind` 'ours' or 'base', once, on the live
 * document, with no DOM wrappers or compiled code left by an earlier run in that world (unless `warm`).
 */
function timeOnce({ kind, options, warm }: { kind: 'ours' | 'base'; options: Record<string, unknown>; warm: boolean }): number {
  type Bench = { Readability: new (doc: Document) => { parse(): unknown }; cleanDocument: (doc: Document, options: Record<string, unknown>) => unknown };
  const bench = (globalThis as unknown as { __readOnceBench: Bench }).__readOnceBench;
  const run = () => {
    if (kind === 'base') {
      new bench.Readability(document.cloneNode(true) as Document).parse();
      return;
    }
    try {
      bench.cleanDocument(document, options);
    } catch (e) {
      if ((e as Error).name !== 'ReadOnceError') throw e;
    }
  };
  if (warm) run();
  const start = performance.now();
  run();
  return performance.now() - start;
}

/**
 * A headless Chromium tab that shows corpus pages at their own address, so links resolve as they did, with
 * nothing else loaded. The page's own scripts stay off (they would fetch, rewrite and time out offline) by its
 * CSP, which does not bind what the bench evaluates; turning JavaScript off instead would stop DOMPurify's
 * callbacks.
 */
export async function corpusTab(): Promise<{ page: Page; cdp: CDPSession; show: (url: string, html: string) => Promise<void>; close: () => Promise<void> }> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: ['--no-sandbox', '--disable-gpu'] });
  const context = await browser.newContext();
  let current = { url: '', html: '' };
  await context.route('**/*', (route) =>
    route.request().url() === current.url && route.request().isNavigationRequest()
      ? route.fulfill({ status: 200, contentType: 'text/html; charset=utf-8', headers: { 'content-security-policy': "script-src 'none'" }, body: current.html })
      : route.abort(),
  );
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  const show = async (url: string, html: string) => {
    current = { url: new URL(url).href, html };
    await page.goto(current.url, { waitUntil: 'domcontentloaded' });
  };
  return { page, cdp, show, close: () => browser.close() };
}

/** Times each page in one headless Chromium; yields as it goes. */
export async function* timeInChromium(
  pages: Iterable<{ id: string; url: string; html: string }>,
  { runs = 3, stages = false, options = {} as Record<string, unknown>, worlds = false, warm = false } = {},
): AsyncGenerator<{ id: string } & ChromiumTiming> {
  const bundle = await engineBundle();
  const { page, cdp, show, close } = await corpusTab();
  try {
    let worldCount = 0;
    const inNewWorld = async (kind: 'ours' | 'base'): Promise<number> => {
      const { frameTree } = (await cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
      const { executionContextId: contextId } = await cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: `readonce-bench-${worldCount++}` });
      await cdp.send('Runtime.evaluate', { expression: `${bundle};globalThis.__name ??= (f) => f`, contextId });
      const { result, exceptionDetails } = await cdp.send('Runtime.evaluate', {
        expression: `(${timeOnce.toString()})(${JSON.stringify({ kind, options, warm })})`,
        contextId,
        returnByValue: true,
      });
      if (exceptionDetails) throw new Error(exceptionDetails.exception?.description ?? exceptionDetails.text);
      return result.value as number;
    };
    for (const { id, url, html } of pages) {
      // A new navigation per page: a document written over the last one would keep its globals.
      await show(url, html);
      if (worlds) {
        const o: number[] = [];
        const b: number[] = [];
        for (let i = 0; i < runs; i++) {
          b.push(await inNewWorld('base'));
          o.push(await inNewWorld('ours'));
        }
        const { median } = await import('./lib/stats.ts');
        yield { id, ours: median(o), base: median(b) };
        continue;
      }
      await page.evaluate(bundle);
      // tsx (esbuild's keepNames) wraps the functions of timeInPage in __name(): give the page one.
      await page.evaluate('globalThis.__name ??= (f) => f');
      yield { id, ...(await page.evaluate(timeInPage, { runs, stages, options })) };
    }
  } finally {
    await close();
  }
}

export const chromiumAvailable = (): boolean => existsSync(CHROMIUM);

if (import.meta.filename === process.argv[1]) {
  const { median, quantile } = await import('./lib/stats.ts');
  const { corpusDir, readCorpus } = await import('./lib/corpus.ts');
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { runs: { type: 'string', default: '5' }, stages: { type: 'boolean' }, copy: { type: 'string' }, worlds: { type: 'boolean' }, warm: { type: 'boolean' }, pages: { type: 'string' } } });
  const only = values.pages?.split(',').filter(Boolean) ?? [];
  const pages = [...readCorpus(corpusDir(positionals[0]))].filter((p) => only.length === 0 || only.some((id) => p.id.startsWith(id)));
  const ratios: number[] = [];
  // Per page: the working copy + Readability on it, then that + DOMPurify on the article. Every clean does these
  // three whatever its rules do, so the second is the least a clean can cost against the baseline.
  const readingRatios: number[] = [];
  const floorRatios: number[] = [];
  const share = { copy: 0, parse: 0, sanitize: 0, rest: 0, ours: 0 };
  console.log(`| page | ReadOnce ms | clone + parse ms | ratio${values.stages ? ' | copy ms | parse of the copy ms | DOMPurify ms | rest ms' : ''} |`);
  console.log(`|---|---|---|---${values.stages ? '|---|---|---|---' : ''}|`);
  for await (const t of timeInChromium(pages, { runs: Number(values.runs), stages: values.stages, options: { ...CONTENT_SCRIPT_OPTIONS, ...(values.copy ? { copy: values.copy } : {}) }, worlds: values.worlds, warm: values.warm })) {
    ratios.push(t.ours / t.base);
    const s = t.stages;
    if (s) {
      readingRatios.push((s.copy + s.parse) / t.base);
      floorRatios.push((s.copy + s.parse + s.sanitize) / t.base);
      for (const k of ['copy', 'parse', 'sanitize', 'rest'] as const) share[k] += s[k];
      share.ours += t.ours;
    }
    console.log(`| ${t.id.slice(0, 10)} | ${t.ours.toFixed(1)} | ${t.base.toFixed(1)} | ${(t.ours / t.base).toFixed(2)}${s ? ` | ${s.copy.toFixed(1)} | ${s.parse.toFixed(1)} | ${s.sanitize.toFixed(1)} | ${s.rest.toFixed(1)}` : ''} |`);
  }
  console.log(`\nChromium, per-page ratio ReadOnce / (clone + Readability.parse): median ${median(ratios).toFixed(3)}, p90 ${quantile(ratios, 0.9).toFixed(3)} (${ratios.length} pages)`);
  if (values.stages) {
    const of = (k: keyof typeof share) => (share[k] / share.ours).toFixed(2);
    console.log(`Share of ReadOnce's time: copy ${of('copy')}, parse ${of('parse')}, DOMPurify ${of('sanitize')}, rest ${of('rest')}`);
    console.log(`Working copy + Readability on it / (clone + Readability.parse), per page: median ${median(readingRatios).toFixed(3)}, p90 ${quantile(readingRatios, 0.9).toFixed(3)}`);
    console.log(`Working copy + Readability on it + DOMPurify on the article / (clone + Readability.parse), per page: median ${median(floorRatios).toFixed(3)}, p90 ${quantile(floorRatios, 0.9).toFixed(3)}`);
  }
}
