/**
 * The working copy of the page, made without its obvious furniture: less to copy, and less for Readability to
 * walk and serialise (it caches the whole body as HTML before each attempt). Nothing skipped here is what a
 * reader would call the article:
 * - scripts, styles, frames, form controls, navigation, site footers, hidden elements, ARIA landmarks of the
 *   page chrome;
 * - when one element holds nearly all the page's paragraphs (proseRegion), everything of the body outside it
 *   but its siblings that hold content: the other columns, rails and footers of the page.
 * Structured data (JSON-LD) stays, since Readability reads the byline and date from it; so do <noscript>
 * images, which it unwraps. Forms stay too: ASP.NET sites wrap the whole page in one (42aad16bde… in the dev
 * corpus); only their controls go.
 * One walk with plain attribute reads: selector engines and live collections are slow on large pages in jsdom.
 */
import { walkElements } from './dom.ts';
import { squash } from './text.ts';

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
  // Only a form answers to its controls' names ([LegacyOverrideBuiltIns]); a clobbered one may not even
  // answer "form" when asked its name.
  const name = el.localName;
  if (name !== 'form' && typeof name === 'string') return false;
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
  if (!el.hasAttribute('style') && !el.hasAttribute('aria-hidden')) return copy.importNode(el, false);
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

/** The share of the paragraph text the region holds, and the least paragraph text to look for one at all. */
const REGION_SHARE = 0.9;
const REGION_MIN_TEXT = 1000;

/**
 * Where the article is: the deepest element holding nearly all the text of the page's paragraphs, or the
 * body when the paragraphs are spread out or too few to tell. Paragraphs in furniture count too: they only
 * make the region wider.
 */
export function proseRegion(doc: Document): Element | null {
  const body = doc.body;
  if (!body) return null;
  const sums = new Map<Element, number>();
  let total = 0;
  walkElements(body, (p) => {
    if (p.localName !== 'p') return;
    const length = (p.textContent ?? '').trim().length;
    total += length;
    for (let el: Element | null = p; length > 0 && el && el !== body; el = el.parentElement) sums.set(el, (sums.get(el) ?? 0) + length);
  });
  if (total < REGION_MIN_TEXT) return body;
  let region: Element = body;
  for (let descended = true; descended; ) {
    descended = false;
    for (let child = region.firstElementChild; child; child = child.nextElementSibling) {
      if ((sums.get(child) ?? 0) >= REGION_SHARE * total) {
        region = child;
        descended = true;
        break;
      }
    }
  }
  return region;
}

const CONTENT_TAGS = new Set(['p', 'img', 'picture', 'figure', 'video', 'h1', 'h2', 'h3']);
/** How many levels above the region its siblings are looked at, at least: an article's header and lead image sit there. */
const SIBLING_LEVELS = 2;

/** A sibling of the region worth Readability's look: a lede, a lead image, the headline; not an empty bar. */
function holdsContent(node: Node): boolean {
  if (node.nodeType === 3) return (node.textContent ?? '').trim() !== '';
  return node.nodeType === 1 && walkElements(node as Element, (el) => CONTENT_TAGS.has(el.localName)) !== null;
}

type Step = { source: Node; parent: Node; inBody: boolean } | { attach: Node; to: Node };

export interface WorkingCopy {
  doc: Document;
  /** The text of a byline carried in from outside the region (see carryOutsideReads), if any. */
  carriedByline: string | null;
}

/**
 * A copy of `doc` (same URL, so links resolve) without its furniture; `doc` itself is not touched. With a
 * `region` (an element of the body), the body holds only that element, those of its siblings that hold
 * content (Readability weighs the siblings of what it picks), and the chain of their ancestors; the page's
 * structured data moves to the head. Each element is filled while it is still detached and attached once
 * complete, so the copy is connected to its document in one step at the end, not node by node.
 */
