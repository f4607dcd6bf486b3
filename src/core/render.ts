/**
 * The cleaned article as HTML (sanitised by DOMPurify) and Markdown (by Turndown), built from the article
 * element once the rules have removed their blocks.
 */
import createDOMPurify, { type DOMPurify } from 'dompurify';
import TurndownService from 'turndown';

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

export function sanitize(win: Window, root: Element): DocumentFragment {
  return purifierFor(win).sanitize(root, { ...SANITIZE_CONFIG, RETURN_DOM_FRAGMENT: true }) as DocumentFragment;
}

export function serialize(fragment: DocumentFragment): string {
  const holder = fragment.ownerDocument.createElement('div');
  holder.appendChild(fragment.cloneNode(true));
  return holder.innerHTML;
}

let turndown: TurndownService | undefined;

export function toMarkdown(title: string, fragment: DocumentFragment): string {
  turndown ??= new TurndownService({ headingStyle: 'atx', codeBlockStyle: 'fenced', bulletListMarker: '-', emDelimiter: '*' }).keep(['table']);
  const body = turndown.turndown(fragment as unknown as HTMLElement);
  return `# ${title.replace(/\s+/gu, ' ').trim()}\n\n${body}\n`;
}
