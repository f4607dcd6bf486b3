/**
 * One element of the page as the copy holds it: without its inline style and aria-hidden. Used by the walk
 * (04-walk) for every element it copies and by the restoring (09-restore) for what it puts back.
 */

/**
 * The element without its inline style: hidden elements are already left out, Readability drops styles from
 * the article anyway, and parsing every style attribute again is most of what copying costs in jsdom.
 */
export function copyElement(copy: Document, el: Element): Element {
  if (!el.hasAttributes() || (!el.hasAttribute('style') && !el.hasAttribute('aria-hidden'))) return copy.importNode(el, false);
  let node: Element;
  try {
    node = copy.createElementNS(el.namespaceURI, el.localName);
  } catch {
    // A tag name the parser accepts but the DOM API refuses ("b<i"): import it as it is.
    return copy.importNode(el, false);
  }
  for (const attr of el.attributes) {
    // aria-hidden that is left marks a container kept above; Readability would drop it again.
    if (attr.name === 'style' || attr.name === 'aria-hidden') continue;
    try {
      if (attr.namespaceURI) node.setAttributeNS(attr.namespaceURI, attr.name, attr.value);
      else node.setAttribute(attr.name, attr.value);
    } catch {
      // A name the HTML parser accepts but the DOM API refuses ('"', '@click.prevent'): nothing to read there.
    }
  }
  return node;
}
