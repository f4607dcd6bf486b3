/**
 * What happens to a page's DOM once it is parsed, as its own scripts could see it: a MutationObserver started
 * at DOMContentLoaded (the parser's own insertions are over by then), so on a page without scripts of its own
 * every record is ReadOnce's. Installed before the page loads (Playwright's addInitScript, Puppeteer's
 * evaluateOnNewDocument); read with `evaluate(pageChanges)`. Used by the auto-open tests: a hidden reader frame
 * that judged "no article" must leave nothing behind.
 */

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
