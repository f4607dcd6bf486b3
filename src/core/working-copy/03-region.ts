/**
 * Step 3, the region: where the article is (the deepest element holding nearly all the page's paragraph text),
 * and whether the copy may cut around it, which it may not when the cut would leave out prose.
 */
import { hasBlockChild } from '../blocks.ts';
import { walkElements } from '../dom.ts';
import { squash } from '../text.ts';
import { RegionCut } from './cut.ts';
import { isClobbered, isFurniture } from './furniture.ts';

/** The share of the paragraph text the region holds, and the least paragraph text to look for one at all. */
const REGION_SHARE = 0.9;
const REGION_MIN_TEXT = 1000;

/**
 * Where the article is: the deepest element holding nearly all the text of the page's paragraphs, or the
 * body when the paragraphs are spread out or too few to tell. Paragraphs in furniture count too: they only
 * make the region wider.
 */
export function proseRegion(doc: Document): Element | null {
  const body = doc.body;
  if (!body) return null;
  const sums = new Map<Element, number>();
  let total = 0;
  walkElements(body, (p) => {
    if (!isParagraph(p)) return;
    const length = (p.textContent ?? '').trim().length;
    total += length;
    for (let el: Element | null = p; length > 0 && el && el !== body; el = el.parentElement) sums.set(el, (sums.get(el) ?? 0) + length);
  });
  if (total < REGION_MIN_TEXT) return body;
  let region: Element = body;
  for (let descended = true; descended; ) {
    descended = false;
    for (let child = region.firstElementChild; child; child = child.nextElementSibling) {
      if ((sums.get(child) ?? 0) >= REGION_SHARE * total) {
        region = child;
        descended = true;
        break;
      }
    }
  }
  // One paragraph holding nearly all the text is the story in a single <p> (qq.com): the element around it is
  // the region, so that what stands beside the paragraph (an editor's line, a source) is looked at too.
  return region.localName === 'p' && region.parentElement ? region.parentElement : region;
}

/**
 * A paragraph: a <p>, or a <div> of text without blocks in it, which Readability reads as one (forum posts,
 * cards and product pages set their text so: XenForo's posts are such divs).
 */
function isParagraph(el: Element): boolean {
  if (el.localName === 'p') return true;
  if (el.localName !== 'div') return false;
  for (let child = el.firstChild; child; child = child.nextSibling) {
    if (child.nodeType === 3 && (child.textContent ?? '').trim() !== '') return !hasBlockChild(el);
  }
  return false;
}

/** A paragraph this long outside the region, and not in furniture, is prose the region would cut off. */
const LONG_PARAGRAPH = 200;

/**
 * Whether what the region leaves out holds prose: a long paragraph that is not in the page's furniture (a
 * teaser card's blurb is short; a section of the article the region missed is not).
 */
function leavesOutProse(skipped: readonly Element[]): boolean {
  for (const root of skipped) {
    const stack: Array<[Element, boolean]> = [[root, true]];
    while (stack.length > 0) {
      const [el] = stack.pop()!;
      if (isClobbered(el) || isFurniture(el, true)) continue;
      if (isParagraph(el) && squash(el.textContent ?? '').length >= LONG_PARAGRAPH) return true;
      for (let child = el.firstElementChild; child; child = child.nextElementSibling) stack.push([child, true]);
    }
  }
  return false;
}

/** The region the copy cuts around, or the body when cutting around the prose region would leave out prose. */
export function clearCutRegion(doc: Document): Element | null {
  const region = proseRegion(doc);
  if (!region || region === doc.body) return region;
  return leavesOutProse(new RegionCut(region, doc.body).probe()) ? doc.body : region;
}
