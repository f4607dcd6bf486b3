/**
 * What happens to a page's DOM once it is parsed, as its own scripts could see it: a MutationObserver started
 * at DOMContentLoaded (the parser's own insertions are over by then), so on a page without scripts of its own
 * every record is ReadOnce's. Installed before the page loads (Playwright's addInitScript, Puppeteer's
 * evaluateOnNewDocument); read with `evaluate(pageChanges)`. Used by the auto-open tests: a hidden reader frame
 * that judged "no article" must leave nothing behind.
 */
import assert from 'node:assert/strict';

export interface PageChange {
  op: 'added' | 'removed' | 'attribute' | 'text';
  /** The node added, removed or changed (localName, or #text), and its parent's. */
  node: string;
  parent: string;
  /** For an added element: its src, and whether it could be seen when it came. */
  src?: string | null;
  visibility?: string;
}

export interface PageChanges {
  changes: PageChange[];
  /** Whether the page's markup now is what it was at DOMContentLoaded. */
  sameMarkup: boolean;
  /** document.activeElement's localName. */
  focused: string | null;
  scrollY: number;
}

/** Runs in the page before its own scripts. No named inner functions: tsx would wrap them in a helper the page lacks. */
export function recordPageChanges(): void {
  const w = window as unknown as { __changes?: PageChange[]; __markup?: string };
  const changes: PageChange[] = [];
  w.__changes = changes;
  document.addEventListener('DOMContentLoaded', () => {
    w.__markup = document.documentElement.outerHTML;
    new MutationObserver((records) => {
      for (const record of records) {
        const parent = record.target.nodeName.toLowerCase();
        if (record.type === 'attributes') changes.push({ op: 'attribute', node: `${parent}[${record.attributeName ?? ''}]`, parent });
        if (record.type === 'characterData') changes.push({ op: 'text', node: '#text', parent: record.target.parentNode?.nodeName.toLowerCase() ?? '' });
        for (const node of record.addedNodes) {
          const element = node instanceof Element ? node : null;
          changes.push({
            op: 'added',
            node: node.nodeName.toLowerCase(),
            parent,
            src: element?.getAttribute('src') ?? null,
            visibility: element ? getComputedStyle(element).visibility : '',
          });
        }
        for (const node of record.removedNodes) changes.push({ op: 'removed', node: node.nodeName.toLowerCase(), parent });
      }
    }).observe(document, { subtree: true, childList: true, attributes: true, characterData: true });
  });
}

/**
 * That a page judged "not an article" was left as it was: its DOM changed by nothing but, when the reader was
 * judged in a frame (`frames`, 1 or 0), the hidden pending reader frame added to <html> and removed again; its markup,
 * focus and scroll as before.
 */
export function assertLeftAlone(seen: PageChanges, path: string, frames: number): void {
  const hidden = { op: 'added', node: 'iframe', parent: 'html', visibility: 'hidden' };
  const expected = frames ? [hidden, { op: 'removed', node: 'iframe', parent: 'html' }] : [];
  assert.deepEqual(seen.changes.map(({ src: _src, ...change }) => change), expected, `${path}: ${JSON.stringify(seen.changes)}`);
  if (frames) assert.match(seen.changes[0]?.src ?? '', /\/reader\.html\?pending#/u, 'the hidden frame was the pending reader');
  assert.deepEqual({ sameMarkup: seen.sameMarkup, focused: seen.focused, scrollY: seen.scrollY }, { sameMarkup: true, focused: 'body', scrollY: 0 }, path);
}

/** Runs in the page: what recordPageChanges saw, and the page's state now. */
export function pageChanges(): PageChanges {
  const w = window as unknown as { __changes?: PageChange[]; __markup?: string };
  return {
    changes: w.__changes ?? [],
    sameMarkup: w.__markup === document.documentElement.outerHTML,
    focused: document.activeElement?.localName ?? null,
    scrollY: window.scrollY,
  };
}
