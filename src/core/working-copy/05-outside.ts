/**
 * Step 5, what Readability reads outside the region: the page's metadata (some pages put their <meta> and
 * JSON-LD in the body), which index.ts moves to the copy's head once the copy is made, and a byline passed
 * over near the region, as a hint. Read from what the cut left out: after the walk, or before the pruning in
 * place removes it.
 */
import { byDocumentOrder, FOLLOWING, walkElements } from '../dom.ts';
import { squash } from '../text.ts';
import type { RegionCut } from './cut.ts';

// What Readability takes for a byline: rel=author, an author itemprop, or a class or id of this kind.
const BYLINE_NAME = /byline|author|dateline|writtenby/iu;

function isBylineCandidate(el: Element): boolean {
  const named = el.getAttribute('rel') === 'author' || (el.getAttribute('itemprop') ?? '').includes('author') ||
    BYLINE_NAME.test(`${el.getAttribute('class') ?? ''} ${el.id}`);
  if (!named) return false;
  const length = (el.textContent ?? '').trim().length;
  return length > 0 && length < 100;
}

export interface OutsideReads {
  byline: string | null;
  /** Copies, owned by the copy's document, of the <meta> and JSON-LD found in what the region leaves out. */
  metadata: Node[];
}

/**
 * What Readability reads from the whole page, not only from the article: metadata (some pages put their
 * <meta> and JSON-LD in the body) goes to the copy's head. A byline in a sibling passed over before the region
 * is returned as a hint for the metadata.
 */
export function outsideReads(cut: RegionCut, copy: Document): OutsideReads {
  const reads: OutsideReads = { byline: null, metadata: [] };
  if (!cut.cuts) return reads;
  const near = new Set(cut.passedOver.filter((el) => el.compareDocumentPosition(cut.region!) & FOLLOWING));
  for (const root of inDocumentOrder(cut.skipped)) {
    walkElements(root, (el) => {
      if (el.localName === 'meta' || (el.localName === 'script' && el.getAttribute('type') === 'application/ld+json')) {
        reads.metadata.push(el.ownerDocument === copy ? el.cloneNode(true) : copy.importNode(el, true));
      } else if (reads.byline === null && near.has(root) && isBylineCandidate(el)) {
        reads.byline = squash(el.textContent ?? '');
      }
    });
  }
  return reads;
}

function inDocumentOrder(elements: Element[]): Element[] {
  return [...elements].sort(byDocumentOrder);
}
