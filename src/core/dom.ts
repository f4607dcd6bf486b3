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
