/**
 * The one sanitizer: what page-derived HTML may keep, used by the engine on its own copy and again by every
 * view (popup, reader, CLI html) before it inserts anything. DOMPurify's HTML, SVG and MathML allowlists,
 * narrowed to what an article needs: its text, media and math; none of the markup a page could use to run,
 * restyle, steer or phone home from a reader's view. The caller passes its window in, so the same code runs
 * in jsdom and in the browser.
 */
import createDOMPurify, { type Config, type DOMPurify, type UponSanitizeAttributeHookEvent, type UponSanitizeElementHookEvent } from 'dompurify';

/** The only data-* attribute that survives: the engine's id of a block ("b" + its index in reading order). */
export const BLOCK_ID_ATTR = 'data-ro-block';
const BLOCK_ID = /^b\d+$/u;

/** The CSS selector of the element that carries block `id`, or null for anything that is not a block id. */
export function blockSelector(id: string): string | null {
  return BLOCK_ID.test(id) ? `[${BLOCK_ID_ATTR}="${id}"]` : null;
}

/** http(s), mailto, and relative URLs (a path, "#fragment", "?query"); no javascript:, data:, ftp:, blob:, file:. */
const ALLOWED_URI = /^(?:(?:https?|mailto):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/iu;

/** Code keeps its language ("language-js", "lang-py") for the Markdown fence and syntax; no other class survives. */
const CODE_CLASS = /^(?:language|lang)-[\w#+.-]+$/u;
const CODE_TAGS = new Set(['code', 'pre']);

export const SANITIZE_CONFIG: Config = {
  FORBID_TAGS: [
    // Forms and controls: nothing to submit or type into, nothing that looks like the reader's own buttons.
    'form', 'input', 'button', 'select', 'option', 'optgroup', 'datalist', 'textarea', 'selectedcontent',
    // Other documents and plug-ins.
    'iframe', 'frame', 'frameset', 'object', 'embed', 'portal', 'fencedframe',
    // Page styling and document-level markup.
    'style', 'base', 'meta', 'link',
    // A modal over the reader, and shadow DOM plumbing.
    'dialog', 'template', 'slot',
  ],
  FORBID_ATTR: [
    // Styling: the reader styles the article, the page does not (srcset/sizes pick other, unchecked URLs).
    'style', 'srcset', 'sizes', 'background', 'bgcolor', 'color', 'face',
    // Shadow-DOM and custom-element hooks a page can style or upgrade from outside (::part, slots, is="").
    'part', 'exportparts', 'slot', 'is',
    // Focus, keys and commands: the reader's keyboard belongs to the reader.
    'tabindex', 'accesskey', 'autofocus', 'popover', 'popovertarget', 'popovertargetaction', 'command', 'commandfor',
    'contenteditable', 'draggable', 'inert',
    // Requests the reader did not ask for, or made differently from a plain fetch.
    'ping', 'action', 'formaction', 'crossorigin', 'integrity', 'nonce', 'download', 'autoplay', 'preload',
  ],
  // Math keeps its TeX: <semantics> pairs the MathML with an <annotation encoding="application/x-tex"> (text only;
  // annotation-xml, which may hold HTML, stays out). The Markdown writes math from it (render.ts, math.ts).
  ADD_TAGS: ['semantics', 'annotation'],
  ADD_ATTR: [BLOCK_ID_ATTR, 'referrerpolicy'],
  ALLOW_DATA_ATTR: false,
  ALLOWED_URI_REGEXP: ALLOWED_URI,
};

/** Attribute rules a static config cannot say: which classes, which block ids, which referrer policy. */
function narrowAttribute(node: Element, event: UponSanitizeAttributeHookEvent): void {
  const name = event.attrName;
  if (name === 'class') {
    const kept = CODE_TAGS.has(node.localName) ? event.attrValue.split(/\s+/u).filter((c) => CODE_CLASS.test(c)) : [];
    if (kept.length === 0) event.keepAttr = false;
    else event.attrValue = kept.join(' ');
  } else if (name === BLOCK_ID_ATTR) {
    if (!BLOCK_ID.test(event.attrValue)) event.keepAttr = false;
  } else if (name === 'referrerpolicy') {
    if (event.attrValue !== 'no-referrer') event.keepAttr = false;
  }
}

const XHTML = 'http://www.w3.org/1999/xhtml';

/**
 * The MathML and SVG names DOMPurify allows (ours: its lists plus semantics and annotation) that are not also
 * HTML names. Outside <math> and <svg> the HTML parser makes such a tag an HTML element (`<mtext>`, `<text>`
 * in a paragraph), and DOMPurify, which allows the name only in its own namespace, removes the element
 * together with its text, which the blocks still had. So does it with foreignObject and annotation-xml, which
 * it forbids with their content (in math or SVG they may hold HTML; as HTML elements they hold only HTML).
 * test/sanitize.test.ts checks this list against DOMPurify's own behaviour, name by name.
 */
const MATH_AND_SVG_ONLY = new Set([
  'foreignobject', 'annotation-xml',
  ...'math menclose merror mfenced mfrac mglyph mi mlabeledtr mmultiscripts mn mo mover mpadded mphantom mprescripts mroot mrow ms mspace msqrt mstyle msub msubsup msup mtable mtd mtext mtr munder munderover semantics annotation'.split(' '),
  ...'svg altglyph altglyphdef altglyphitem animatecolor animatemotion animatetransform circle clippath defs desc ellipse filter g glyph glyphref hkern image line lineargradient marker mask metadata mpath path pattern polygon polyline radialgradient rect stop switch symbol text textpath tref tspan view vkern'.split(' '),
  ...'feblend fecolormatrix fecomponenttransfer fecomposite feconvolvematrix fediffuselighting fedisplacementmap fedistantlight fedropshadow feflood fefunca fefuncb fefuncg fefuncr fegaussianblur feimage femerge femergenode femorphology feoffset fepointlight fespecularlighting fespotlight fetile feturbulence'.split(' '),
]);

/**
 * An HTML element with a MathML or SVG name gives up its element, not its text: its children move out to
 * where it stood, as DOMPurify does with a tag it does not allow, and it goes. They go after it, so that
 * DOMPurify's walk, which is at the element, comes to them next and sanitises them. Real MathML and SVG, in
 * their own namespaces, are not touched. A hook DOMPurify already calls for each node, rather than a search
 * of the tree: the engine sanitises on the reader's tab.
 */
function unwrapMathOrSvgNamedHtml(node: Node, event: UponSanitizeElementHookEvent): void {
  if (!MATH_AND_SVG_ONLY.has(event.tagName)) return;
  const el = node as Element;
  const parent = el.parentNode;
  if (el.namespaceURI !== XHTML || !parent) return;
  const next = el.nextSibling;
  while (el.firstChild) parent.insertBefore(el.firstChild, next);
  el.remove();
}

/** Images load lazily and tell the image host nothing of where the reader is; links open without a referrer. */
function hardenRequests(node: Element): void {
  if (node.localName === 'img') {
    node.setAttribute('referrerpolicy', 'no-referrer');
    node.setAttribute('loading', 'lazy');
  } else if (node.localName === 'a' && node.hasAttribute('href') && node.namespaceURI === 'http://www.w3.org/1999/xhtml') {
    node.setAttribute('rel', 'noopener noreferrer');
  }
}

const purifiers = new WeakMap<Window, DOMPurify>();

/**
 * One DOMPurify per window, with ReadOnce's hooks and config; nothing else configures it or adds hooks. The
 * config is set once: given to each sanitize() call, it is parsed again every time (all the default allowlists
 * rebuilt), which in Chromium cost about as much as sanitising a short article.
 */
function purifierFor(win: Window): DOMPurify {
  let purify = purifiers.get(win);
  if (!purify) {
    purify = createDOMPurify(inertWindow(win) as unknown as Parameters<typeof createDOMPurify>[0]);
    purify.setConfig({ ...SANITIZE_CONFIG, IN_PLACE: true });
    purify.addHook('uponSanitizeElement', unwrapMathOrSvgNamedHtml);
    purify.addHook('uponSanitizeAttribute', narrowAttribute);
    purify.addHook('afterSanitizeAttributes', hardenRequests);
    purifiers.set(win, purify);
  }
  return purify;
}

/**
 * What DOMPurify reads of a window (3.x: these seven), with an inert document of its own in place of the
 * page's: DOMPurify asks its document for createElement, and on a page an <img name="createElement"> answers.
 */
function inertWindow(win: Window): Record<string, unknown> {
  const w = win as Window & typeof globalThis & { trustedTypes?: unknown };
  return {
    document: new w.DOMParser().parseFromString('<!doctype html><title></title>', 'text/html'),
    HTMLTemplateElement: w.HTMLTemplateElement,
    Node: w.Node,
    Element: w.Element,
    NodeFilter: w.NodeFilter,
    DOMParser: w.DOMParser,
    trustedTypes: w.trustedTypes,
  };
}

/** Sanitises `root` and what it holds in place; for the engine's own copy of the page, never for a live page. */
export function sanitizeInPlace(win: Window, root: Element): void {
  purifierFor(win).sanitize(root);
  withoutIsValues(root);
}

/** Sanitised HTML as a string (the CLI, tests). */
export function sanitizeHtml(win: Window, html: string): string {
  return sanitizedContainer(win, html).innerHTML;
}

/** Sanitised HTML as a fragment owned by `doc`, ready to insert: never through innerHTML of a live element. */
export function sanitizeToFragment(doc: Document, html: string): DocumentFragment {
  const win = doc.defaultView;
  if (!win) throw new Error('sanitizeToFragment needs a document with a window (defaultView) for DOMPurify');
  const fragment = doc.createDocumentFragment();
  fragment.append(...Array.from(sanitizedContainer(win, html).childNodes));
  return fragment;
}

/**
 * Parses `html` in an inert document (no scripts run, nothing loads) and sanitises it in place, the way the
 * engine sanitises its copy, so both give the same markup. DOMPurify's own DOM output drops an element with an
 * is="" value together with its text; in place, only the value goes.
 */
function sanitizedContainer(win: Window, html: string): HTMLElement {
  // After <body>, leading white space is text, as in the string given.
  const parsed = new (win as Window & typeof globalThis).DOMParser().parseFromString(`<!doctype html><body>${html}`, 'text/html');
  const container = parsed.createElement('div');
  moveChildren(parsed.body, container);
  sanitizeInPlace(win, container);
  return container;
}

/**
 * One node at a time: append(...nodes) passes every node as an argument, and a scraped text of some 70,000
 * lines (one <p> each) overflowed the call stack.
 */
function moveChildren(from: Node, to: Node): void {
  while (from.firstChild) to.appendChild(from.firstChild);
}

/**
 * An element created with is="…" keeps that name after the attribute goes (and serialises it again), so
 * DOMPurify can only empty the attribute: a plain element of the same tag takes its place.
 */
function withoutIsValues(root: ParentNode): void {
  for (const el of Array.from(root.querySelectorAll('[is]'))) {
    const plain = el.ownerDocument.createElementNS(el.namespaceURI, el.localName);
    for (const attr of Array.from(el.attributes)) if (attr.name !== 'is') plain.setAttributeNode(attr.cloneNode() as Attr);
    while (el.firstChild) plain.appendChild(el.firstChild);
    el.replaceWith(plain);
  }
}
