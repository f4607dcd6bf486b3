/**
 * The "Load images" option turned off: the article without anything that would fetch. Done on the
 * HTML strings, in an inert document (DOMParser runs no script and loads nothing), before any view
 * builds elements in its live document, where an <img> starts loading as soon as it has a src.
 * An image with alt text becomes that text, as an element of role "img" named by it (the one sanitizer,
 * which every view applies again, keeps role and aria-label but no class), so the reader still knows what
 * was there and a screen reader still announces an image.
 */
import type { CleanResult } from '../core/types.ts';

/** Attributes that make a browser fetch something, on any element. Links (a[href]) fetch nothing until clicked. */
const FETCHING_ATTRIBUTES = ['src', 'srcset', 'sizes', 'poster', 'background', 'data', 'ping', 'xlink:href'];
/** Elements that exist only to fetch media. */
const MEDIA = 'picture source, video, audio, track, object, embed, iframe, link, image';

export function htmlWithoutImages(html: string, parser: DOMParser = new DOMParser()): string {
  const doc = parser.parseFromString(`<!doctype html><body>${html}`, 'text/html');
  for (const img of doc.body.querySelectorAll('img')) {
    const alt = (img.getAttribute('alt') ?? '').trim();
    if (alt === '') {
      img.remove();
      continue;
    }
    const text = doc.createElement('span');
    text.setAttribute('role', 'img');
    text.setAttribute('aria-label', alt);
    text.textContent = alt;
    img.replaceWith(text);
  }
  for (const media of doc.body.querySelectorAll(MEDIA)) media.remove();
  for (const element of doc.body.querySelectorAll('*')) {
    for (const name of FETCHING_ATTRIBUTES) element.removeAttribute(name);
    // SVG <use href> and <image href> fetch; an <a href> does not.
    if (element.namespaceURI !== 'http://www.w3.org/1999/xhtml' && element.localName !== 'a') element.removeAttribute('href');
  }
  return doc.body.innerHTML;
}

/** The result with every piece of article HTML (the body and each removal's own) stripped of what fetches. */
export function resultWithoutImages(result: CleanResult): CleanResult {
  const parser = new DOMParser();
  return {
    ...result,
    html: htmlWithoutImages(result.html, parser),
    removed: result.removed.map((removal) =>
      'html' in removal && typeof removal.html === 'string' ? { ...removal, html: htmlWithoutImages(removal.html, parser) } : removal,
    ),
  };
}

/**
 * A second belt for the extension page showing the article: a CSP that lets it load its own files
 * only (frames too: the engine's document, src/platform/engine-frame.ts). Inserted before any article HTML,
 * it holds for everything that comes after.
 */
export function forbidRemoteLoads(doc: Document): void {
  const meta = doc.createElement('meta');
  meta.httpEquiv = 'Content-Security-Policy';
  meta.content = "img-src 'self'; media-src 'none'; font-src 'self'; connect-src 'none'; frame-src 'self'";
  doc.head.append(meta);
}
