/**
 * Step 6, for a copy pruned in place rather than walked (the DOM's own clone, a page whose names shadow DOM
 * members, or a document the CLI parsed for the one call): what the cut leaves out goes, then the furniture
 * and the comments, with a marker where shown chrome was.
 */
import { SHOW_COMMENT } from '../dom.ts';
import type { RegionCut } from './cut.ts';
import { chromeReason, FURNITURE_TAGS, keeps } from './furniture.ts';
import { isMark, type LeftOut, markLeftOut } from './left-out.ts';

/** Every element isFurniture, keeps or the attribute clean-up may act on: a superset, each one decided by keeps(). */
const CANDIDATES = [
  ...[...FURNITURE_TAGS].map((t) => t.toLowerCase()),
  'script', 'nav', 'title', 'footer', 'header', 'aside', 'svg', 'form', 'base', '[hidden]', '[aria-hidden]', '[style]', '[role]',
].join(',');

/**
 * The copy pruned in place (the DOM's deep clone, or a document made for the one call), with the same
 * decisions as walkCopy: the region's cut on the way down to it, then the furniture and the comments, found by
 * the DOM's own selector engine and tree walker rather than by visiting every node in script. The cut has been
 * probed and what it leaves out read (05-outside) before it goes.
 */
export function pruneInPlace(copy: Document, cut: RegionCut, streamed: ReadonlySet<string>, leftOut: LeftOut[]): Document {
  for (const node of [...cut.skipped, ...cut.skippedOther]) node.parentNode?.removeChild(node);
  for (let node = copy.firstChild; node; ) {
    const next: ChildNode | null = node.nextSibling;
    if (node.nodeType === 1) pruneClone(node as Element, streamed, leftOut);
    else if (!keeps(node, false, streamed)) copy.removeChild(node);
    node = next;
  }
  return copy;
}

/**
 * Prunes a cloned <html> (or any element outside a body) in place. Below a <body>, elements are judged as in
 * the body (walkCopy's inBody); elsewhere only by tag.
 */
function pruneClone(root: Element, streamed: ReadonlySet<string>, leftOut: LeftOut[]): void {
  const doc = root.ownerDocument;
  const bodies = Array.from(root.getElementsByTagName('body'));
  const isBody = (el: Element) => el.tagName.toUpperCase() === 'BODY';
  // One <body>, a child of <html>: its candidates are in the body, the others not. Anything else (bodies
  // nested by a page's script) is judged by walking up.
  const simple = bodies.length <= 1 && bodies.every((b) => b.parentNode === root);
  const body = bodies[0] ?? null;
  const inBody = (el: Element): boolean => {
    if (simple) return body !== null && el !== body && body.contains(el);
    for (let up = el.parentElement; up; up = up.parentElement) if (isBody(up)) return true;
    return false;
  };
  if (!keeps(root, false, streamed)) {
    root.remove();
    return;
  }
  for (const el of Array.from(root.querySelectorAll(CANDIDATES))) {
    if (!el.isConnected) continue; // inside furniture already gone
    const within = inBody(el);
    if (keeps(el, within, streamed)) continue;
    const reason = within ? chromeReason(el) : null;
    if (reason) el.parentNode?.replaceChild(markLeftOut(doc, leftOut, el, reason), el);
    else el.remove();
  }
  const comments: Node[] = [];
  const walker = doc.createTreeWalker(root, SHOW_COMMENT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) if (!keeps(node, true, streamed) && !isMark(node)) comments.push(node);
  for (const node of comments) node.parentNode?.removeChild(node);
  for (const el of Array.from(root.querySelectorAll('[style], [aria-hidden]'))) {
    el.removeAttribute('style');
    el.removeAttribute('aria-hidden');
  }
  if (root.hasAttribute('style')) root.removeAttribute('style');
  if (root.hasAttribute('aria-hidden')) root.removeAttribute('aria-hidden');
}
