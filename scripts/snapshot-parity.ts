/**
 * Does the engine read a page's snapshot as it read the live page? In headless Chromium, per corpus page (at its
 * own address, its scripts kept off by a CSP): the built content.js serialises the page in an isolated world, as
 * a click does, and the engine document's clean of that markup (src/engine-page: DOMParser, in place) is
 * compared with cleanDocument on the live DOM, as the content script ran it until issue 18. Prints the pages
 * whose title, byline, blocks or removals differ, and what differs. --peer DIR does the same on the peer
 * suites' pages (../shared/peer-dev: Readability's and Defuddle's test pages).
 *   node --import tsx scripts/snapshot-parity.ts [DIR] [--pages id,…] [--peer DIR]
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { corpusTab, pageBundle } from './bench-chromium.ts';
import { build as buildExtension } from './build.mjs';
import { corpusDir, readCorpus } from './lib/corpus.ts';
import { peerDir, readPeerPages } from './lib/peer.ts';

interface Reading {
  ok: boolean;
  problem?: string;
  title?: string;
  byline?: string | null;
  blocks?: string[];
  removed?: string[];
}

/** Both cleans, as one IIFE that sets globalThis.__parity in the page's main world. */
function bundle(): Promise<string> {
  return pageBundle(`
        import { cleanDocument } from './src/core/index.ts';
        import { cleanSnapshot } from './src/engine-page/clean-snapshot.ts';
        const reading = (run) => {
          try {
            const r = run();
            if (r.ok === false) return { ok: false, problem: r.problem };
            const result = r.result ?? r;
            return { ok: true, title: result.title, byline: result.byline, blocks: result.blocks.map((b) => b.kind + ': ' + b.text), removed: result.removed.map((x) => x.reason + ': ' + x.text) };
          } catch (e) {
            return { ok: false, problem: e.code ?? String(e) };
          }
        };
        globalThis.__parity = {
          live: () => reading(() => cleanDocument(document, { markdown: false })),
          snapshot: (markup) => reading(() => cleanSnapshot(window, { type: 'clean', id: 1, keep: [], keptEverything: false,
            snapshot: { url: location.href, baseUrl: document.baseURI, contentType: document.contentType, dir: null, markup } })),
        };`);
}

/** What is in one list and not in the other, each side at most `limit` items. */
function difference(a: readonly string[], b: readonly string[], limit = 3): { only: string[]; onlyOther: string[] } {
  const count = (xs: readonly string[]) => xs.reduce((m, x) => m.set(x, (m.get(x) ?? 0) + 1), new Map<string, number>());
  const ca = count(a);
  const cb = count(b);
  const only = [...ca].filter(([x, n]) => n > (cb.get(x) ?? 0)).map(([x]) => x);
  const onlyOther = [...cb].filter(([x, n]) => n > (ca.get(x) ?? 0)).map(([x]) => x);
  const short = (x: string) => (x.length > 100 ? `${x.slice(0, 100)}…` : x);
  return { only: only.slice(0, limit).map(short), onlyOther: onlyOther.slice(0, limit).map(short) };
}

if (import.meta.filename === process.argv[1]) {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { pages: { type: 'string' }, peer: { type: 'string' } } });
  const only = values.pages?.split(',').filter(Boolean) ?? [];
  const built = await buildExtension(['chrome-test']);
  const content = await readFile(path.join(built['chrome-test']!, 'content.js'), 'utf8');
  const code = await bundle();
  const tab = await corpusTab();
  let same = 0;
  let pages = 0;
  const differing: string[] = [];
  try {
    const source = values.peer !== undefined
      ? Array.from(readPeerPages(peerDir(values.peer)), (p) => ({ id: `${p.suite}/${p.name}`, url: p.url, html: p.html }))
      : readCorpus(corpusDir(positionals[0]));
    for (const { id, url, html } of source) {
      if (only.length > 0 && !only.some((prefix) => id.startsWith(prefix))) continue;
      pages++;
      await tab.show(url, html);
      const { frameTree } = (await tab.cdp.send('Page.getFrameTree')) as { frameTree: { frame: { id: string } } };
      const { executionContextId: contextId } = await tab.cdp.send('Page.createIsolatedWorld', { frameId: frameTree.frame.id, worldName: 'parity' });
      await tab.cdp.send('Runtime.evaluate', { expression: content, contextId });
      const ask = async (request: unknown) =>
        ((await tab.cdp.send('Runtime.evaluate', { expression: `globalThis[Symbol.for('readonce.contentScript')](${JSON.stringify(request)})`, contextId, awaitPromise: true, returnByValue: true })).result.value) as {
          ok: boolean; part: string; snapshot: { id: string; parts: number };
        };
      const first = await ask({ type: 'snapshot' });
      const parts = [first.part];
      for (let index = 1; index < first.snapshot.parts; index++) parts.push((await ask({ type: 'snapshot-part', id: first.snapshot.id, index })).part);
      await tab.page.evaluate(code);
      const live = (await tab.page.evaluate('__parity.live()')) as Reading;
      const fromSnapshot = (await tab.page.evaluate(`__parity.snapshot(${JSON.stringify(parts.join(''))})`)) as Reading;
      const notes: string[] = [];
      if (live.ok !== fromSnapshot.ok || live.problem !== fromSnapshot.problem) notes.push(`answer ${live.problem ?? 'article'} / ${fromSnapshot.problem ?? 'article'}`);
      if (live.title !== fromSnapshot.title) notes.push(`title ${JSON.stringify(live.title)} / ${JSON.stringify(fromSnapshot.title)}`);
      if (live.byline !== fromSnapshot.byline) notes.push(`byline ${JSON.stringify(live.byline)} / ${JSON.stringify(fromSnapshot.byline)}`);
      for (const key of ['blocks', 'removed'] as const) {
        const d = difference(live[key] ?? [], fromSnapshot[key] ?? []);
        if (d.only.length + d.onlyOther.length > 0) notes.push(`${key} (${live[key]?.length ?? 0} / ${fromSnapshot[key]?.length ?? 0}): live only ${JSON.stringify(d.only)}; snapshot only ${JSON.stringify(d.onlyOther)}`);
      }
      if (notes.length === 0) same++;
      else differing.push(`- ${values.peer !== undefined ? id : id.slice(0, 10)}: ${notes.join('; ')}`);
    }
  } finally {
    await tab.close();
  }
  console.log(`Same title, byline, blocks and removals from the snapshot as from the live page: ${same} of ${pages} pages`);
  if (differing.length > 0) console.log(`\n${differing.join('\n')}`);
}
