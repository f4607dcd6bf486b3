/**
 * The result's Markdown on demand. A caller that shows the article first cleans with `markdown: false` (the
 * content script does: Turndown is the largest part of a clean in the browser) and renders the Markdown here,
 * from the result's html, only when it is asked for (the popup's Copy Markdown). Kept apart from clean.ts so a
 * view that needs it does not bundle Readability and the rules.
 */
import { toMarkdown } from './render.ts';
import { sanitizeToFragment } from './sanitize.ts';
import type { CleanResult } from './types.ts';

/**
 * The Markdown as the engine rendered it, or for a result cleaned with `markdown: false`, rendered now from its
 * html (already sanitised; parsing sanitises it again, which changes nothing), which gives the same Markdown.
 * `doc` needs a window, for the sanitiser.
 */
export function markdownOf(result: Pick<CleanResult, 'title' | 'html' | 'markdown'>, doc: Document): string {
  if (result.markdown !== '') return result.markdown;
  const root = doc.createElement('div');
  root.append(sanitizeToFragment(doc, result.html));
  return toMarkdown(result.title, root);
}
