/**
 * Obvious page furniture, removed from the working copy before Readability scores it: less for Readability
 * to walk, and nothing there that a reader would call the article. Structured data (JSON-LD) stays, since
 * Readability reads the byline and date from it; so do <noscript> images, which it unwraps. Forms stay too:
 * ASP.NET sites wrap the whole page in one (42aad16bde… in the dev corpus); their controls go.
 */
const FURNITURE = [
  'script:not([type="application/ld+json"])',
  'style',
  'link',
  'template',
  'iframe',
  'object',
  'embed',
  'button',
  'select',
  'textarea',
  'input',
  'dialog',
  'nav',
  '[role="navigation"]',
  '[role="banner"]',
  '[role="contentinfo"]',
  '[role="dialog"]',
  '[role="alertdialog"]',
  '[hidden]',
  '[aria-hidden="true"]',
].join(',');

export function pruneFurniture(doc: Document): void {
  for (const el of doc.querySelectorAll(FURNITURE)) el.remove();
  for (const el of doc.querySelectorAll('body footer')) {
    // A site footer, not the footer of the article (which can hold the byline or the corrections note).
    if (!el.closest('article')) el.remove();
  }
}
