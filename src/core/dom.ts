/**
 * Walking children by sibling links. Spreading or iterating a live collection (children, childNodes,
 * getElementsByTagName) re-validates it at every step in jsdom, which is quadratic on a long article.
 */
export function childNodesOf(node: Node): Node[] {
  const out: Node[] = [];
  for (let child = node.firstChild; child; child = child.nextSibling) out.push(child);
  return out;
}

export function childElementsOf(el: Element): Element[] {
  const out: Element[] = [];
  for (let child = el.firstElementChild; child; child = child.nextElementSibling) out.push(child);
  return out;
}

/**
 * Visits the subtree's elements, the root included, in document order, until `visit` returns true; returns
 * that element. By sibling links: index access on jsdom's getElementsByTagName re-walks the tree.
 */
export function walkElements(root: Element, visit: (el: Element) => boolean | void): Element | null {
  let el: Element | null = root;
  while (el) {
    if (visit(el) === true) return el;
    let next: Element | null = el.firstElementChild;
    while (!next && el && el !== root) {
      next = el.nextElementSibling;
      if (!next) el = el.parentElement;
    }
    if (!next) return null;
    el = next;
  }
  return null;
}

export const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING, without a window at hand

export const byDocumentOrder = (a: Node, b: Node) => (a.compareDocumentPosition(b) & FOLLOWING ? -1 : 1);

/** What no reader sees: scripts (JSON-LD among them), styles, templates and the fallbacks for pages without scripts. */
export const UNSEEN_TAGS: ReadonlySet<string> = new Set(['script', 'style', 'template', 'noscript']);

export const SHOW_COMMENT = 0x80; // NodeFilter.SHOW_COMMENT, without a window at hand
