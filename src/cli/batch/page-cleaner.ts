/**
 * Cleans one page after another in one jsdom window. Starting Node and a jsdom window costs more than
 * cleaning a typical page, so a worker keeps its window: each page is parsed into a fresh Document of that
 * window (DOMParser, after pointing the window at the page's URL so links resolve as with a window of its
 * own); the window's own document is never written to, so nothing of one page is left for the next.
 *
 * The window is replaced every WINDOW_PAGES pages all the same: jsdom 27 tracks every element with an id or
 * a name of every document of a window (for `window[name]`, lib/jsdom/living/window-properties.js) and lets
 * go only when the element is detached, so documents parsed into one window are never freed: about 6 MB a
 * dev page stays on the heap while the window lives (the worker's event loop must also turn between pages,
 * see run.ts). A window costs a few milliseconds to make, against a hundred or more for a page; every 4
 * pages rather than 16, two workers on 176 dev pages used about 4% less CPU (29.4 against 30.7 s, two runs
 * each) and peaked at 1.06-1.32 GB of RSS rather than 1.41, as the collector has fewer dead pages to keep.
 */
import { JSDOM, VirtualConsole } from 'jsdom';
import { countedBlocks } from '../../core/memory/index.ts';
import { toMarkdown } from '../../core/render.ts';
import { BLOCK_ID_ATTR } from '../../core/sanitize.ts';
import { cleanDocument, cleanText, ReadOnceError, type CleanResult, type Removal } from '../../node/index.ts';
import { decode, looksLikeHtml } from '../input.ts';
import { formatResult } from '../format.ts';
import type { DropTask, PageOutcome, PageTask } from './types.ts';

export const WINDOW_PAGES = 4;

function blankWindow(): JSDOM {
  return new JSDOM('<!doctype html><title></title>', { url: 'about:blank', virtualConsole: new VirtualConsole() });
}

export class PageCleaner {
  private dom = blankWindow();
  private pagesInWindow = 0;

  clean(task: Omit<PageTask, 'started'>): PageOutcome {
    if (++this.pagesInWindow > WINDOW_PAGES) {
      this.dom.window.close();
      this.dom = blankWindow();
      this.pagesInWindow = 1;
    }
    try {
      const { html, source } = this.read(task);
      if (source.trim() === '') return { ok: false, code: 'empty-input', message: 'The input is empty.' };
      const window = this.dom.window;
      const options = { ...(task.url ? { url: task.url } : {}), keep: task.keep, document: window.document, ...(task.maxElements ? { maxElements: task.maxElements } : {}) };
      let result;
      if (html) {
        this.dom.reconfigure({ url: task.url ?? 'about:blank' });
        const page = new window.DOMParser().parseFromString(source, 'text/html');
        // The page's document is parsed for this clean alone: pruned in place, not copied first.
        result = cleanDocument(page, { ...options, copy: 'in-place' });
      } else {
        result = cleanText(source, options);
      }
      return {
        ok: true,
        result,
        ...(task.render ? { rendered: formatResult(result, task.render) } : {}),
        ...(task.fingerprints ? { counted: countedBlocks(result.blocks) } : {}),
      };
    } catch (e) {
      if (e instanceof ReadOnceError) return { ok: false, code: e.code, message: e.message };
      return { ok: false, code: 'failed', message: `could not clean this input: ${e instanceof Error ? e.message : String(e)}` };
    }
  }

  /**
   * The result without the blocks in `removals`: out of `blocks`, `html` and `markdown`, into `removed`. The
   * elements are found by the id the engine put on them, in the article's own (already sanitised) HTML.
   */
  drop({ drop: { result, removals, render } }: DropTask): PageOutcome {
    const gone = new Set<string>(removals.map((r) => r.id));
    // An engine removal that stood after a block now dropped stands after that block's own anchor.
    const anchor = new Map<string, Removal['after']>(removals.map((r) => [r.id, r.after]));
    const root = this.dom.window.document.createElement('div');
    // eslint-disable-next-line no-unsanitized/property -- the engine's own sanitised html, into jsdom with scripts off
    root.innerHTML = result.html;
    for (const el of Array.from(root.querySelectorAll(`[${BLOCK_ID_ATTR}]`))) {
      const id = el.getAttribute(BLOCK_ID_ATTR)!;
      if (!gone.has(id)) continue;
      removals.find((r) => r.id === id)!.html = el.outerHTML;
      let parent = el.parentElement;
      el.remove();
      // A list or quote left with nothing in it goes too, as the engine does for its own removals.
      while (parent && parent !== root && parent.firstElementChild === null && (parent.textContent ?? '').trim() === '') {
        const up: HTMLElement | null = parent.parentElement;
        parent.remove();
        parent = up;
      }
    }
    const dropped: CleanResult = {
      ...result,
      blocks: result.blocks.filter((b) => !gone.has(b.id)),
      removed: [...result.removed.map((r) => (r.after !== null && anchor.has(r.after) ? { ...r, after: anchor.get(r.after)! } : r)), ...removals],
      html: root.innerHTML,
      markdown: toMarkdown(result.title, root),
    };
    return { ok: true, result: dropped, ...(render ? { rendered: formatResult(dropped, render) } : {}) };
  }

  private read(task: Omit<PageTask, 'started'>): { html: boolean; source: string } {
    if (typeof task.body === 'string') {
      return { html: task.kind === 'html' || (task.kind === 'auto' && looksLikeHtml(Buffer.from(task.body.slice(0, 4096)))), source: task.body };
    }
    const html = task.kind === 'html' || (task.kind === 'auto' && looksLikeHtml(task.body));
    return { html, source: decode(task.body, html) };
  }
}
