/**
 * A page read whole: a service or company page built of sections (hero, features, testimonials, FAQ,
 * pricing), a listing or a collection of cards. Readability scores one node and keeps it; on such a page the
 * other sections or cards are never read. The page's content region is its main landmark (<main>,
 * role="main"), or its body where it has none; what the working copy left of it (its furniture already
 * gone) is the article, with its run of cards, if it has one, as a list.
 */
import { squashedLength, wordCount } from '../text.ts';
import { readerCopy, shapeKey, titleLink, UNSHAPED } from './shape.ts';

/** A main landmark holding less of the page's text than this is a part of it (a search form), not its content. */
const MIN_MAIN_SHARE = 0.25;

/** The content region of `doc` (the working copy): its outermost main landmark with the most text, or its body. */
export function contentRegion(doc: Document): Element | null {
  const body = doc.body;
  if (!body) return null;
  const mains = Array.from(body.querySelectorAll('main, [role="main"]'));
  const outer = mains.filter((m) => !mains.some((o) => o !== m && o.contains(m)));
  let best: Element | null = null;
  let most = 0;
  for (const main of outer) {
    const length = squashedLength(main.textContent ?? '');
    if (length > most) [best, most] = [main, length];
  }
  return best && most >= MIN_MAIN_SHARE * squashedLength(body.textContent ?? '') ? best : body;
}

/** Words of a paragraph of running text, and the share of it links may hold (isProse in article.ts). */
const PROSE_WORDS = 20;
const PROSE_LINKS = 0.3;

/** How much of the region's text (squashed) stands in paragraphs of running text, and how much it has in all. */
export function proseShare(region: Element): { prose: number; total: number } {
  const total = squashedLength(region.textContent ?? '');
  const card = cardTest();
  let prose = 0;
  for (const p of Array.from(region.getElementsByTagName('p'))) {
    const text = p.textContent ?? '';
    if (wordCount(text) < PROSE_WORDS) continue;
    const length = squashedLength(text);
    let linked = 0;
    for (const a of Array.from(p.getElementsByTagName('a'))) linked += squashedLength(a.textContent ?? '');
    if (linked < PROSE_LINKS * length && !card(p, length)) prose += length;
  }
  return { prose, total };
}

/** Levels above a paragraph looked at for its card, and how much more text than the paragraph a card holds. */
const CARD_LEVELS = 4;
const CARD_TEXT = 2.5;
const CARD_SLACK = 200;
const HEADINGS = ['h1', 'h2', 'h3', 'h4', 'h5', 'h6'];

/**
 * Whether a paragraph is a card's summary: a small container above it is headed by a title that links to
 * another page (a news index: cabletv.com/news in wcxb-dev 0083). Summaries are a listing's text, not an
 * article's. The containers' lengths and titles are kept, as the paragraphs of one region share them.
 */
function cardTest(): (p: Element, length: number) => boolean {
  const lengths = new Map<Element, number>();
  const titled = new Map<Element, boolean>();
  const lengthOf = (el: Element) => lengths.get(el) ?? lengths.set(el, squashedLength(el.textContent ?? '')).get(el)!;
  const isTitled = (el: Element) => titled.get(el) ?? titled.set(el, hasTitleLink(el)).get(el)!;
  return (p, length) => {
    let el = p.parentElement;
    for (let level = 0; el && level < CARD_LEVELS; el = el.parentElement, level++) {
      if (lengthOf(el) > CARD_TEXT * length + CARD_SLACK) return false;
      if (isTitled(el)) return true;
    }
    return false;
  };
}

function hasTitleLink(el: Element): boolean {
  for (const tag of HEADINGS) {
    for (const heading of Array.from(el.getElementsByTagName(tag))) if (titleLink(heading)) return true;
  }
  return false;
}

/** Nor is a bare <section> a card: protiviti.com's six blocks of a service page (wcxb-dev 4281). */
const NOT_A_CARD = new Set([...UNSHAPED, 'section']);

/** The least cards a listing shows, and the share of the region's text they hold. */
const MIN_CARDS = 4;
const CARDS_SHARE = 0.5;

/**
 * The run of cards in `region`: the children of one parent that share a shape (shapeKey), each with a link
 * and text, and that hold at least half the region's text. Null when there is none.
 */
