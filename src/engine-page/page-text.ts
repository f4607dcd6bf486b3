/**
 * The page's whole text, offered when no article was found ("Show the whole text"). Read from the engine's parse
 * of the snapshot, where there is no layout to ask (innerText of an inert document is its textContent, all one
 * line): every element that is not inline starts a line, and what a browser never renders is skipped: scripts,
 * styles, templates, <noscript> (the page ran scripts) and elements hidden by their own markup.
 */
import { INLINE } from '../core/blocks.ts';

const NOT_RENDERED = new Set(['head', 'script', 'style', 'template', 'noscript', 'iframe', 'object', 'embed', 'select', 'option', 'textarea']);
const HIDDEN_STYLE = /(?:^|;)\s*(?:display\s*:\s*none|visibility\s*:\s*hidden)/iu;

export function pageText(doc: Document, limit: number): string {
  const body = doc.body;
  if (!body) return '';
  const parts: string[] = [];
  let length = 0;
  // Depth first without recursion: a page nested thousands deep would overflow the stack.
  const stack: (Node | '\n')[] = [body];
  while (stack.length > 0 && length < limit) {
    const node = stack.pop()!;
    if (node === '\n') {
      parts.push('\n');
      continue;
    }
    if (node.nodeType === 3) {
      const text = node.textContent ?? '';
      parts.push(text);
      length += text.length;
      continue;
    }
    if (node.nodeType !== 1) continue;
    const el = node as Element;
    if (NOT_RENDERED.has(el.localName) || el.hasAttribute('hidden') || HIDDEN_STYLE.test(el.getAttribute('style') ?? '')) continue;
    if (el.localName === 'br') {
      parts.push('\n');
      continue;
    }
    const block = !INLINE.has(el.localName);
    if (block) stack.push('\n');
    for (let child = el.lastChild; child; child = child.previousSibling) stack.push(child);
    if (block) parts.push('\n');
  }
  return parts
    .join('')
    .split('\n')
    .map((line) => line.replace(/\s+/gu, ' ').trim())
    .filter((line) => line !== '')
    .join('\n')
    .slice(0, limit);
}