export function copyWithoutFurniture(doc: Document, region: Element | null = null): WorkingCopy {
  const copy = doc.cloneNode(false) as Document;
  const body = doc.body;
  // The region's ancestors, with how far above it each is.
  const chain = new Map<Node, number>();
  // Siblings are looked at up to a few levels above the region, or up to the <article> that holds it.
  let siblingLevels = SIBLING_LEVELS;
  if (region && body && body !== region && body.contains(region)) {
    let level = 1;
    let article = false;
    for (let el: Element | null = region.parentElement; el && el !== body; el = el.parentElement, level++) {
      chain.set(el, level);
      if (!article && el.localName === 'article') {
        article = true;
        siblingLevels = Math.max(siblingLevels, level);
      }
    }
    chain.set(body, level);
  }
  // What is left out around the region, and of that, the siblings near it that hold no content (where
  // Readability might still find the byline).
  const skipped: Element[] = [];
  const passedOver: Element[] = [];
  /** Whether the copy takes this child: all of them, except on the way down to the region. */
  const takes = (source: Node, child: Node): boolean => {
    const level = chain.get(source);
    if (level === undefined || child === region || chain.has(child)) return true;
    if (level <= siblingLevels && holdsContent(child)) return true;
    if (child.nodeType === 1) {
      skipped.push(child as Element);
      if (level <= siblingLevels) passedOver.push(child as Element);
    }
    return false;
  };
  const stack: Step[] = [];
  const pushChildren = (source: Node, parent: Node, inBody: boolean) => {
    for (let child = source.lastChild; child; child = child.previousSibling) {
      if (takes(source, child)) stack.push({ source: child, parent, inBody });
    }
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
  const carriedByline = chain.size > 0 ? carryOutsideReads(skipped, passedOver, region!, copy) : null;
  return { doc: copy, carriedByline };
}

// What Readability takes for a byline: rel=author, an author itemprop, or a class or id of this kind.
const BYLINE_NAME = /byline|author|dateline|writtenby/iu;

function isBylineCandidate(el: Element): boolean {
  const named = el.getAttribute('rel') === 'author' || (el.getAttribute('itemprop') ?? '').includes('author') ||
    BYLINE_NAME.test(`${el.getAttribute('class') ?? ''} ${el.id}`);
  if (!named) return false;
  const length = (el.textContent ?? '').trim().length;
  return length > 0 && length < 100;
}

/**
 * What Readability reads from the whole page, not only from the article: metadata (some pages put their
 * <meta> and JSON-LD in the body) goes to the copy's head; a byline in a sibling passed over before the
 * region goes ahead of it. Returns the byline's text, so that it can be taken out of the article again when
 * Readability does not take it (see dropCarried).
 */
function carryOutsideReads(skipped: Element[], passedOver: Element[], region: Element, copy: Document): string | null {
  const near = new Set(passedOver.filter((el) => el.compareDocumentPosition(region) & FOLLOWING));
  // Set inside the walk's callback, which TypeScript's narrowing does not see.
  let byline = null as Element | null;
  for (const root of inDocumentOrder(skipped)) {
    walkElements(root, (el) => {
      if (el.localName === 'meta' || (el.localName === 'script' && el.getAttribute('type') === 'application/ld+json')) {
        copy.head?.appendChild(copy.importNode(el, true));
      } else if (!byline && near.has(root) && isBylineCandidate(el)) {
        byline = el;
      }
    });
  }
  if (!byline || !copy.body) return null;
  copy.body.prepend(copy.importNode(byline, true));
  return byline.textContent;
}

const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING, without a window at hand

function inDocumentOrder(elements: Element[]): Element[] {
  return elements.sort((a, b) => (a.compareDocumentPosition(b) & FOLLOWING ? -1 : 1));
}

/** How far into the article a carried byline that Readability kept can be: it went in first. */
const CARRIED_REACH = 50;

/**
 * A carried byline that Readability did not take as one is not part of the article. Readability may have
 * rewrapped it (a <div> of text becomes a <p>), so it is found by its text, near the start.
 */
export function dropCarried(article: Element, carried: string): void {
  const text = squash(carried);
  let seen = 0;
  walkElements(article, (el) => {
    if (el !== article && squash(el.textContent ?? '') === text) {
      el.remove();
      return true;
    }
    return ++seen > CARRIED_REACH;
  });
}
