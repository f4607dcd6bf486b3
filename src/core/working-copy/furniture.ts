/**
 * What the working copy leaves out, element by element: the page's furniture (scripts, styles, frames, form
 * controls, site menus and footers, hidden elements, chrome landmarks), forms that answer for their own DOM
 * members, and the reason Readability would still keep a piece of shown chrome (which the copy then marks).
 * Not a step of its own: the region's check for cut-off prose, the copy (walked or pruned in place) and the
 * restoring after Readability all ask the same questions here, so that they agree.
 */
import { linksStayInPage } from '../article.ts';
import { UNSEEN_TAGS } from '../dom.ts';
import { squashedLength } from '../text.ts';

export const FURNITURE_TAGS = new Set([
  'STYLE', 'LINK', 'TEMPLATE', 'IFRAME', 'OBJECT', 'EMBED', 'BUTTON', 'SELECT', 'TEXTAREA', 'INPUT', 'DIALOG',
]);
const FURNITURE_ROLES = new Set(['navigation', 'banner', 'contentinfo', 'dialog', 'alertdialog', 'menu', 'menubar', 'complementary']);
const HIDDEN_STYLE = /(^|;)\s*(display\s*:\s*none|visibility\s*:\s*hidden)/iu;

/**
 * A form whose controls are named like its own DOM properties (<input name="attributes">) answers with the
 * control instead: a known DOM-clobbering trick. Nothing such a form holds is worth the risk; it is left out.
 */
export function isClobbered(el: Element): boolean {
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

/**
 * A React streamed segment left at the end of the body (`<div hidden id="S:5">`), when what remains of it is
 * still hidden: its $RC/$RS script is gone (a saved page, scripts stripped), so it is content never swapped in.
 */
export function isOrphanSegment(el: Element): boolean {
  return el.hasAttribute('hidden') && el.parentElement?.localName === 'body' && /^S:[0-9a-f]+$/u.test(el.id);
}

export function isFurniture(el: Element, inBody: boolean): boolean {
  const tag = el.tagName.toUpperCase();
  if (FURNITURE_TAGS.has(tag)) return true;
  // MathJax 2 keeps each formula's TeX in a math/tex script; normalizeMath turns it into <math>.
  if (tag === 'SCRIPT') return el.getAttribute('type') !== 'application/ld+json' && !/^math\/tex/iu.test(el.getAttribute('type') ?? '');
  if (!inBody || tag === 'BODY') return false;
  // The site's menus sit outside the story. A <nav> inside it (section tabs, a breadcrumb, pages of a
  // collection: nytimes-5) is what Readability keeps when it reads the page itself: it stays, so Readability
  // reads the same page, and storyNavigation records what it kept of it as removed.
  if (tag === 'NAV') return !inStory(el);
  // A <title> in the body is never shown; its raw text would read as markup in a paragraph.
  if (tag === 'TITLE') return true;
  // Site chrome, not the article's own header, footer or sidebar (a byline, a corrections note, a fact box).
  if (tag === 'FOOTER' || tag === 'HEADER' || tag === 'ASIDE') return !inStory(el) && el.querySelector('h1, article') === null;
  // An icon is drawn; a chart or diagram labels itself with <text>, which Readability keeps as the figure's
  // words (defuddle svg-external-css-fallback: a price chart's months and dollar ticks).
  if (tag === 'SVG' || tag === 'svg') return !labelsItself(el);
  // Most elements carry no attribute at all: one question instead of four.
  if (!el.hasAttributes()) return false;
  if (el.hasAttribute('hidden')) return !isOrphanSegment(el);
  if (el.getAttribute('aria-hidden') === 'true') return !isShownStory(el);
  // A page its scripts reveal (an access-control app hides the whole <main> until it has run: the
  // collection of deathwishcoffee.com in wcxb-dev 0638) is shown on screen, as a story under aria-hidden is.
  if (HIDDEN_STYLE.test(el.getAttribute('style') ?? '')) return !isShownStory(el) && !holdsMostOfPage(el);
  const role = el.getAttribute('role');
  // A table of contents inside the story (MediaWiki's <div id="toc" role="navigation">) is the article's own
  // outline, which Readability keeps: the rules judge it, not the copy.
  if (role === 'navigation' && linksStayInPage(el) && inStory(el)) return false;
  return role !== null && FURNITURE_ROLES.has(role);
}

function labelsItself(svg: Element): boolean {
  for (const text of svg.getElementsByTagName('text')) if ((text.textContent ?? '').trim() !== '') return true;
  return false;
}

/**
 * Why the copy leaves out what Readability would keep if it sat inside the article: page chrome that is shown
 * (a <nav>, a site header, a footer or banner landmark). Hidden
 * elements, scripts and form controls are not on the list: Readability drops them itself, as it drops <footer>
 * and <aside> elements and the landmarks it calls unlikely (navigation, menu, complementary, dialog).
 */
export type LeftOutReason = 'site-navigation' | 'site-header' | 'site-footer';

const READABILITY_DROPS_ROLE = new Set(['menu', 'menubar', 'complementary', 'navigation', 'alert', 'alertdialog', 'dialog']);

/** For furniture the copy leaves out: the reason, when Readability would keep it inside an article. */
export function chromeReason(el: Element): LeftOutReason | null {
  const role = el.getAttribute('role');
  if (role !== null && READABILITY_DROPS_ROLE.has(role)) return null;
  const tag = el.localName;
  if (tag === 'nav') return 'site-navigation';
  if (tag === 'header' || role === 'banner') return 'site-header';
  if (role === 'contentinfo' && tag !== 'footer' && tag !== 'aside') return 'site-footer';
  return null;
}

/**
 * Modal libraries set aria-hidden on the whole app while a cookie dialog is open, and some apps hide the page
 * until their script has run: what holds the story is shown.
 */
export const isShownStory = (el: Element) => el.querySelector('article, main, [role="main"], h1') !== null;

/** A hidden element with this share of the page's text is the page, waiting for a script to show it. */
const MOST_OF_PAGE = 0.5;
const pageText = new WeakMap<Document, number>();

function holdsMostOfPage(el: Element): boolean {
  const doc = el.ownerDocument;
  let total = pageText.get(doc);
  if (total === undefined) {
    total = doc.body ? textLength(doc.body) : 0;
    pageText.set(doc, total);
  }
  return total > 0 && textLength(el) >= MOST_OF_PAGE * total;
}

/** Length of the text a reader could see in `root` (squashed): not the scripts' or styles'. */
function textLength(root: Element): number {
  let length = 0;
  const stack: Element[] = [root];
  while (stack.length > 0) {
    for (let child = stack.pop()!.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) length += squashedLength(child.textContent ?? '');
      else if (child.nodeType === 1 && !UNSEEN_TAGS.has((child as Element).localName)) stack.push(child as Element);
    }
  }
  return length;
}

