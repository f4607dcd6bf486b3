/**
 * Step 4, the copy by a walk (the default, for a page someone sees, which must not change): only what the cut
 * and the furniture checks keep is copied, and a marker stands where shown chrome is left out.
 */
import { copyElement } from './copy-element.ts';
import type { RegionCut } from './cut.ts';
import { chromeReason, keeps } from './furniture.ts';
import { type LeftOut, markLeftOut } from './left-out.ts';

type Step = { source: Node; parent: Node; inBody: boolean } | { attach: Node; to: Node };

/**
 * The copy by a walk: only what is kept is copied. Each element is filled while it is still detached and
 * attached once complete, so the copy is connected to its document in one step at the end, not node by node.
 * Where it leaves out page chrome Readability might keep (chromeReason), a marker stands.
 */
export function walkCopy(doc: Document, cut: RegionCut, streamed: ReadonlySet<string>, leftOut: LeftOut[]): Document {
  const copy = doc.cloneNode(false) as Document;
  const stack: Step[] = [];
  const pushChildren = (source: Node, parent: Node, inBody: boolean) => {
    for (let child = source.lastChild; child; child = child.previousSibling) {
      if (cut.takes(source, child)) stack.push({ source: child, parent, inBody });
    }
  };
  pushChildren(doc, copy, false);
  while (stack.length > 0) {
    const step = stack.pop()!;
    if ('attach' in step) {
      step.to.appendChild(step.attach);
      continue;
    }
    const { source, parent, inBody } = step;
    if (!keeps(source, inBody, streamed)) {
      const reason = inBody && source.nodeType === 1 ? chromeReason(source as Element) : null;
      if (reason) parent.appendChild(markLeftOut(copy, leftOut, source as Element, reason));
      continue;
    }
    if (source.nodeType !== 1) {
      parent.appendChild(copy.importNode(source, false));
      continue;
    }
    const el = source as Element;
    const node = copyElement(copy, el);
    stack.push({ attach: node, to: parent });
    pushChildren(el, node, inBody || el.tagName.toUpperCase() === 'BODY');
  }
  return copy;
}
