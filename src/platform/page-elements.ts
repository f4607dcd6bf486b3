/** The elements an extension page's own HTML (popup.html, reader.html, options.html) gives its script. */

/**
 * The element with this id, which the page's HTML must have: a missing one means the HTML and the script
 * were changed apart, so it throws at start, naming the page and the id, rather than later on a null.
 */
export function requiredElement<T extends HTMLElement>(doc: Document, id: string): T {
  const element = doc.getElementById(id);
  if (!element) {
    const page = doc.location?.pathname.split('/').pop() || 'this page';
    throw new Error(`${page} lacks the element #${id} that its script needs`);
  }
  return element as T;
}
