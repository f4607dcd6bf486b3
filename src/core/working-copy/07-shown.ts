/**
 * Step 7, the copy shown as the reader saw it: React's streamed segments swapped into place, as the page's
 * own $RC/$RS scripts do once it has loaded, and a segment whose script is gone shown where it was sent.
 * showAsReaderSaw does the same to a page itself, for the scripts that measure what Readability alone keeps.
 */
import { type Swap, streamedSwaps } from './02-streamed.ts';
import { isOrphanSegment, isShownStory } from './furniture.ts';

/** Does in the copy what the page's $RC/$RS scripts do: the segment's content takes its place. */
function applySwaps(copy: Document, swaps: readonly Swap[]): void {
  for (const { target, segment, replacesFallback } of swaps) {
    const at = copy.getElementById(target);
    const from = copy.getElementById(segment);
    const parent = at?.parentNode;
    if (!at || !from || !parent) continue;
    let end: ChildNode | null = at.nextSibling;
    if (replacesFallback) {
      // The fallback runs to the boundary's closing comment, past nested boundaries.
      for (let depth = 0; end; ) {
        const next: ChildNode | null = end.nextSibling;
        if (end.nodeType === 8) {
          const data = (end as Comment).data;
          if (data === '/$' && depth-- === 0) break;
          if (data === '$?' || data === '$!' || data === '$') depth++;
        }
        parent.removeChild(end);
        end = next;
      }
    }
    while (from.firstChild) parent.insertBefore(from.firstChild, end);
    at.remove();
    from.remove();
  }
}

/**
 * Shows in `doc` itself what the working copy reads as shown: React's streamed segments in place (what the
 * page's own $RC/$RS scripts show once it has loaded; a segment whose script is gone, where it was sent), and
 * the story under an aria-hidden a modal left on the page (on screen all along). That is the page a reader saw,
 * for measuring what Readability alone keeps of it: on a saved page whose scripts did not run, or whose story
 * is aria-hidden, Readability reads only the skeleton or the chrome around the story. The engine never calls
 * this on the page it is given.
 */
export function showAsReaderSaw(doc: Document): void {
  showStreamed(doc, streamedSwaps(doc));
  for (const el of Array.from(doc.body?.querySelectorAll('[aria-hidden="true"]') ?? [])) if (isShownStory(el)) el.removeAttribute('aria-hidden');
}

/** The streamed content where the reader saw it: each segment swapped into place, those left over shown. */
export function showStreamed(doc: Document, swaps: readonly Swap[]): void {
  if (swaps.length > 0) applySwaps(doc, swaps);
  for (const el of Array.from(doc.body?.children ?? [])) if (isOrphanSegment(el)) el.removeAttribute('hidden');
}
