/**
 * What kind of page this is, read from its structure before Readability changes the working copy: a thread,
 * a page of sections, a listing, a product or documentation is read whole, by the reading of its kind; an
 * article (and anything not clearly another kind) is left to Readability, as before. The reading builds its
 * own article root from a copy of the page's parts, since Readability takes the working copy apart.
 */
import { squashedLength } from '../text.ts';
import type { PageType } from '../types.ts';
import { type LdObject, ldObjects, ldTypes } from './json-ld.ts';
import { productData, productFromData } from './product.ts';
import { cardRun, contentRegion, proseShare, regionRoot } from './region.ts';
import { resolveUrls } from './shape.ts';
import { findPosts, threadRoot } from './thread.ts';

export interface PageReading {
  type: Exclude<PageType, 'article'>;
  /** The article as this kind of page is read: built of copies, outside the working copy's tree. */
  root: Element;
  /**
   * A reading that stands only where Readability's pick is shorter than this (characters, squashed): a page
   * read whole by its region stands beside a pick of less than half the region, a product read from its data
   * beside a pick shorter than its description. Else Readability found the content (settle).
   */
  standsBelow?: number;
  /** What Readability picked that the root did not hold, put at its end to be recorded as removed (leftovers.ts). */
  leftovers?: Element | null;
}

/**
 * A region whose text is this much prose (paragraphs of running text) is an article's: Readability reads it,
 * and no copy of it is made. Measured on wcxb-dev: 0.7 leaves 432 of its 792 articles uncopied, and the
 * sections, listings and collections read as well as with every page copied.
 */
const ARTICLE_PROSE = 0.7;
/** Readability's pick holding this share of the region's text is the page's content: an article. */
const PICK_HOLDS_PAGE = 0.5;

export interface PageReadings {
  /** The readings besides Readability's, most telling first. */
  readings: PageReading[];
  /** What the page is where Readability's pick stands: a product, documentation, or an article. */
  pickType: PageType;
  /** The page calls itself an article (og:type, or an Article or BlogPosting in its JSON-LD). */
  declaresArticle: boolean;
}

const ARTICLE_TYPES = /^(?:\w*NewsArticle|Article|BlogPosting|Report|ScholarlyArticle)$/u;

function declaresArticle(doc: Document, ld: readonly LdObject[]): boolean {
  if (ld.some((o) => ldTypes(o).some((t) => ARTICLE_TYPES.test(t)))) return true;
  return Array.from(doc.querySelectorAll('meta[property="og:type"]')).some((m) => (m.getAttribute('content') ?? '').trim().toLowerCase() === 'article');
}

/**
 * The readings `doc` (the working copy) allows besides Readability's, most telling first: a thread; a product
 * its page shows only in its data; the page's region, read whole. `structuredData` is the page's JSON-LD;
 * `documentation` whether the page reads as documentation (docs.ts). Which reading stands is known once
 * Readability has read the copy (settle).
 */
export function readPage(doc: Document, structuredData: readonly string[], documentation: boolean): PageReadings {
  const ld = ldObjects(structuredData);
  const declared = declaresArticle(doc, ld);
  const posts = findPosts(doc, ld);
  if (posts) return { readings: [{ type: 'thread', root: threadRoot(doc, posts) }], pickType: 'article', declaresArticle: declared };
  const readings: PageReading[] = [];
  const product = productData(ld);
  // A review names the product it reviews in its data, and calls itself an article (more-great-stories).
  const pickType: PageType = documentation ? 'docs' : product && !declared ? 'product' : 'article';
  const shell = product ? productFromData(doc, product) : null;
  if (shell) readings.push({ type: 'product', root: shell, standsBelow: squashedLength(shell.textContent ?? '') });
  const region = contentRegion(doc);
  if (!region) return { readings, pickType, declaresArticle: declared };
  const { prose, total } = proseShare(region);
  if (total === 0 || prose >= ARTICLE_PROSE * total) return { readings, pickType, declaresArticle: declared };
  // A page that calls itself an article, with a story's worth of running text, is read by Readability: its
  // region is not copied for a reading that could not stand (settle keeps such a pick), which spares most
  // news pages a copy of their whole body.
  if (declared && prose >= ARTICLE_PICK_PROSE) return { readings, pickType, declaresArticle: declared };
  const cards = cardRun(region);
  readings.push({ type: product ? 'product' : cards ? 'listing' : 'sections', root: regionRoot(region, cards), standsBelow: PICK_HOLDS_PAGE * total });
  return { readings, pickType, declaresArticle: declared };
}

/**
 * A pick this much running text, making up this share of it, is an article whatever surrounds it (a story on a
 * page of rails, comment threads and teaser grids: restaurantbusinessonline.com in wcxb-dev 0153).
 */
const ARTICLE_PICK_PROSE = 2000;
const ARTICLE_PICK_SHARE = 0.6;
/**
 * On a page that calls itself an article, less will do: a blog post of embedded tweets with a comment thread
 * under it (test/fixtures/pages/embedded-tweets) has 684 characters of prose in a pick of 1,230.
 */
const DECLARED_PICK_PROSE = 500;
const DECLARED_PICK_SHARE = 0.4;
/** Or a short pick that is nearly all prose: a paywalled story's two paragraphs (wsj.com, eval-dev 042bb7b5fe). */
const DECLARED_SHORT_PROSE = 200;
const DECLARED_SHORT_SHARE = 0.8;

/**
 * The first reading that stands once Readability has picked its article (`picked`), see
 * PageReading.standsBelow; null for the pick itself.
 */
export function settle({ readings, declaresArticle }: PageReadings, picked: Element | null): PageReading | null {
  if (readings.length === 0) return null;
  const { prose, total } = picked ? proseShare(picked) : { prose: 0, total: 0 };
  const isArticle =
    (prose >= ARTICLE_PICK_PROSE && prose >= ARTICLE_PICK_SHARE * total) ||
    (declaresArticle && prose >= DECLARED_PICK_PROSE && prose >= DECLARED_PICK_SHARE * total) ||
    (declaresArticle && prose >= DECLARED_SHORT_PROSE && prose >= DECLARED_SHORT_SHARE * total);
  const stands = readings.find((r) => r.standsBelow === undefined || (!isArticle && total < r.standsBelow)) ?? null;
  if (stands) resolveUrls(stands.root);
  return stands;
}
