/**
 * Step 8, the left-out markers placed and numbered: each moved up beside the outermost element it alone would
 * leave empty, then numbered in the copy's order, so that the walk and the pruning in place give the same copy.
 */
import { byDocumentOrder } from '../dom.ts';
import { type LeftOut, MARK } from './left-out.ts';

/** Readies the markers for Readability: hoisted, then renumbered (and the records sorted) in document order. */
export function placeMarks(leftOut: LeftOut[]): void {
  hoistMarks(leftOut);
  // Numbered in the copy's order, so both strategies give the same copy.
  leftOut.sort((a, b) => byDocumentOrder(a.mark, b.mark));
  leftOut.forEach((entry, i) => (entry.mark.data = MARK + i));
}

/**
 * A marker alone in its element would go with it: Readability removes an element left with no text (a
 * <div> that only held a <nav>), which on the page itself held the left-out text. The marker
 * moves up beside the outermost element it leaves empty.
 */
function hoistMarks(leftOut: readonly LeftOut[]): void {
  for (const { mark } of leftOut) {
    for (let parent = mark.parentElement; parent && parent.localName !== 'body' && isEmpty(parent); parent = mark.parentElement) {
      parent.parentNode?.insertBefore(mark, parent.nextSibling);
    }
  }
}

/** Readability's test for an element without content: no text, and no element but <br> and <hr>. */
function isEmpty(el: Element): boolean {
  for (let child = el.firstElementChild; child; child = child.nextElementSibling) if (child.localName !== 'br' && child.localName !== 'hr') return false;
  return (el.textContent ?? '').trim() === '';
}
