/**
 * The shape of an element, as repeated parts of a page share it: its tag and its class names. Posts of a
 * thread and cards of a listing are made by one template, so they differ only in the classes a template adds
 * per item (phpBB's bg1/bg2, vBulletin's alt1/alt2, odd/even rows), which the key leaves out.
 */
import { UNSEEN_TAGS } from '../dom.ts';

export function classesOf(el: Element): string[] {
  return (el.getAttribute('class') ?? '').split(/\s+/u).filter(Boolean);
}

/** Share of class names two elements have in common (Jaccard); 1 for two without any. */
export function classLikeness(a: readonly string[], b: readonly string[]): number {
  if (a.length + b.length === 0) return 1;
  const set = new Set(a);
  const shared = b.filter((c) => set.has(c)).length;
  return shared / (a.length + b.length - shared);
}

// Classes a template sets per item or per state: numbered (bg1, post-123), alternating, first/last, states.
const PER_ITEM = /\d|^(?:odd|even|first|last|active|selected|current|hidden|visible|open|closed|new|unread|read|is-|has-)/u;

/** tag.class.class: the template an element comes from, without the classes it sets per item. */
export function shapeKey(el: Element): string {
  const classes = [...new Set(classesOf(el).map((c) => c.toLowerCase()).filter((c) => !PER_ITEM.test(c)))].sort();
  return classes.length === 0 ? el.localName : `${el.localName}.${classes.join('.')}`;
}

/** A bare <div>, <span>, <p> or <a> is any part of any template: no shape to call a post or a card. */
export const UNSHAPED: ReadonlySet<string> = new Set(['div', 'span', 'p', 'a']);

/** The words of an element's class names and id: "message-body" and "postBody" both say "body". */
export function nameWords(el: Element): string[] {
  const names = `${el.getAttribute('class') ?? ''} ${el.id}`;
  if (names.trim() === '') return [];
  return names
    .replace(/([a-z])([A-Z])/gu, '$1 $2')
    .toLowerCase()
    .split(/[^a-z]+/u)
    .filter(Boolean);
}

/**
 * Where `target` stands in `model`, found in `other` (an element of the same template): down the same path
 * of elements, each step to the child of the same tag whose classes are most like the model's (then the one
 * with more text). An item may lack a class the model has (XenForo's first post has no bbWrapper): the path,
 * not the class, leads there. Null when the path breaks off, unless what it reached is at most `orShort`
 * characters long (an author's name set as a link where the model has a <span>).
 */
export function counterpart(other: Element, model: Element, target: Element, orShort = 0): Element | null {
  const path: Element[] = [];
  for (let el: Element | null = target; el && el !== model; el = el.parentElement) path.unshift(el);
  let at = other;
  for (const step of path) {
    let best: Element | null = null;
    let bestScore = -1;
    const want = classesOf(step);
    for (let child = at.firstElementChild; child; child = child.nextElementSibling) {
      if (child.localName !== step.localName) continue;
      const score = classLikeness(want, classesOf(child)) * 1e6 + Math.min((child.textContent ?? '').length, 1e6 - 1) / 1e6;
      if (score > bestScore) [best, bestScore] = [child, score];
    }
    if (!best) return at !== other && orShort > 0 && (at.textContent ?? '').trim().length <= orShort ? at : null;
    at = best;
  }
  return at;
}

const UNSEEN_SELECTOR = [...UNSEEN_TAGS].join(',');

/** A copy of `node` for a reading's root, without what no reader sees, which Readability drops too (null for such a node itself). */
export function readerCopy<T extends Node>(node: T): T | null {
  if (node.nodeType === 1 && UNSEEN_TAGS.has((node as unknown as Element).localName)) return null;
  const copy = node.cloneNode(true) as T;
  if (copy.nodeType === 1) for (const el of Array.from((copy as unknown as Element).querySelectorAll(UNSEEN_SELECTOR))) el.remove();
  return copy;
}

/** The link a heading is (or holds) to another page: a card's title. Null for none, or an anchor in the page. */
export function titleLink(heading: Element): Element | null {
  const link = heading.querySelector('a[href]') ?? heading.closest('a[href]');
  const href = link?.getAttribute('href') ?? '';
  return link && href !== '' && !href.startsWith('#') ? link : null;
}

const URL_ATTRIBUTES: ReadonlyArray<[string, string]> = [
  ['a', 'href'],
  ['img', 'src'],
  ['video', 'src'],
  ['video', 'poster'],
  ['audio', 'src'],
  ['source', 'src'],
];

/**
 * Links and media of a reading's root made absolute against the page's address, as Readability does for its
 * pick (a root is shown in the popup, away from the page; nytimes-5's section front linked "/es/2022/…").
 * A `javascript:` link becomes its text, as in Readability. Srcsets are left to the views' image handling.
 */
export function resolveUrls(root: Element): void {
  const base = root.ownerDocument.baseURI;
  for (const [tag, attribute] of URL_ATTRIBUTES) {
    for (const el of Array.from(root.querySelectorAll(`${tag}[${attribute}]`))) {
      const value = (el.getAttribute(attribute) ?? '').trim();
      if (tag === 'a' && /^javascript:/iu.test(value)) {
        el.replaceWith(...Array.from(el.childNodes));
        continue;
      }
      if (value === '' || value.startsWith('#') || /^[a-z][a-z\d+.-]*:/iu.test(value)) continue;
      try {
        el.setAttribute(attribute, new URL(value, base).href);
      } catch {
        // An address no URL parser reads stays as the page wrote it.
      }
    }
  }
}
