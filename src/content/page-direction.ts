/**
 * The direction the page itself set: `dir` on <html> or <body>, or a style sheet's `direction: rtl` on the body
 * (Arabic news sites often set only that). A computed "ltr" is every page's default, so it says nothing: then
 * null, and the article's language decides (src/reader/direction.ts). Read on the live page with the snapshot
 * (src/content/snapshot.ts): the engine's parsed copy has no style to compute. Through this world's own DOM
 * members (page-dom.ts), since `<img name="body">` stands in for document.body.
 */
import { dom } from './page-dom.ts';

export function pageDirection(doc: Document): 'ltr' | 'rtl' | null {
  const body = dom.body(doc);
  for (const el of [dom.documentElement(doc), body]) {
    const dir = el ? dom.getAttribute(el, 'dir')?.trim().toLowerCase() : undefined;
    if (dir === 'rtl' || dir === 'ltr') return dir;
  }
  if (body && getComputedStyle(body).direction === 'rtl') return 'rtl';
  return null;
}
