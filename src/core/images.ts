/**
 * Lazy-loaded images as a reader sees them once the page's scripts ran: the working copy has only the
 * placeholder (a 1×1 gif or a grey SVG as a data: URI, or no src at all) and the real address elsewhere: in a
 * data-* attribute, in the <picture>'s <source>, or in a <noscript> copy of the image. Readability's own pass
 * knows only base64 placeholders and a <noscript> right after its image.
 */

/** A data: URI this short is a placeholder, not a picture (a real inline image runs to kilobytes). */
const PLACEHOLDER_MAX = 2000;
/** An address of a picture: absolute, protocol-relative or rooted, ending in an image extension. */
const IMAGE_URL = /^(?:https?:\/\/|\/)[^\s"'<>]+\.(?:jpe?g|png|gif|webp|avif)(?:[?#][^\s"'<>]*)?$/iu;

function isPlaceholder(img: Element): boolean {
  const src = (img.getAttribute('src') ?? '').trim();
  return src === '' || (/^data:/iu.test(src) && src.length <= PLACEHOLDER_MAX);
}

/** The real address a lazy loader would put in: a data-* attribute that holds an image URL. */
function lazyAddress(img: Element): string | null {
  for (const attr of img.attributes) {
    if (attr.name.startsWith('data-') && IMAGE_URL.test(attr.value.trim())) return attr.value.trim();
  }
  const picture = img.parentElement?.localName === 'picture' ? img.parentElement : null;
  for (const source of picture?.getElementsByTagName('source') ?? []) {
    const first = (source.getAttribute('srcset') ?? '').trim().split(/\s+/u)[0] ?? '';
    if (IMAGE_URL.test(first)) return first;
  }
  return null;
}

const IMG_TAG = /<img\b[^>]*>/giu;
const IMG_ATTR = /\s(src|alt)\s*=\s*(?:"([^"]*)"|'([^']*)')/giu;

/**
 * The single image a <noscript> holds. Where the page ran scripts its content is text: only the tag's src and
 * alt are read from it, into a new <img> (the text itself is never parsed as HTML).
 */
function noscriptImage(noscript: Element): Element | null {
  let images = Array.from(noscript.getElementsByTagName('img'));
  const text = noscript.textContent ?? '';
  // A <noscript> that says something is not an image's stand-in: Discourse serves a whole thread in one.
  if (text.replace(/<[^>]*>/gu, '').trim() !== '') return null;
  if (images.length === 0 && text.includes('<img')) {
    const tags = text.match(IMG_TAG) ?? [];
    if (tags.length !== 1) return null;
    const img = noscript.ownerDocument.createElement('img');
    for (const [, name, double, single] of tags[0]!.matchAll(IMG_ATTR)) img.setAttribute(name!.toLowerCase(), decodeEntities(double ?? single ?? ''));
    images = [img];
  }
  return images.length === 1 && !isPlaceholder(images[0]!) ? images[0]! : null;
}

function decodeEntities(value: string): string {
  return value.replace(/&amp;/gu, '&').replace(/&quot;/gu, '"').replace(/&#39;/gu, "'").replace(/&lt;/gu, '<').replace(/&gt;/gu, '>');
}

export function fixLazyImages(images: readonly Element[], noscripts: readonly Element[]): void {
  for (const img of images) {
    if (!isPlaceholder(img)) continue;
    const address = lazyAddress(img);
    if (address) {
      img.setAttribute('src', address);
      img.removeAttribute('srcset');
    }
  }
  // A <noscript> image stands in for a placeholder beside it, or for the lazy wrapper that had none.
  for (const noscript of noscripts) {
    const parent = noscript.parentElement;
    const img = parent ? noscriptImage(noscript) : null;
    if (!parent || !img) continue;
    const others = Array.from(parent.getElementsByTagName('img')).filter((el) => !noscript.contains(el));
    if (others.some((el) => !isPlaceholder(el))) continue;
    const copy = noscript.ownerDocument.importNode(img, false);
    for (const placeholder of others) placeholder.remove();
    noscript.replaceWith(copy);
  }
}
