/**
 * A link's preview card under the post that gives the link: one link around the linked site's name, in an
 * element of its own, then the page's title and description ("example.com · Related Project · A similar
 * project…"), as Mastodon, Bluesky and chat apps draw them from the linked page. The title and description are
 * the other page's words, not the post's; the post keeps its link.
 *
 * A card whose address the post does not give is kept: it is the only way to what the post points at ("Related
 * project here", peer-dev defuddle comments--mastodon).
 */
import { type Article, type ArticleBlock, linkDensity } from '../article.ts';
import { inContentStructure } from '../structure.ts';
import { squash } from '../text.ts';
import type { Rule } from './rule.ts';

const MIN_WORDS_AFTER_SITE = 2;
const MAX_WORDS = 80;

/** The address a link leads to, without the part that only moves within the page or a trailing slash. */
function target(a: Element): string | null {
  const href = a.getAttribute('href') ?? '';
  if (!/^https?:\/\//iu.test(href)) return null;
  return href.replace(/#.*$/u, '').replace(/\/$/u, '');
}

/** The card's one link, when the block is that link whole and it opens with the site's name set apart. */
function cardLink(block: ArticleBlock): Element | null {
  const links = block.el.localName === 'a' ? [block.el] : [...block.el.getElementsByTagName('a')];
  const a = links.length === 1 ? links[0]! : null;
  if (!a || squash(a.textContent ?? '') !== block.text || target(a) === null) return null;
  let host: string;
  try {
    host = new URL(a.getAttribute('href')!).hostname.toLowerCase().replace(/^www\./u, '');
  } catch {
    return null;
  }
  // The first text in the link is the site's name alone, in its own element: "example.com" in a span, not a
  // sentence that starts with a domain.
  const doc = a.ownerDocument;
  const walker = doc.createTreeWalker(a, 4 /* NodeFilter.SHOW_TEXT */);
  let first = '';
  while (first === '' && walker.nextNode()) first = squash(walker.currentNode.textContent ?? '');
  const site = first.toLowerCase().replace(/^www\./u, '');
  if (!/^[\p{L}\d-]+(?:\.[\p{L}\d-]+)+$/u.test(site) || !(host === site || host.endsWith(`.${site}`))) return null;
  const rest = block.text.slice(block.text.indexOf(first) + first.length).trim();
  return rest.split(/\s+/u).length >= MIN_WORDS_AFTER_SITE ? a : null;
}

/** The kept block, other than the card, that links to the same address: the post's own link. */
function postLink(article: Article, card: ArticleBlock, address: string): ArticleBlock | undefined {
  return article.kept().find((b) => b !== card && [...b.el.getElementsByTagName('a')].some((a) => !card.el.contains(a) && target(a) === address));
}

export const linkPreview: Rule = {
  id: 'link-preview',
  category: 'duplicates',
  apply(article) {
    for (const block of article.kept()) {
      if (block.kind !== 'paragraph' || block.words > MAX_WORDS || linkDensity(block.el) < 1 || inContentStructure(block.el)) continue;
      const link = cardLink(block);
      const post = link && postLink(article, block, target(link)!);
      if (!post) continue;
      article.remove(block, {
        reason: this.id,
        category: this.category,
        explanation: 'Preview of a link the post already gives: the linked page\'s title and description',
        duplicates: post,
      });
    }
  },
};
