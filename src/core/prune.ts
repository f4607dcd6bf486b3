/**
 * The working copy of the page, made without its obvious furniture: less to copy, and less for Readability to
 * walk and serialise (it caches the whole body as HTML before each attempt). Nothing skipped here is what a
 * reader would call the article:
 * - scripts, styles, frames, form controls, navigation, site footers, hidden elements, ARIA landmarks of the
 *   page chrome;
 * Structured data (JSON-LD) stays, since Readability reads the byline and date from it; so do <noscript>
 * images, which it unwraps. Forms stay too: ASP.NET sites wrap the whole page in one (42aad16bde… in the dev
 * corpus); only their controls go.
 * One walk with plain attribute reads: selector engines and live collections are slow on large pages in jsdom.
 */
const FURNITURE_TAGS = new Set([
  'STYLE', 'LINK', 'TEMPLATE', 'IFRAME', 'OBJECT', 'EMBED', 'BUTTON', 'SELECT', 'TEXTAREA', 'INPUT', 'DIALOG', 'NAV',
]);
const FURNITURE_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'dialog', 'alertdialog', 'menu', 'menubar', 'complementary']);
const HIDDEN_STYLE = /(^|;)\s*(display\s*:\s*none|visibility\s*:\s*hidden)/iu;

/**
 * A form whose controls are named like its own DOM properties (<input name="attributes">) answers with the
 * control instead: a known DOM-clobbering trick. Nothing such a form holds is worth the risk; it is left out.
 */
function isClobbered(el: Element): boolean {
  const last = el.lastChild;
  return (
    typeof el.tagName !== 'string' || typeof el.localName !== 'string' || typeof el.getAttribute !== 'function' ||
    typeof el.hasAttribute !== 'function' || typeof el.closest !== 'function' || typeof el.querySelector !== 'function' ||
    typeof (el.attributes as { length?: unknown } | undefined)?.length !== 'number' ||
    (el.namespaceURI !== null && typeof el.namespaceURI !== 'string') || (last !== null && last.parentNode !== el)
  );
}

function isFurniture(el: Element, inBody: boolean): boolean {
  const tag = el.tagName.toUpperCase();
  if (FURNITURE_TAGS.has(tag)) return true;
  if (tag === 'SCRIPT') return el.getAttribute('type') !== 'application/ld+json';
  if (!inBody || tag === 'BODY') return false;
  // A <title> in the body is never shown; its raw text would read as markup in a paragraph.
  if (tag === 'TITLE') return true;
  // Site chrome, not the article's own header, footer or sidebar (a byline, a corrections note, a fact box).
  if (tag === 'FOOTER' || tag === 'HEADER' || tag === 'ASIDE') return el.closest('article, main, [role="main"]') === null && el.querySelector('h1, article') === null;
  if (tag === 'SVG' || tag === 'svg') return true;
  if (el.hasAttribute('hidden')) return true;
  // Modal libraries set aria-hidden on the whole app while a cookie dialog is open: keep what holds the story.
  if (el.getAttribute('aria-hidden') === 'true') return el.querySelector('article, main, [role="main"], h1') === null;
  if (HIDDEN_STYLE.test(el.getAttribute('style') ?? '')) return true;
  const role = el.getAttribute('role');
  return role !== null && FURNITURE_ROLES.has(role);
}

/**
 * The element without its inline style: hidden elements are already left out, Readability drops styles from
 * the article anyway, and parsing every style attribute again is most of what copying costs in jsdom.
 */
function copyElement(copy: Document, el: Element): Element {
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

type Step = { source: Node; parent: Node; inBody: boolean } | { attach: Node; to: Node };

/**
 * A copy of `doc` (same URL, so links resolve) without its furniture; `doc` itself is not touched. Each element
 * is filled while it is still detached and attached once complete, so the copy is connected to its document
 * in one step at the end, not node by node.
 */
export function copyWithoutFurniture(doc: Document): Document {
  const copy = doc.cloneNode(false) as Document;
  const stack: Step[] = [];
  const pushChildren = (source: Node, parent: Node, inBody: boolean) => {
    for (let child = source.lastChild; child; child = child.previousSibling) stack.push({ source: child, parent, inBody });
  };
  pushChildren(doc, copy, false);
  while (stack.length > 0) {
    const step = stack.pop()!;
    if ('attach' in step) {
      step.to.appendChild(step.attach);
      continue;
    }
    const { source, parent, inBody } = step;
    if (source.nodeType === 8 || source.nodeType === 10) continue; // comments; the doctype (<!doctype> may have no name)
    if (source.nodeType !== 1) {
      parent.appendChild(copy.importNode(source, false));
      continue;
    }
    const el = source as Element;
    if (isClobbered(el) || isFurniture(el, inBody)) continue;
    const node = copyElement(copy, el);
    stack.push({ attach: node, to: parent });
    pushChildren(el, node, inBody || el.tagName.toUpperCase() === 'BODY');
  }
  return copy;
}
