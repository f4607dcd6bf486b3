/**
 * schema.org microdata, read as the HTML standard defines it: an element with `itemscope` is an item, of the
 * types its `itemtype` names; its properties are the elements with `itemprop` below it, down to (and
 * including) the next item, whose own properties are its own. Forums mark their posts this way
 * (DiscussionForumPosting, Comment, Question, Answer: Discourse, XenForo, vBulletin, Stack Exchange), shops
 * their products (Product, Offer).
 */
import { squash } from '../text.ts';

/** The item's types, short: "https://schema.org/Comment" is "Comment". */
export function itemTypes(el: Element): string[] {
  return (el.getAttribute('itemtype') ?? '').split(/\s+/u).filter(Boolean).map((t) => t.replace(/^.*[/#]/u, ''));
}

/** The items under `root` that name their types, in document order. */
export function items(root: ParentNode): Element[] {
  return Array.from(root.querySelectorAll('[itemscope][itemtype]'));
}

export function isItem(el: Element, types: ReadonlySet<string>): boolean {
  return el.hasAttribute('itemscope') && itemTypes(el).some((t) => types.has(t));
}

/**
 * The item's own properties by name, in document order: what sits below it outside any nested item, and the
 * nested items that are its properties (an author that is a Person).
 */
export function ownProperties(item: Element): Map<string, Element[]> {
  const props = new Map<string, Element[]>();
  const stack: Element[] = [];
  for (let child = item.lastElementChild; child; child = child.previousElementSibling) stack.push(child);
  while (stack.length > 0) {
    const el = stack.pop()!;
    const names = el.getAttribute('itemprop');
    if (names) for (const name of names.split(/\s+/u)) if (name) props.set(name, [...(props.get(name) ?? []), el]);
    if (el.hasAttribute('itemscope')) continue;
    for (let child = el.lastElementChild; child; child = child.previousElementSibling) stack.push(child);
  }
  return props;
}

/**
 * A property's value as text: a <meta>'s content, a <time>'s text (or its datetime when it shows none), a
 * link's text, and for a nested item its name.
 */
export function propertyText(el: Element): string {
  if (el.hasAttribute('itemscope')) {
    const name = ownProperties(el).get('name')?.[0];
    if (name) return propertyText(name);
  }
  if (el.localName === 'meta') return squash(el.getAttribute('content') ?? '');
  const text = squash(el.textContent ?? '');
  if (text !== '') return text;
  return squash(el.getAttribute('content') ?? el.getAttribute('datetime') ?? '');
}
