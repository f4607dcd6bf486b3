/**
 * The DOM members the snapshot reads, taken from this world's own prototypes and called on the page's nodes.
 * A page's named elements shadow a document's and a form's members for anyone who reads them there, in every
 * world ([LegacyOverrideBuiltIns]): `<form name="getElementsByTagName">` makes document.getElementsByTagName a
 * form, `<input name="nextSibling">` makes form.nextSibling an input, and a walk by sibling links runs in a
 * circle (e2e/page-attacks.test.ts). The content script's world has prototypes of its own that no page script
 * can reach, so what is found on them is the DOM's.
 */

function getter<T>(proto: object, name: string): (self: object) => T {
  const get = Object.getOwnPropertyDescriptor(proto, name)?.get;
  if (!get) throw new TypeError(`no DOM getter ${name}`);
  return (self) => get.call(self) as T;
}

function method<A extends unknown[], T>(proto: object, name: string): (self: object, ...args: A) => T {
  const fn = Object.getOwnPropertyDescriptor(proto, name)?.value as ((...args: A) => T) | undefined;
  if (typeof fn !== 'function') throw new TypeError(`no DOM method ${name}`);
  return (self, ...args) => fn.apply(self, args);
}

/** getHTML with the shadow roots to serialise (Chromium 125+, Firefox 128+); undefined where it is missing. */
type GetHtml = (self: object, options: { shadowRoots: ShadowRoot[] }) => string;
const getHtmlOf = (proto: object): GetHtml | undefined =>
  typeof Object.getOwnPropertyDescriptor(proto, 'getHTML')?.value === 'function' ? method(proto, 'getHTML') : undefined;

export const dom = {
  documentElement: getter<Element | null>(Document.prototype, 'documentElement'),
  readyState: getter<DocumentReadyState>(Document.prototype, 'readyState'),
  contentType: getter<string>(Document.prototype, 'contentType'),
  compatMode: getter<string>(Document.prototype, 'compatMode'),
  url: getter<string>(Document.prototype, 'URL'),
  baseUri: getter<string>(Node.prototype, 'baseURI'),
  body: getter<HTMLElement | null>(Document.prototype, 'body'),
  head: getter<HTMLHeadElement | null>(Document.prototype, 'head'),
  implementation: getter<DOMImplementation>(Document.prototype, 'implementation'),
  importNode: method<[Node, boolean], Node>(Document.prototype, 'importNode'),
  contains: method<[Node | null], boolean>(Node.prototype, 'contains'),
  createHtmlDocument: method<[string], Document>(DOMImplementation.prototype, 'createHTMLDocument'),
  nodeType: getter<number>(Node.prototype, 'nodeType'),
  firstChild: getter<ChildNode | null>(Node.prototype, 'firstChild'),
  nextSibling: getter<ChildNode | null>(Node.prototype, 'nextSibling'),
  parentNode: getter<ParentNode | null>(Node.prototype, 'parentNode'),
  firstElementChild: getter<Element | null>(Element.prototype, 'firstElementChild'),
  textContent: getter<string | null>(Node.prototype, 'textContent'),
  data: getter<string>(CharacterData.prototype, 'data'),
  localName: getter<string>(Element.prototype, 'localName'),
  getAttribute: method<[string], string | null>(Element.prototype, 'getAttribute'),
  namespaceUri: getter<string | null>(Element.prototype, 'namespaceURI'),
  outerHtml: getter<string>(Element.prototype, 'outerHTML'),
  shadowRoot: getter<ShadowRoot | null>(Element.prototype, 'shadowRoot'),
  shadowMode: getter<ShadowRootMode>(ShadowRoot.prototype, 'mode'),
  cloneNode: method<[boolean], Node>(Node.prototype, 'cloneNode'),
  elementsIn: method<[string], HTMLCollectionOf<Element>>(Document.prototype, 'getElementsByTagName'),
  elementsUnder: method<[string], HTMLCollectionOf<Element>>(Element.prototype, 'getElementsByTagName'),
  elementsInShadow: method<[string], NodeListOf<Element>>(DocumentFragment.prototype, 'querySelectorAll'),
  elementGetHtml: getHtmlOf(Element.prototype),
  shadowGetHtml: getHtmlOf(ShadowRoot.prototype),
};
