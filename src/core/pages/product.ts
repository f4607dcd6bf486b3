/**
 * A product page whose product is rendered by scripts: the served page holds a shell (a header, an empty
 * grid), and the product only in its JSON-LD `Product` (Shopify's themes: deathwishcoffee.com). There the
 * product is shown from that data: its description, then its brand and offers. Where the page shows the
 * description itself, the page is read as it shows it.
 */
import { normalize, squash, wordCount } from '../text.ts';
import { type LdObject, ldText, ldTypes } from './json-ld.ts';

const PRODUCT_TYPES = new Set(['Product', 'ProductGroup', 'IndividualProduct', 'ProductModel']);
/** A description shorter than this is a label, not what a reader opens the page for. */
const MIN_DESCRIPTION_WORDS = 15;
/** How many of the description's first words must stand in the page for the page to show it. */
const SHOWN_WORDS = 12;

/** The page's one product in JSON-LD: null when there is none, or several (a listing of products). */
export function productData(ld: readonly LdObject[]): LdObject | null {
  const products = ld.filter((o) => ldTypes(o).some((t) => PRODUCT_TYPES.has(t)) && ldText(o.name) !== '');
  // A ProductGroup lists its variants as Products (hasVariant): the group is the product.
  const outer = products.filter((p) => !products.some((q) => q !== p && containsObject(q, p)));
  const names = new Set(outer.map((p) => ldText(p.name)));
  return names.size === 1 ? outer[0]! : null;
}

function containsObject(outer: LdObject, inner: LdObject, depth = 0): boolean {
  if (depth > 6) return false;
  for (const value of Object.values(outer)) {
    if (value === inner) return true;
    const items = Array.isArray(value) ? value : [value];
    if (items.some((v) => v !== null && typeof v === 'object' && (v === inner || containsObject(v as LdObject, inner, depth + 1)))) return true;
  }
  return false;
}

/** A description's text: tags a shop left in it taken out, entities read, a paragraph a line. */
function paragraphsOf(description: string): string[] {
  const text = description
    .replace(/<\/(?:p|div|li|h\d)>|<br\s*\/?>/giu, '\n')
    .replace(/<[^>]*>/gu, ' ')
    .replace(/&nbsp;/gu, ' ')
    .replace(/&quot;/gu, '"')
    .replace(/&#39;|&apos;/gu, "'")
    .replace(/&lt;/gu, '<')
    .replace(/&gt;/gu, '>')
    .replace(/&amp;/gu, '&');
  return text.split(/\n+/u).map(squash).filter(Boolean);
}

/**
 * The product from its JSON-LD, when the page does not show its description: null when it does (or has
 * none worth reading), so that the page is read as shown.
 */
export function productFromData(doc: Document, product: LdObject): Element | null {
  const paragraphs = paragraphsOf(ldText(product.description));
  if (wordCount(paragraphs.join(' ')) < MIN_DESCRIPTION_WORDS) return null;
  const opening = normalize(paragraphs.join(' ')).split(' ').slice(0, SHOWN_WORDS).join(' ');
  if (normalize(doc.body?.textContent ?? '').includes(opening)) return null;
  const root = doc.createElement('div');
  for (const text of paragraphs) root.appendChild(doc.createElement('p')).textContent = text;
  const facts = productFacts(product);
  if (facts.length > 0) {
    const list = root.appendChild(doc.createElement('ul'));
    for (const fact of facts) list.appendChild(doc.createElement('li')).textContent = fact;
  }
  return root;
}

/** "Brand: …", "Price: 19.99 USD", "Availability: in stock": what a shopper reads beside the description. */
function productFacts(product: LdObject): string[] {
  const facts: string[] = [];
  const brand = ldText(product.brand);
  if (brand) facts.push(`Brand: ${brand}`);
  const offers = (Array.isArray(product.offers) ? product.offers : [product.offers]).filter((o): o is LdObject => o !== null && typeof o === 'object');
  const offer = offers[0];
  if (offer) {
    const price = ldText(offer.price ?? offer.lowPrice);
    if (price) facts.push(`Price: ${[price, ldText(offer.priceCurrency)].filter(Boolean).join(' ')}`);
    const availability = ldText(offer.availability).replace(/^.*[/#]/u, '').replace(/([a-z])([A-Z])/gu, '$1 $2').toLowerCase();
    if (availability) facts.push(`Availability: ${availability}`);
  }
  return facts;
}
