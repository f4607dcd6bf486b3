/**
 * The cleaned article as HTML (sanitised by DOMPurify) and Markdown (by Turndown), built from the article
 * element once the rules have removed their blocks.
 */
import createDOMPurify, { type DOMPurify } from 'dompurify';
import TurndownService from 'turndown';
import { childNodesOf } from './dom.ts';

const purifiers = new WeakMap<Window, DOMPurify>();

function purifierFor(win: Window): DOMPurify {
  let purify = purifiers.get(win);
  if (!purify) {
    purify = createDOMPurify(win as unknown as Parameters<typeof createDOMPurify>[0]);
    purifiers.set(win, purify);
  }
  return purify;
}

/** What an article may keep: its text and media, no forms, frames, styles or page classes. */
export const SANITIZE_CONFIG = {
  FORBID_TAGS: ['style', 'form', 'input', 'button', 'select', 'textarea', 'iframe', 'frame', 'object', 'embed', 'dialog', 'base', 'meta', 'link'],
  FORBID_ATTR: ['style', 'class', 'srcset', 'sizes'],
  ALLOW_DATA_ATTR: false,
};

/** Sanitises the article element in place: it belongs to the engine's own copy of the page. */
export function sanitize(win: Window, root: Element): void {
  purifierFor(win).sanitize(root, { ...SANITIZE_CONFIG, IN_PLACE: true });
  for (const el of Array.from(root.querySelectorAll('[is]'))) withoutIsValue(el);
}

/**
 * An element created with is="…" keeps that name after the attribute goes (and serialises it again), so
 * DOMPurify in place can only empty the attribute: a plain element of the same tag takes its place.
 */
function withoutIsValue(el: Element): void {
  const plain = el.ownerDocument.createElementNS(el.namespaceURI, el.localName);
  for (const attr of Array.from(el.attributes)) if (attr.name !== 'is') plain.setAttributeNode(attr.cloneNode() as Attr);
  while (el.firstChild) plain.appendChild(el.firstChild);
  el.replaceWith(plain);
}

let turndown: TurndownService | undefined;

/**
 * Turndown joins its output by trimming the whole string so far at each block, which is quadratic on a long
 * article; converting the article's top-level blocks one by one and joining them keeps it linear. Each block
 * goes as HTML: Turndown would copy a node it is given anyway, and parsing a string with its own parser (the
 * browser's DOMParser, or domino in Node) is cheaper than copying in jsdom.
 */
export function toMarkdown(title: string, root: Element): string {
  turndown ??= new TurndownService({ headingStyle: 'atx', codeBlockStyle: 'fenced', bulletListMarker: '-', emDelimiter: '*' }).keep(['table']);
  let container: Node = root;
  while (container.firstChild && container.firstChild === container.lastChild && container.firstChild.nodeType === 1) container = container.firstChild;
  const service = turndown;
  const parts = childNodesOf(container)
    .filter((node) => node.nodeType === 1 || (node.textContent ?? '').trim() !== '')
    .map((node) => service.turndown(node.nodeType === 1 ? (node as Element).outerHTML : escapeText(node.textContent ?? '')))
    .filter((part) => part !== '');
  return `# ${title.replace(/\s+/gu, ' ').trim()}\n\n${parts.join('\n\n')}\n`;
}

function escapeText(text: string): string {
  return text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
}
