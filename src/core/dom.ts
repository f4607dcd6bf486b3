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

/** The first element of the subtree, the root included, in document order, that passes `test`. */
export function findElement(root: Element, test: (el: Element) => boolean): Element | null {
  let el: Element | null = root;
  while (el) {
    if (test(el)) return el;
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
