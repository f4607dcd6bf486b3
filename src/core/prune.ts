/**
 * The working copy of the page, made without its obvious furniture: less to copy, and less for Readability to
 * walk and serialise (it caches the whole body as HTML before each attempt). Nothing skipped here is what a
 * reader would call the article:
 * - scripts, styles, frames, form controls, navigation, site footers, hidden elements, ARIA landmarks of the
 *   page chrome (a <nav> inside the story stays; chrome that is shown leaves a marker, so that what Readability
 *   would keep of it on the page is put back and recorded as removed: restoreLeftOut, storyNavigation);
 * - when one element holds nearly all the page's paragraphs (proseRegion), everything of the body outside it
 *   but its siblings that hold content: the other columns, rails and footers of the page.
 * Structured data (JSON-LD) stays, since Readability reads the byline and date from it; so do <noscript>
 * images, which it unwraps. Forms stay too: ASP.NET sites wrap the whole page in one (42aad16bde… in the dev
 * corpus); only their controls go.
 * One walk with plain attribute reads: selector engines and live collections are slow on large pages in jsdom.
 * The copy is made by that walk, or by the DOM's own clone pruned in place (see CopyStrategy).
 */
import { type Article, linksStayInPage } from './article.ts';
import { INLINE } from './blocks.ts';
import { namesShadowMembers, unclobberedClone, walkElements } from './dom.ts';
import { squash } from './text.ts';
import type { RemovalCategory } from './types.ts';

