/**
 * The left-out records: what the copy left out where Readability might keep it (shown page chrome), each with
 * its reason and the comment that stands in its place in the copy, and what of it was put back into the
 * article. Not a step of its own: the copy makes the records (walked or pruned in place), 08-markers places
 * and numbers their comments, 09-restore reads them back after Readability.
 */
import type { LeftOutReason } from './furniture.ts';

/** What the copy left out, with why; a marker comment stands in its place, numbered by its index here. */
export interface LeftOut {
  /** The element as it was (of the page, or of a clone of it): restored from it if Readability keeps the marker. */
  el: Element;
  reason: LeftOutReason;
  mark: Comment;
}

export const MARK = 'ro-left-out ';
/** The markers made for copies being pruned in place, told apart from the page's own comments by identity. */
const marks = new WeakSet<Node>();

/** Records a left-out element and returns the comment that marks its place in the copy. */
export function markLeftOut(copy: Document, leftOut: LeftOut[], el: Element, reason: LeftOutReason): Comment {
  const mark = copy.createComment(MARK + leftOut.length);
  leftOut.push({ el, reason, mark });
  marks.add(mark);
  return mark;
}

export const isMark = (node: Node) => marks.has(node);

/** What restoreLeftOut put back into the article: removed, with its reason, unless the reader keeps boilerplate. */
export interface Restored {
  el: Element;
  reason: LeftOutReason;
}
