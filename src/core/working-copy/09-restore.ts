/**
 * Step 9, after Readability: what the copy left out where Readability kept its marker is put back into the
 * article as the page shows it, so that recording it as removed (11-record) loses nothing Readability alone
 * would have kept. The other markers are taken out.
 */
import { INLINE } from '../blocks.ts';
import { SHOW_COMMENT } from '../dom.ts';
import { squash } from '../text.ts';
import { copyElement } from './copy-element.ts';
import { chromeReason, isClobbered, isFurniture } from './furniture.ts';
import type { WorkingCopy } from './index.ts';
import { MARK, type Restored } from './left-out.ts';

/**
 * After Readability has read the copy: a marker inside its article stands where the copy left out something
 * Readability keeps when it reads the page itself (nytimes-5: a <nav> of section tabs inside the collection's
 * <section>). It is put back as the page shows it, so that what Readability alone finds is in the result, and
 * recordLeftOut records it as removed. The other markers are taken out.
 */
export function restoreLeftOut(copy: WorkingCopy, root: Element): Restored[] {
  const restored: Restored[] = [];
  if (copy.leftOut.length === 0) return restored;
  const doc = root.ownerDocument;
  const found: Comment[] = [];
  const walker = doc.createTreeWalker(root, SHOW_COMMENT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) if ((node as Comment).data.startsWith(MARK)) found.push(node as Comment);
  for (const mark of found) {
    const entry = copy.leftOut[Number(mark.data.slice(MARK.length))];
    // Chrome inside a line (a <nav> in <strong>, tag soup) would join that line's text: it is not put back.
    const el = entry && !INLINE.has(mark.parentElement?.localName ?? '') ? shownCopy(entry.el, doc) : null;
    if (entry && el && squash(el.textContent ?? '') !== '') {
      mark.parentNode?.replaceChild(el, mark);
      restored.push({ el, reason: entry.reason });
    } else {
      mark.parentNode?.removeChild(mark);
    }
  }
  return restored;
}

/**
 * A copy of a left-out element as a reader sees it: without what no reader sees and Readability drops itself
 * (scripts, styles, hidden elements, form controls, unlikely landmarks), with the chrome it holds.
 */
function shownCopy(el: Element, copy: Document): Element | null {
  if (isClobbered(el)) return null;
  const top = copyElement(copy, el);
  const stack: Array<[Node, Node]> = [[el, top]];
  while (stack.length > 0) {
    const [source, parent] = stack.pop()!;
    const children: Array<[Node, Node]> = [];
    for (let child = source.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        parent.appendChild(copy.importNode(child, false));
        continue;
      }
      if (child.nodeType !== 1) continue;
      const c = child as Element;
      if (isClobbered(c) || (isFurniture(c, true) && chromeReason(c) === null)) continue;
      const node = parent.appendChild(copyElement(copy, c));
      children.push([c, node]);
    }
    for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]!);
  }
  return top;
}
