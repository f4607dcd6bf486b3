/**
 * The page's JSON-LD (`<script type="application/ld+json">`), read once: every object in it, nested ones and
 * those in an @graph included, with its schema.org types. What a page says of itself there (a
 * DiscussionForumPosting, a QAPage, a Product with its offers) tells what kind of page it is, and a shop that
 * renders its product with scripts still serves it there.
 */
export type LdObject = Record<string, unknown>;

/** The object's @type values, short ("http://schema.org/Product" is "Product"). */
export function ldTypes(obj: LdObject): string[] {
  const type = obj['@type'];
  const all = Array.isArray(type) ? type : [type];
  return all.filter((t): t is string => typeof t === 'string').map((t) => t.replace(/^.*[/#]/u, ''));
}

/** Every object of the page's JSON-LD blocks (their texts), outermost first; a block that does not parse is passed over. */
export function ldObjects(blocks: readonly string[]): LdObject[] {
  const found: LdObject[] = [];
  for (const text of blocks) {
    let data: unknown;
    try {
      data = JSON.parse(text);
    } catch {
      continue;
    }
    collect(data, found, 0);
  }
  return found;
}

const MAX_DEPTH = 12;

function collect(value: unknown, into: LdObject[], depth: number): void {
  if (depth > MAX_DEPTH || value === null || typeof value !== 'object') return;
  if (Array.isArray(value)) {
    for (const item of value) collect(item, into, depth + 1);
    return;
  }
  const obj = value as LdObject;
  if ('@type' in obj) into.push(obj);
  for (const [key, child] of Object.entries(obj)) if (key !== '@context') collect(child, into, depth + 1);
}

/** A property as text: a string, a number, or the name of an object ({ "@type": "Person", "name": … }). */
export function ldText(value: unknown): string {
  if (typeof value === 'string') return value.trim();
  if (typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.map(ldText).filter(Boolean).join(', ');
  if (value && typeof value === 'object') return ldText((value as LdObject).name);
  return '';
}
