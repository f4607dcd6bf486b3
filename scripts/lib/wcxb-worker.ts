/**
 * One eval:wcxb page in a worker thread: the page's text as ReadOnce gives it and as Readability alone gives
 * it, from two parses of the same HTML (the engine prunes its parse in place, as batch does).
 */
import { splitBlocks } from '../../src/core/blocks.ts';
import { textBlocks } from '../../src/core/format.ts';
import { closeWindow, parseHtml } from '../../src/node/index.ts';
import { cleanOrRefuse, readabilityArticle } from './run.ts';
import { parentPort, workerData } from 'node:worker_threads';
import { readHtml } from './wcxb.ts';

export interface WcxbPageText {
  id: string;
  ours: string;
  /** The page type the engine read, or the refusal's code. */
  read: string;
  base: string;
  /** How long the engine's clean took, in ms. */
  ms: number;
}

export function textsOf({ dir, id, url: given }: { dir: string; id: string; url: string }): WcxbPageText {
  const html = readHtml(dir, id);
  const url = URL.canParse(given) ? given : undefined;
  const baseDoc = parseHtml(html, url);
  const article = readabilityArticle(baseDoc);
  const base = article ? splitBlocks(article).map((b) => (b.el.textContent ?? '').replace(/\s+/gu, ' ').trim()).join('\n') : '';
  closeWindow(baseDoc);
  const doc = parseHtml(html, url);
  const started = performance.now();
  const result = cleanOrRefuse(doc, { copy: 'in-place', markdown: false });
  const ms = performance.now() - started;
  closeWindow(doc);
  if (result instanceof Error) return { id, ours: '', read: result.code, base, ms };
  const read = (result as { pageType?: string }).pageType ?? 'article';
  return { id, ours: textBlocks(result.blocks).join('\n'), read, base, ms };
}

// Run as a worker thread: a chunk of pages, a message per page, then the thread ends, and the heap with it
// (jsdom keeps parts of every closed window; one thread over all 1,497 pages ran out of a 4 GB heap).
if (parentPort && workerData) {
  const { dir, pages } = workerData as { dir: string; pages: Array<{ id: string; url: string }> };
  for (const page of pages) parentPort.postMessage(textsOf({ dir, ...page }));
}