const FURNITURE_TAGS = new Set([
  'STYLE', 'LINK', 'TEMPLATE', 'IFRAME', 'OBJECT', 'EMBED', 'BUTTON', 'SELECT', 'TEXTAREA', 'INPUT', 'DIALOG',
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

/**
 * A React streamed segment left at the end of the body (`<div hidden id="S:5">`), when what remains of it is
 * still hidden: its $RC/$RS script is gone (a saved page, scripts stripped), so it is content never swapped in.
 */
function isOrphanSegment(el: Element): boolean {
  return el.hasAttribute('hidden') && el.parentElement?.localName === 'body' && /^S:[0-9a-f]+$/u.test(el.id);
}

function isFurniture(el: Element, inBody: boolean): boolean {
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
  if (HIDDEN_STYLE.test(el.getAttribute('style') ?? '')) return true;
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
function chromeReason(el: Element): LeftOutReason | null {
  const role = el.getAttribute('role');
  if (role !== null && READABILITY_DROPS_ROLE.has(role)) return null;
  const tag = el.localName;
  if (tag === 'nav') return 'site-navigation';
  if (tag === 'header' || role === 'banner') return 'site-header';
  if (role === 'contentinfo' && tag !== 'footer' && tag !== 'aside') return 'site-footer';
  return null;
}

/** What the copy left out, with why; a marker comment stands in its place, numbered by its index here. */
export interface LeftOut {
  /** The element as it was (of the page, or of a clone of it): restored from it if Readability keeps the marker. */
  el: Element;
  reason: LeftOutReason;
  mark: Comment;
}

const MARK = 'ro-left-out ';
/** The markers made for copies being pruned in place, told apart from the page's own comments by identity. */
const marks = new WeakSet<Node>();

/** Records a left-out element and returns the comment that marks its place in the copy. */
function markLeftOut(copy: Document, leftOut: LeftOut[], el: Element, reason: LeftOutReason): Comment {
  const mark = copy.createComment(MARK + leftOut.length);
  leftOut.push({ el, reason, mark });
  marks.add(mark);
  return mark;
}

/**
 * A marker alone in its element would go with it: Readability removes an element left with no text (a
 * <div> that only held a <nav>), which on the page itself held the left-out text. The marker
 * moves up beside the outermost element it leaves empty.
 */
function hoistMarks(leftOut: readonly LeftOut[]): void {
  for (const { mark } of leftOut) {
    for (let parent = mark.parentElement; parent && parent.localName !== 'body' && isEmpty(parent); parent = mark.parentElement) {
      parent.parentNode?.insertBefore(mark, parent.nextSibling);
    }
  }
}

/** Readability's test for an element without content: no text, and no element but <br> and <hr>. */
function isEmpty(el: Element): boolean {
  for (let child = el.firstElementChild; child; child = child.nextElementSibling) if (child.localName !== 'br' && child.localName !== 'hr') return false;
  return (el.textContent ?? '').trim() === '';
}

const isMark = (node: Node) => marks.has(node);

/** Modal libraries set aria-hidden on the whole app while a cookie dialog is open: what holds the story is shown. */
const isShownStory = (el: Element) => el.querySelector('article, main, [role="main"], h1') !== null;

const inStory = (el: Element) => el.closest('article, main, [role="main"]') !== null;

/**
 * The element without its inline style: hidden elements are already left out, Readability drops styles from
 * the article anyway, and parsing every style attribute again is most of what copying costs in jsdom.
 */
function copyElement(copy: Document, el: Element): Element {
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
  // One paragraph holding nearly all the text is the story in a single <p> (qq.com): the element around it is
  // the region, so that what stands beside the paragraph (an editor's line, a source) is looked at too.
  return region.localName === 'p' && region.parentElement ? region.parentElement : region;
}

const CONTENT_TAGS = new Set(['p', 'img', 'picture', 'figure', 'video', 'h1', 'h2', 'h3']);
/** How many levels above the region its siblings are looked at, at least: an article's header and lead image sit there. */
const SIBLING_LEVELS = 2;

/** A sibling of the region worth Readability's look: a lede, a lead image, the headline, a dateline; not a bar of links. */
function holdsContent(node: Node): boolean {
  if (node.nodeType === 3) return (node.textContent ?? '').trim() !== '';
  return node.nodeType === 1 && (walkElements(node as Element, (el) => CONTENT_TAGS.has(el.localName)) !== null || holdsPlainText(node as Element));
}

/** Where a line of text is not a link's or a control's: a dateline, an editor's or a source line. */
const NOT_PLAIN_TEXT = new Set(['a', 'script', 'style', 'noscript', 'template', 'svg', 'button', 'select', 'textarea', 'nav', 'option']);

function holdsPlainText(root: Element): boolean {
  const stack: Element[] = [root];
  while (stack.length > 0) {
    const el = stack.pop()!;
    if (NOT_PLAIN_TEXT.has(el.localName)) continue;
    for (let child = el.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3 && (child.textContent ?? '').trim() !== '') return true;
      if (child.nodeType === 1) stack.push(child as Element);
    }
  }
  return false;
}

/**
 * How a copy is made: a JS walk that copies only what it keeps, or the DOM's own deep clone pruned in place.
 * Measured on the dev corpus (scripts/bench-chromium.ts --copy): the walk is the faster in jsdom and also in
 * Chromium, where the native clone copies what the region and furniture leave out only to drop it again.
 * 'in-place' prunes the document given, with the clone's decisions and no copy at all: only for a document
 * made for the one call (the CLI and batch parse one per page), never for a page someone sees.
 */
export type CopyStrategy = 'walk' | 'clone' | 'in-place';

export interface WorkingCopy {
  doc: Document;
  /**
   * What the copy left out where Readability might keep it, each marked in the copy by a comment (see
   * restoreLeftOut): page chrome that is shown.
   */
  leftOut: LeftOut[];
  /**
   * The text of a byline found outside the region (see outsideReads), if any: a hint for the metadata when
   * Readability finds none in the copy. It is data only; the copy does not hold it.
   */
  bylineHint: string | null;
}

/**
 * React's streaming server rendering sends a suspended part of the page late, as `<div hidden id="S:0">` at the
 * end of the body, and a script `$RC("B:0","S:0")` that moves it into its boundary (`<template id="B:0">`
 * followed by the fallback, up to the comment `/$`); `$RS("S:1","P:1")` moves a segment to its placeholder
 * `<template id="P:1">`. With scripts off (jsdom) or before they ran, the content is still hidden at the end.
 */
const STREAMED = /\$R([CS])\(\s*["']([^"']+)["']\s*,\s*["']([^"']+)["']\s*\)/gu;

interface Swap {
  /** $RC: the boundary template, whose fallback the segment replaces; $RS: the placeholder template. */
  target: string;
  segment: string;
  replacesFallback: boolean;
}

/** The swaps the page's inline scripts would make, read from their text. */
function streamedSwaps(doc: Document): Swap[] {
  const swaps: Swap[] = [];
  for (const script of doc.getElementsByTagName('script')) {
    const text = script.textContent ?? '';
    if (!text.includes('$R')) continue;
    for (const [, kind, a, b] of text.matchAll(STREAMED)) {
      swaps.push(kind === 'C' ? { target: a!, segment: b!, replacesFallback: true } : { target: b!, segment: a!, replacesFallback: false });
    }
  }
  return swaps;
}

/** Does in the copy what the page's $RC/$RS scripts do: the segment's content takes its place. */
function applySwaps(copy: Document, swaps: readonly Swap[]): void {
  for (const { target, segment, replacesFallback } of swaps) {
    const at = copy.getElementById(target);
    const from = copy.getElementById(segment);
    const parent = at?.parentNode;
    if (!at || !from || !parent) continue;
    let end: ChildNode | null = at.nextSibling;
    if (replacesFallback) {
      // The fallback runs to the boundary's closing comment, past nested boundaries.
      for (let depth = 0; end; ) {
        const next: ChildNode | null = end.nextSibling;
        if (end.nodeType === 8) {
          const data = (end as Comment).data;
          if (data === '/$' && depth-- === 0) break;
          if (data === '$?' || data === '$!' || data === '$') depth++;
        }
        parent.removeChild(end);
        end = next;
      }
    }
    while (from.firstChild) parent.insertBefore(from.firstChild, end);
    at.remove();
    from.remove();
  }
}

/**
 * Shows in `doc` itself what the working copy reads as shown: React's streamed segments in place (what the
 * page's own $RC/$RS scripts show once it has loaded; a segment whose script is gone, where it was sent), and
 * the story under an aria-hidden a modal left on the page (on screen all along). That is the page a reader saw,
 * for measuring what Readability alone keeps of it: on a saved page whose scripts did not run, or whose story
 * is aria-hidden, Readability reads only the skeleton or the chrome around the story. The engine never calls
 * this on the page it is given.
 */
export function showAsReaderSaw(doc: Document): void {
  const swaps = streamedSwaps(doc);
  if (swaps.length > 0) applySwaps(doc, swaps);
  showOrphanSegments(doc);
  for (const el of Array.from(doc.body?.querySelectorAll('[aria-hidden="true"]') ?? [])) if (isShownStory(el)) el.removeAttribute('aria-hidden');
}

function showOrphanSegments(doc: Document): void {
  for (const el of Array.from(doc.body?.children ?? [])) if (isOrphanSegment(el)) el.removeAttribute('hidden');
}

/** Marker comments of React's streamed boundaries, which applySwaps reads; other comments are not copied. */
const BOUNDARY_MARKS = new Set(['$?', '$!', '$', '/$']);

/**
 * Which of the body's parts the copy takes: all but, when there is a region, what lies around it. With a
 * region, the body holds only that element, those of its siblings that hold content (Readability weighs the
 * siblings of what it picks) up to a few levels above it, and the chain of their ancestors.
 */
class RegionCut {
  /** The region's ancestors, with how far above it each is. */
  private readonly chain = new Map<Node, number>();
  /** Siblings are looked at up to a few levels above the region, or up to the <article> that holds it. */
  private readonly siblingLevels: number = SIBLING_LEVELS;
  /** What is left out around the region. */
  readonly skipped: Element[] = [];
  /** Of that, the siblings near the region that hold no content (where Readability might still find the byline). */
  readonly passedOver: Element[] = [];
  /** The other nodes left out around the region (white space, comments), which a pruned clone must remove too. */
  readonly skippedOther: Node[] = [];

  constructor(
    readonly region: Element | null,
    body: Element | null,
  ) {
    if (!region || !body || body === region || !body.contains(region)) return;
    let level = 1;
    let article = false;
    for (let el: Element | null = region.parentElement; el && el !== body; el = el.parentElement, level++) {
      this.chain.set(el, level);
      if (!article && el.localName === 'article') {
        article = true;
        this.siblingLevels = Math.max(this.siblingLevels, level);
      }
    }
    this.chain.set(body, level);
  }

  get cuts(): boolean {
    return this.chain.size > 0;
  }

  /** Makes the decisions over the page alone, to see what the cut would leave out. */
  probe(): readonly Element[] {
    for (const parent of this.chain.keys()) {
      for (let child = parent.firstChild; child; child = child.nextSibling) this.takes(parent, child);
    }
    return this.skipped;
  }

  /** Whether the copy takes this child of `parent`: all of them, except on the way down to the region. */
  takes(parent: Node, child: Node): boolean {
    const level = this.chain.get(parent);
    if (level === undefined || child === this.region || this.chain.has(child)) return true;
    if (level <= this.siblingLevels && holdsContent(child)) return true;
    if (child.nodeType === 1) {
      this.skipped.push(child as Element);
      if (level <= this.siblingLevels) this.passedOver.push(child as Element);
    } else {
      this.skippedOther.push(child);
    }
    return false;
  }
}

/**
 * Whether the copy takes a node of the page (an element without its style and aria-hidden: see copyElement);
 * false leaves it out with all it holds. Comments go, except the markers of React's streamed boundaries.
 */
function keeps(node: Node, inBody: boolean, streamed: ReadonlySet<string>): boolean {
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

type Step = { source: Node; parent: Node; inBody: boolean } | { attach: Node; to: Node };

/**
 * The copy by a walk: only what is kept is copied. Each element is filled while it is still detached and
 * attached once complete, so the copy is connected to its document in one step at the end, not node by node.
 * Where it leaves out page chrome Readability might keep (chromeReason), a marker stands.
 */
function walkCopy(doc: Document, cut: RegionCut, streamed: ReadonlySet<string>, leftOut: LeftOut[]): Document {
  const copy = doc.cloneNode(false) as Document;
  const stack: Step[] = [];
  const pushChildren = (source: Node, parent: Node, inBody: boolean) => {
    for (let child = source.lastChild; child; child = child.previousSibling) {
      if (cut.takes(source, child)) stack.push({ source: child, parent, inBody });
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
    if (!keeps(source, inBody, streamed)) {
      const reason = inBody && source.nodeType === 1 ? chromeReason(source as Element) : null;
      if (reason) parent.appendChild(markLeftOut(copy, leftOut, source as Element, reason));
      continue;
    }
    if (source.nodeType !== 1) {
      parent.appendChild(copy.importNode(source, false));
      continue;
    }
    const el = source as Element;
    const node = copyElement(copy, el);
    stack.push({ attach: node, to: parent });
    pushChildren(el, node, inBody || el.tagName.toUpperCase() === 'BODY');
  }
  return copy;
}

/** Every element isFurniture, keeps or the attribute clean-up may act on: a superset, each one decided by keeps(). */
const CANDIDATES = [
  ...[...FURNITURE_TAGS].map((t) => t.toLowerCase()),
  'script', 'nav', 'title', 'footer', 'header', 'aside', 'svg', 'form', 'base', '[hidden]', '[aria-hidden]', '[style]', '[role]',
].join(',');
const SHOW_COMMENT = 0x80; // NodeFilter.SHOW_COMMENT, without a window at hand

/**
 * The copy by the DOM's deep clone, then pruned in place with the same decisions as walkCopy: the region's
 * cut on the way down to it, then the furniture and the comments, found by the DOM's own selector engine and
 * tree walker rather than by visiting every node in script. The region is found again in the clone (the same
 * structure, so the same element). What the region leaves out is read (outsideReads) before it goes.
 */
function cloneCopy(doc: Document, regionOf: (doc: Document) => Element | null, streamed: ReadonlySet<string>, leftOut: LeftOut[], inPlace: boolean): { copy: Document; reads: OutsideReads } {
  const copy = inPlace ? doc : unclobberedClone(doc);
  const cut = new RegionCut(regionOf(copy), copy.body);
  cut.probe();
  const reads = outsideReads(cut, copy);
  for (const node of [...cut.skipped, ...cut.skippedOther]) node.parentNode?.removeChild(node);
  for (let node = copy.firstChild; node; ) {
    const next: ChildNode | null = node.nextSibling;
    if (node.nodeType === 1) pruneClone(node as Element, streamed, leftOut);
    else if (!keeps(node, false, streamed)) copy.removeChild(node);
    node = next;
  }
  return { copy, reads };
}

/**
 * Prunes a cloned <html> (or any element outside a body) in place. Below a <body>, elements are judged as in
 * the body (walkCopy's inBody); elsewhere only by tag.
 */
function pruneClone(root: Element, streamed: ReadonlySet<string>, leftOut: LeftOut[]): void {
  const doc = root.ownerDocument;
  const bodies = Array.from(root.getElementsByTagName('body'));
  const isBody = (el: Element) => el.tagName.toUpperCase() === 'BODY';
  // One <body>, a child of <html>: its candidates are in the body, the others not. Anything else (bodies
  // nested by a page's script) is judged by walking up.
  const simple = bodies.length <= 1 && bodies.every((b) => b.parentNode === root);
  const body = bodies[0] ?? null;
  const inBody = (el: Element): boolean => {
    if (simple) return body !== null && el !== body && body.contains(el);
    for (let up = el.parentElement; up; up = up.parentElement) if (isBody(up)) return true;
    return false;
  };
  if (!keeps(root, false, streamed)) {
    root.remove();
    return;
  }
  for (const el of Array.from(root.querySelectorAll(CANDIDATES))) {
    if (!el.isConnected) continue; // inside furniture already gone
    const within = inBody(el);
    if (keeps(el, within, streamed)) continue;
    const reason = within ? chromeReason(el) : null;
    if (reason) el.parentNode?.replaceChild(markLeftOut(doc, leftOut, el, reason), el);
    else el.remove();
  }
  const comments: Node[] = [];
  const walker = doc.createTreeWalker(root, SHOW_COMMENT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) if (!keeps(node, true, streamed) && !isMark(node)) comments.push(node);
  for (const node of comments) node.parentNode?.removeChild(node);
  for (const el of Array.from(root.querySelectorAll('[style], [aria-hidden]'))) {
    el.removeAttribute('style');
    el.removeAttribute('aria-hidden');
  }
  if (root.hasAttribute('style')) root.removeAttribute('style');
  if (root.hasAttribute('aria-hidden')) root.removeAttribute('aria-hidden');
}

/**
 * A copy of `doc` (same URL, so links resolve) without its furniture; `doc` itself is not touched. With a
 * region (an element of the body), only the region and what lies near it (RegionCut); the page's structured
 * data moves to the head. Both strategies give the same copy.
 */
export function copyWithoutFurniture(doc: Document, region: Element | null = null, strategy: CopyStrategy = 'walk'): WorkingCopy {
  return makeCopy(doc, (d) => (d === doc || !region ? region : counterpart(region, d)), strategy);
}

/** The element at the same place in a clone of the element's document. */
function counterpart(el: Element, clone: Document): Element | null {
  const path: number[] = [];
  for (let node: Node = el; node.parentNode; node = node.parentNode) {
    let i = 0;
    for (let sibling = node.previousSibling; sibling; sibling = sibling.previousSibling) i++;
    path.push(i);
  }
  let node: Node | null = clone;
  for (let k = path.length - 1; k >= 0 && node; k--) node = node.childNodes[path[k]!] ?? null;
  return node?.nodeType === 1 ? (node as Element) : null;
}

function makeCopy(doc: Document, regionOf: (doc: Document) => Element | null, strategy: CopyStrategy): WorkingCopy {
  const swaps = streamedSwaps(doc);
  const streamed = new Set(swaps.flatMap((s) => [s.target, s.segment]));
  let copy: Document;
  let reads: OutsideReads;
  const leftOut: LeftOut[] = [];
  if (strategy !== 'walk') {
    ({ copy, reads } = cloneCopy(doc, regionOf, streamed, leftOut, strategy === 'in-place'));
  } else {
    const cut = new RegionCut(regionOf(doc), doc.body);
    copy = walkCopy(doc, cut, streamed, leftOut);
    reads = outsideReads(cut, copy);
  }
  for (const el of reads.metadata) copy.head?.appendChild(el);
  if (swaps.length > 0) applySwaps(copy, swaps);
  showOrphanSegments(copy);
  hoistMarks(leftOut);
  // Numbered in the copy's order, so both strategies give the same copy.
  leftOut.sort((a, b) => byDocumentOrder(a.mark, b.mark));
  leftOut.forEach((entry, i) => (entry.mark.data = MARK + i));
  return { doc: copy, leftOut, bylineHint: reads.byline };
}

/** A paragraph this long outside the region, and not in furniture, is prose the region would cut off. */
const LONG_PARAGRAPH = 200;

/**
 * Whether what the region leaves out holds prose: a long paragraph that is not in the page's furniture (a
 * teaser card's blurb is short; a section of the article the region missed is not).
 */
function leavesOutProse(skipped: readonly Element[]): boolean {
  for (const root of skipped) {
    const stack: Array<[Element, boolean]> = [[root, true]];
    while (stack.length > 0) {
      const [el] = stack.pop()!;
      if (isClobbered(el) || isFurniture(el, true)) continue;
      if (el.localName === 'p' && squash(el.textContent ?? '').length >= LONG_PARAGRAPH) return true;
      for (let child = el.firstElementChild; child; child = child.nextElementSibling) stack.push([child, true]);
    }
  }
  return false;
}

/**
 * The copy the engine reads: the page without its furniture, around its prose region when that is clear-cut.
 * It is not when the page streams its content in late (the region was found before the swap) or when what
 * the region leaves out holds prose: then the whole body is copied, as Readability alone would read it.
 */
export function workingCopy(doc: Document, strategy: CopyStrategy = 'walk'): WorkingCopy {
  // The walk reads the page by sibling links, which a form control named after one turns into a circle.
  if (strategy === 'walk' && namesShadowMembers(doc)) return workingCopy(unclobberedClone(doc), 'in-place');
  const streams = streamedSwaps(doc).length > 0;
  return makeCopy(doc, (d) => (streams ? d.body : clearCutRegion(d)), strategy);
}

function clearCutRegion(doc: Document): Element | null {
  const region = proseRegion(doc);
  if (!region || region === doc.body) return region;
  return leavesOutProse(new RegionCut(region, doc.body).probe()) ? doc.body : region;
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

interface OutsideReads {
  byline: string | null;
  /** Copies, owned by the copy's document, of the <meta> and JSON-LD found in what the region leaves out. */
  metadata: Node[];
}

/**
 * What Readability reads from the whole page, not only from the article: metadata (some pages put their
 * <meta> and JSON-LD in the body) goes to the copy's head. A byline in a sibling passed over before the region
 * is returned as a hint for the metadata.
 */
function outsideReads(cut: RegionCut, copy: Document): OutsideReads {
  const reads: OutsideReads = { byline: null, metadata: [] };
  if (!cut.cuts) return reads;
  const near = new Set(cut.passedOver.filter((el) => el.compareDocumentPosition(cut.region!) & FOLLOWING));
  for (const root of inDocumentOrder(cut.skipped)) {
    walkElements(root, (el) => {
      if (el.localName === 'meta' || (el.localName === 'script' && el.getAttribute('type') === 'application/ld+json')) {
        reads.metadata.push(el.ownerDocument === copy ? el.cloneNode(true) : copy.importNode(el, true));
      } else if (reads.byline === null && near.has(root) && isBylineCandidate(el)) {
        reads.byline = squash(el.textContent ?? '');
      }
    });
  }
  return reads;
}

const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING, without a window at hand

const byDocumentOrder = (a: Node, b: Node) => (a.compareDocumentPosition(b) & FOLLOWING ? -1 : 1);

function inDocumentOrder(elements: Element[]): Element[] {
  return [...elements].sort(byDocumentOrder);
}

/** What restoreLeftOut put back into the article: removed, with its reason, unless the reader keeps boilerplate. */
export interface Restored {
  el: Element;
  reason: LeftOutReason;
}

/**
 * After Readability has read the copy: a marker inside its article stands where the copy left out something
 * Readability keeps when it reads the page itself (nytimes-5: a <nav> of section tabs inside the collection's
 * <section>). It is put back as the page shows it, so that what Readability alone finds is in the result, and
 * recordLeftOut records it as removed. The other markers are taken out.
 */
export function restoreLeftOut(copy: WorkingCopy, root: Element): Restored[] {
  const restored: Restored[] = [];
  if (copy.leftOut.length === 0) return restored;
  const doc = root.ownerDocument;
  const found: Comment[] = [];
  const walker = doc.createTreeWalker(root, SHOW_COMMENT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) if ((node as Comment).data.startsWith(MARK)) found.push(node as Comment);
  for (const mark of found) {
    const entry = copy.leftOut[Number(mark.data.slice(MARK.length))];
    // Chrome inside a line (a <nav> in <strong>, tag soup) would join that line's text: it is not put back.
    const el = entry && !INLINE.has(mark.parentElement?.localName ?? '') ? shownCopy(entry.el, doc) : null;
    if (entry && el && squash(el.textContent ?? '') !== '') {
      mark.parentNode?.replaceChild(el, mark);
      restored.push({ el, reason: entry.reason });
    } else {
      mark.parentNode?.removeChild(mark);
    }
  }
  return restored;
}

/**
 * A copy of a left-out element as a reader sees it: without what no reader sees and Readability drops itself
 * (scripts, styles, hidden elements, form controls, unlikely landmarks), with the chrome it holds.
 */
function shownCopy(el: Element, copy: Document): Element | null {
  if (isClobbered(el)) return null;
  const top = copyElement(copy, el);
  const stack: Array<[Node, Node]> = [[el, top]];
  while (stack.length > 0) {
    const [source, parent] = stack.pop()!;
    const children: Array<[Node, Node]> = [];
    for (let child = source.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        parent.appendChild(copy.importNode(child, false));
        continue;
      }
      if (child.nodeType !== 1) continue;
      const c = child as Element;
      if (isClobbered(c) || (isFurniture(c, true) && chromeReason(c) === null)) continue;
      const node = parent.appendChild(copyElement(copy, c));
      children.push([c, node]);
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return top;
}

const EXPLANATIONS: Record<LeftOutReason, string> = {
  'site-navigation': "The site's navigation (menu or tabs) set inside the article, not part of the story.",
  'site-header': "The site's header set inside the article, not part of the story.",
  'site-footer': "The site's footer set inside the article, not part of the story.",
};

/**
 * Records the blocks of what restoreLeftOut put back as removed, with the reason the copy left them out
 * (boilerplate, so a reader who keeps boilerplate sees them in place). Returns the restored elements to take
 * out of the article once their blocks are gone: an icon or an empty list of theirs must not stay.
 */
export function recordLeftOut(article: Article, restored: readonly Restored[], keep: readonly RemovalCategory[] = []): Element[] {
  const category: RemovalCategory = 'boilerplate';
  if (restored.length === 0 || keep.includes(category)) return [];
  const blockEls = new Set(article.blocks.map((b) => b.el));
  const whole = restored.filter((r) => {
    // Put back inside a block (a <nav> in a line Readability made a paragraph of), it is part of that block's
    // text now, as on the page: it stays with the block.
    for (let up = r.el.parentElement; up && up !== article.root; up = up.parentElement) if (blockEls.has(up)) return false;
    return true;
  });
  for (const block of article.blocks) {
    const from = whole.find((r) => r.el.contains(block.el));
    if (from) article.remove(block, { reason: from.reason, category, explanation: EXPLANATIONS[from.reason] });
  }
  return whole.map((r) => r.el);
}

/**
 * The <nav> elements Readability kept in the article, as the copy kept them inside the story: each goes, as
 * site navigation, unless it is the article's own outline (every link in-page, and not a row of ARIA tabs,
 * which switch panels of the page), which the rules judge.
 */
export function storyNavigation(root: Element): Restored[] {
  const found: Restored[] = [];
  for (const nav of Array.from(root.getElementsByTagName('nav'))) {
    if (found.some((r) => r.el.contains(nav)) || (linksStayInPage(nav) && nav.querySelector('[role="tab"], [role="tablist"]') === null)) continue;
    found.push({ el: nav, reason: 'site-navigation' });
  }
  return found;
}
