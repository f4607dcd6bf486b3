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

/**
 * The article element, sanitised into a new fragment. (DOMPurify's IN_PLACE mode would save the copy, but it
 * throws on the odd tag names an HTML parser accepts, such as "b<i", and keeps an empty is="".)
 */
export function sanitize(win: Window, root: Element): DocumentFragment {
  return purifierFor(win).sanitize(root, { ...SANITIZE_CONFIG, RETURN_DOM_FRAGMENT: true }) as DocumentFragment;
}

export function serialize(fragment: DocumentFragment): string {
  const holder = fragment.ownerDocument.createElement('div');
  holder.appendChild(fragment);
  return holder.innerHTML;
}

let turndown: TurndownService | undefined;

/**
 * Turndown joins its output by trimming the whole string so far at each block, which is quadratic on a long
 * article; converting the article's top-level blocks one by one and joining them keeps it linear.
 */
export function toMarkdown(title: string, root: Element | DocumentFragment): string {
  turndown ??= new TurndownService({ headingStyle: 'atx', codeBlockStyle: 'fenced', bulletListMarker: '-', emDelimiter: '*' }).keep(['table']);
  let container: Node = root;
  while (container.firstChild && container.firstChild === container.lastChild && container.firstChild.nodeType === 1) container = container.firstChild;
  const service = turndown;
  const doc = root.ownerDocument!;
  const parts = childNodesOf(container)
    .filter((node) => node.nodeType === 1 || (node.textContent ?? '').trim() !== '')
    .map((node) => {
      // Turndown converts what is inside the element it is given; a holder lets the block's own rule apply.
      const holder = doc.createElement('div');
      holder.appendChild(node.cloneNode(true));
      return service.turndown(holder);
    })
    .filter((part) => part !== '');
  return `# ${title.replace(/\s+/gu, ' ').trim()}\n\n${parts.join('\n\n')}\n`;
}