const inStory = (el: Element) => el.closest('article, main, [role="main"]') !== null;

/** Marker comments of React's streamed boundaries, which applySwaps reads; other comments are not copied. */
const BOUNDARY_MARKS = new Set(['$?', '$!', '$', '/$']);

/**
 * Whether the copy takes a node of the page (an element without its style and aria-hidden: see copyElement);
 * false leaves it out with all it holds. Comments go, except the markers of React's streamed boundaries.
 */
export function keeps(node: Node, inBody: boolean, streamed: ReadonlySet<string>): boolean {
  if (node.nodeType === 8) return BOUNDARY_MARKS.has((node as Comment).data) && streamed.size > 0;
  if (node.nodeType === 10) return false; // the doctype (<!doctype> may have no name)
  if (node.nodeType !== 1) return true;
  const el = node as Element;
  if (isClobbered(el)) return false;
  // A streamed segment and its boundary stay until applySwaps has put the segment in place.
  if (streamed.size > 0 && el.id !== '' && streamed.has(el.id)) return true;
  if (el.localName === 'base') return isPlainBase(el);
  return !isFurniture(el, inBody);
}

/**
 * A <base> that says only where links resolve (href, target). One with a prefixed name such as xlink:href
 * has no href for a browser, but jsdom takes it for one and throws resolving a null URL (document.baseURI,
 * which Readability reads); left out, links resolve against the page's own address, as in a browser.
 */
function isPlainBase(el: Element): boolean {
  for (const attr of el.attributes) if (attr.name.includes(':')) return false;
  return true;
}