export function cardRun(region: Element): Element[] | null {
  const total = squashedLength(region.textContent ?? '');
  let best: Element[] | null = null;
  let bestText = 0;
  const stack: Element[] = [region];
  while (stack.length > 0) {
    const parent = stack.pop()!;
    const byShape = new Map<string, Element[]>();
    for (let child = parent.firstElementChild; child; child = child.nextElementSibling) {
      stack.push(child);
      if (!child.getElementsByTagName('a').length && child.localName !== 'a') continue;
      const key = shapeKey(child);
      byShape.set(key, [...(byShape.get(key) ?? []), child]);
    }
    for (const [key, cards] of byShape) {
      if (cards.length < MIN_CARDS || NOT_A_CARD.has(key)) continue;
      const text = cards.reduce((n, c) => n + squashedLength(c.textContent ?? ''), 0);
      if (text > bestText) [best, bestText] = [cards, text];
    }
  }
  return best && bestText >= CARDS_SHARE * total ? best : null;
}

const CARD = 'data-ro-card';

// Readability's own words for what is not content, by class or id (its REGEXPS.unlikelyCandidates and
// okMaybeItsACandidate), with "modal": the rest of a page it leaves out the same way before it scores. A
// shop's sign-up overlay has no role="dialog" (allbirds.com's "Notify me when back in stock").
const UNLIKELY = /-ad-|ai2html|banner|breadcrumbs|combx|comment|community|cover-wrap|disqus|extra|footer|gdpr|header|legends|menu|related|remark|replies|rss|shoutbox|sidebar|skyscraper|social|sponsor|supplemental|ad-break|agegate|pagination|pager|popup|modal|yom-remote/iu;
const MAYBE = /and|article|body|column|content|main|shadow/iu;

/**
 * A part holding this share of the region's text is not left out for its name: Readability reads the page
 * again without the names when they leave too little (a shop whose every part sits in a "header-…" wrapper:
 * makersmarket.us in wcxb-dev 4852 read as "Loading... Please wait...").
 */
const MOST_OF_REGION = 0.3;

/** Takes out of a region's copy what Readability takes out of a page before it reads it (not in tables or code). */
function dropUnlikely(root: Element): void {
  const total = squashedLength(root.textContent ?? '');
  for (const el of Array.from(root.querySelectorAll('[class], [id]'))) {
    if (el.localName === 'a' || !root.contains(el)) continue;
    // Utility classes with variants or arbitrary values ("lg:first:pt-[calc(var(--banner-height))]") name
    // what they style, not the element (vercel.com's sections, wcxb-dev 2837, were all left out for "banner").
    const names = `${(el.getAttribute('class') ?? '').split(/\s+/u).filter((c) => !/[[:]/u.test(c)).join(' ')} ${el.id}`;
    if (!UNLIKELY.test(names) || MAYBE.test(names) || el.closest('table, code, pre')) continue;
    if (squashedLength(el.textContent ?? '') < MOST_OF_REGION * total) el.remove();
  }
}

/**
 * The region as the article: a copy, in which the cards (when there is a run of them) become the items of one
 * list where the first card stood. The cards are marked in the working copy (which is the engine's own) so
 * that the copy can find them.
 */
export function regionRoot(region: Element, cards: readonly Element[] | null): Element {
  const doc = region.ownerDocument;
  for (const card of cards ?? []) card.setAttribute(CARD, '');
  const root = doc.createElement('div');
  for (let child = region.firstChild; child; child = child.nextSibling) {
    const copy = readerCopy(child);
    if (copy) root.appendChild(copy);
  }
  const copies = Array.from(root.querySelectorAll(`[${CARD}]`));
  for (const card of copies) card.removeAttribute(CARD);
  // Cards that are the items of a list already stay in it.
  if (copies.length > 0 && copies[0]!.localName !== 'li') {
    const list = doc.createElement('ul');
    copies[0]!.parentNode!.insertBefore(list, copies[0]!);
    for (const card of copies) list.appendChild(doc.createElement('li')).appendChild(card);
  }
  for (const card of cards ?? []) card.removeAttribute(CARD);
  // The region's own navigation (a breadcrumb, tabs, pages of the listing) is not its content; what of it
  // Readability kept is recorded as beside the content (leftovers.ts).
  for (const nav of Array.from(root.querySelectorAll('nav, [role="navigation"]'))) nav.remove();
  dropUnlikely(root);
  return root;
}
