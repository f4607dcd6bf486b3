/**
 * Step 1, the page as served: read through the DOM's own methods, since a page's named elements may stand in
 * for the document's and a form's members. Its size is checked before anything is copied, and a page whose
 * names shadow a member the walk reads is read through a clone without those names (pruned in place).
 */
import { tooLarge } from '../types.ts';
import type { CopyStrategy } from './index.ts';

/**
 * The DOM's own method `name` for `node`, taken from its prototypes. A page's named elements shadow a
 * document's and a form's own members for whoever reads them there (<img name="cloneNode">, <input
 * name="parentElement"> in a form: HTML's named properties, [LegacyOverrideBuiltIns]); the prototypes are the
 * reader's own (a content script has its own world), so what is found there is the DOM's.
 */
function intrinsic<T extends (...args: never[]) => unknown>(node: object, name: string): T {
  for (let proto = Object.getPrototypeOf(node) as object | null; proto; proto = Object.getPrototypeOf(proto) as object | null) {
    const value = Object.getOwnPropertyDescriptor(proto, name)?.value as unknown;
    if (typeof value === 'function') return value as T;
  }
  throw new TypeError(`no DOM method ${name}`);
}

/** The elements under `root` that match `selectors`, asked by the DOM's own method. */
function selectAll(root: ParentNode, selectors: string): Element[] {
  return Array.from(intrinsic<(selectors: string) => NodeListOf<Element>>(root, 'querySelectorAll').call(root, selectors));
}

/** What names a member of the document: <embed>, <form>, <iframe>, <img> and <object> by name (an <object> by id too). */
const NAMES_IN_DOCUMENT = 'embed[name], form[name], iframe[name], img[name], object[name]';
/** What names a member of a form: its listed elements and images by id or name, inside it or tied to it by form="" (for unclobberedClone, which has no form it may ask). */
const NAMES_IN_FORM = ['button', 'fieldset', 'input', 'object', 'output', 'select', 'textarea', 'img']
  .flatMap((tag) => [`form ${tag}[id]`, `form ${tag}[name]`, `${tag}[form][id]`, `${tag}[form][name]`])
  .join(', ');

/**
 * Whether an element of `doc` stands in for a member the DOM gives the document or a form (a form control
 * named "parentElement" answers for the form's own parentElement): then the page is read through
 * unclobberedClone. The candidates come from the DOM's own methods and getters (the document's named
 * elements, each form's controls and images), and each is checked on its owner, where the member read on the
 * instance is not what the DOM's own getter or method gives: names that are no member ("q" of a search box)
 * shadow nothing, and in a DOM without named properties (jsdom) nothing is shadowed. A page without forms
 * costs one short query.
 */
export function namesShadowMembers(doc: Document): boolean {
  const named = (owner: object, el: Element) => {
    const getAttribute = intrinsic<(name: string) => string | null>(el, 'getAttribute');
    return [getAttribute.call(el, 'name'), getAttribute.call(el, 'id')].some((name) => name !== null && name !== '' && shadowed(owner, name));
  };
  if (selectAll(doc, `${NAMES_IN_DOCUMENT}, object[id]`).some((el) => named(doc, el))) return true;
  const forms = intrinsic<(tag: string) => HTMLCollectionOf<HTMLFormElement>>(doc, 'getElementsByTagName').call(doc, 'form');
  for (const form of Array.from(forms)) {
    // Its listed elements (inside it or tied to it by form=""), by the DOM's own getter; and its images.
    const controls = Array.from(Reflect.get(Object.getPrototypeOf(form) as object, 'elements', form) as ArrayLike<Element>);
    if ([...controls, ...selectAll(form, 'img[name], img[id]')].some((el) => named(form, el))) return true;
  }
  return false;
}

/** Whether reading `name` on `owner` gives something else than its prototypes' member of that name. */
function shadowed(owner: object, name: string): boolean {
  const proto = Object.getPrototypeOf(owner) as object;
  return name in proto && (owner as Record<string, unknown>)[name] !== Reflect.get(proto, name, owner);
}

/** How many elements `doc` has, asked by its own method. */
export function elementCount(doc: Document): number {
  return intrinsic<(tag: string) => HTMLCollection>(doc, 'getElementsByTagName').call(doc, '*').length;
}

/**
 * A copy of `doc` in which no element names a member of the document or of a form: the DOM's own deep clone
 * (one call on the page, through its prototype), then those names taken off the clone's elements. On the page
 * itself a form that holds <input name="nextElementSibling"> answers with that input, and a walk by sibling
 * links runs in a circle (the page's tab hangs); <img name="title"> makes document.title an element. What is
 * taken: names of elements outside forms (of frames and plug-ins, which are furniture; of forms; of images,
 * which HTML made obsolete), and the ids and names of form controls and of images in forms. A fresh clone
 * has no form that was asked a name yet (a form remembers the names it answered to), so none is left.
 */
export function unclobberedClone(doc: Document): Document {
  const clone = intrinsic<(deep: boolean) => Node>(doc, 'cloneNode').call(doc, true) as Document;
  const take = (selectors: string, attributes: readonly string[]) => {
    for (const el of selectAll(clone, selectors)) {
      const removeAttribute = intrinsic<(name: string) => void>(el, 'removeAttribute');
      for (const name of attributes) removeAttribute.call(el, name);
    }
  };
  take(NAMES_IN_DOCUMENT, ['name']);
  take('object[id]', ['id']);
  take(NAMES_IN_FORM, ['id', 'name']);
  return clone;
}

/** The document the copy is made from, and whether it is pruned in place (no copy of it is made) or walked. */
export interface ServedPage {
  doc: Document;
  inPlace: boolean;
}

/**
 * The text of every JSON-LD block of the served page, wherever it stands: what a page says of itself (its
 * product, its thread) stays readable when the block sits in furniture the copy leaves out (Shopify puts a
 * product's in a hidden part of the body: deathwishcoffee.com).
 */
export function structuredData(doc: Document): string[] {
  // By tag, then type: an attribute selector costs jsdom a walk of its own through every element.
  const scripts = Array.from(intrinsic<(name: string) => HTMLCollectionOf<Element>>(doc, 'getElementsByTagName').call(doc, 'script'));
  return scripts.filter((s) => (s.getAttribute('type') ?? '').trim().toLowerCase() === 'application/ld+json').map((script) => script.textContent ?? '');
}

/**
 * What the copy is made from. `ceiling` is the most elements the served page may have before it is not even
 * copied (ReadOnceError "too-large"); null, for copyWithoutFurniture, asks neither the size nor the names.
 * 'clone' prunes the DOM's own deep clone in place, 'in-place' the document given.
 */
export function servedPage(doc: Document, strategy: CopyStrategy, ceiling: number | null): ServedPage {
  if (ceiling !== null) {
    const served = elementCount(doc);
    if (served > ceiling) throw tooLarge(served, ceiling);
  }
  if (strategy === 'clone') return { doc: unclobberedClone(doc), inPlace: true };
  if (strategy === 'in-place') return { doc, inPlace: true };
  // The walk reads the page by sibling links, which a form control named after one turns into a circle.
  if (ceiling !== null && namesShadowMembers(doc)) return { doc: unclobberedClone(doc), inPlace: true };
  return { doc, inPlace: false };
}
