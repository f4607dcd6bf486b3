/**
 * The direction the page itself set: `dir` on <html> or <body>, or a style sheet's `direction: rtl` on the body
 * (Arabic news sites often set only that). A computed "ltr" is every page's default, so it says nothing: then
 * null, and the article's language decides (src/reader/direction.ts).
 */
export function pageDirection(doc: Document): 'ltr' | 'rtl' | null {
  for (const el of [doc.documentElement, doc.body]) {
    const dir = el?.getAttribute('dir')?.trim().toLowerCase();
    if (dir === 'rtl' || dir === 'ltr') return dir;
  }
  const body = doc.body;
  if (body && doc.defaultView?.getComputedStyle(body).direction === 'rtl') return 'rtl';
  return null;
}
