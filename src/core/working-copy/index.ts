/**
 * The working copy of the page, made without its obvious furniture: less to copy, and less for Readability to
 * walk and serialise (it caches the whole body as HTML before each attempt). Nothing skipped here is what a
 * reader would call the article:
 * - scripts, styles, frames, form controls, navigation, site footers, hidden elements, ARIA landmarks of the
 *   page chrome (a <nav> inside the story stays; chrome that is shown leaves a marker, so that what Readability
 *   would keep of it on the page is put back and recorded as removed: restoreLeftOut, storyNavigation);
 * - when one element holds nearly all the page's paragraphs (proseRegion), everything of the body outside it
 *   but its siblings that hold content: the other columns, rails and footers of the page.
 * Structured data (JSON-LD) stays, since Readability reads the byline and date from it; so do <noscript>
 * images, which it unwraps. Forms stay too: ASP.NET sites wrap the whole page in one (42aad16bde… in the dev
 * corpus); only their controls go.
 * One walk with plain attribute reads: selector engines and live collections are slow on large pages in jsdom.
 * The copy is made by that walk, or by the DOM's own clone pruned in place (see CopyStrategy).
 *
 * The files of this folder are the steps a page goes through, in their order; each is entered once:
 *   01-served   the page as served: its size, its JSON-LD, and a clone if its names shadow DOM members
 *   02-streamed the swaps React's streaming scripts would make
 *   03-region   where the article is, and whether the copy may cut around it
 *   04-walk     the copy by a walk (the default)           | (pruned in place: the cut is probed instead)
 *   05-outside  the metadata and byline the cut left out
 *   06-prune    -                                          | what the cut and the furniture leave out goes
 *   07-shown    the streamed segments swapped in, as the reader saw them
 *   08-markers  the left-out markers placed and numbered
 * then, in clean.ts, Readability reads the copy, and:
 *   09-restore  what Readability kept of a marker's chrome is put back
 *   10-story-navigation  the navigation it kept inside the story is found
 *   11-record   both are recorded as removed, once the article is in blocks
 * Consulted by several steps: furniture.ts (what is left out), cut.ts (the cut around the region), left-out.ts
 * (the records and their markers), copy-element.ts (an element as the copy holds it).
 */
import { servedPage, type ServedPage, structuredData } from './01-served.ts';
import { type Swap, streamedSwaps } from './02-streamed.ts';
import { clearCutRegion } from './03-region.ts';
import { walkCopy } from './04-walk.ts';
import { type OutsideReads, outsideReads } from './05-outside.ts';
import { pruneInPlace } from './06-prune.ts';
import { showStreamed } from './07-shown.ts';
import { placeMarks } from './08-markers.ts';
import { RegionCut } from './cut.ts';
import type { LeftOut } from './left-out.ts';

export { proseRegion } from './03-region.ts';
export { showAsReaderSaw } from './07-shown.ts';

/**
 * How a copy is made: a JS walk that copies only what it keeps, or the DOM's own deep clone pruned in place.
 * Measured on the dev corpus (scripts/bench-chromium.ts --copy): the walk is the faster in jsdom and also in
 * Chromium, where the native clone copies what the region and furniture leave out only to drop it again.
 * 'in-place' prunes the document given, with the clone's decisions and no copy at all: only for a document
 * made for the one call (the CLI and batch parse one per page), never for a page someone sees.
 */
export type CopyStrategy = 'walk' | 'clone' | 'in-place';

export interface WorkingCopy {
  doc: Document;
  /**
   * What the copy left out where Readability might keep it, each marked in the copy by a comment (see
   * restoreLeftOut): page chrome that is shown.
   */
  leftOut: LeftOut[];
  /**
   * The text of a byline found outside the region (see outsideReads), if any: a hint for the metadata when
   * Readability finds none in the copy. It is data only; the copy does not hold it.
   */
  bylineHint: string | null;
  /** The JSON-LD blocks of the page as served, read before any was left out with its furniture (01-served). */
  structuredData: string[];
}

/**
 * The copy the engine reads: the page without its furniture, around its prose region when that is clear-cut.
 * It is not when the page streams its content in late (the region was found before the swap) or when what
 * the region leaves out holds prose: then the whole body is copied, as Readability alone would read it.
 * A page of more than `ceiling` elements is not copied at all (ReadOnceError "too-large").
 */
export function workingCopy(doc: Document, strategy: CopyStrategy = 'walk', ceiling = Infinity): WorkingCopy {
  const page = servedPage(doc, strategy, ceiling);
  const swaps = streamedSwaps(page.doc);
  return copyAround(page, swaps, swaps.length > 0 ? page.doc.body : clearCutRegion(page.doc));
}

/**
 * A copy of `doc` (same URL, so links resolve) without its furniture; `doc` itself is not touched. With a
 * region (an element of the body), only the region and what lies near it (RegionCut); the page's structured
 * data moves to the head. Both strategies give the same copy.
 */
export function copyWithoutFurniture(doc: Document, region: Element | null = null, strategy: CopyStrategy = 'walk'): WorkingCopy {
  const page = servedPage(doc, strategy, null);
  return copyAround(page, streamedSwaps(page.doc), page.doc === doc || !region ? region : counterpart(region, page.doc));
}

/** The element at the same place in a clone of the element's document. */
function counterpart(el: Element, clone: Document): Element | null {
  const path: number[] = [];
  for (let node: Node = el; node.parentNode; node = node.parentNode) {
    let i = 0;
    for (let sibling = node.previousSibling; sibling; sibling = sibling.previousSibling) i++;
    path.push(i);
  }
  let node: Node | null = clone;
  for (let k = path.length - 1; k >= 0 && node; k--) node = node.childNodes[path[k]!] ?? null;
  return node?.nodeType === 1 ? (node as Element) : null;
}

/** Steps 4 to 8: the copy of the page around `region` (an element of page.doc, or null for the whole body). */
function copyAround(page: ServedPage, swaps: readonly Swap[], region: Element | null): WorkingCopy {
  const data = structuredData(page.doc);
  const streamed = new Set(swaps.flatMap((s) => [s.target, s.segment]));
  const cut = new RegionCut(region, page.doc.body);
  const leftOut: LeftOut[] = [];
  let copy: Document;
  let reads: OutsideReads;
  if (page.inPlace) {
    cut.probe();
    reads = outsideReads(cut, page.doc);
    copy = pruneInPlace(page.doc, cut, streamed, leftOut);
  } else {
    copy = walkCopy(page.doc, cut, streamed, leftOut);
    reads = outsideReads(cut, copy);
  }
  for (const el of reads.metadata) copy.head?.appendChild(el);
  showStreamed(copy, swaps);
  placeMarks(leftOut);
  return { doc: copy, leftOut, bylineHint: reads.byline, structuredData: data };
}
