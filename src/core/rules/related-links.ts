/**
 * "Related", "Latest", "Most read", "More Great WIRED Stories" and the link lists under them: the label goes,
 * and so do the link-like blocks that follow it, up to the next heading or paragraph of prose. Link lists at
 * the edges of the page, before the running text starts or after it ends (breadcrumbs, "more from" cards), go
 * too, as whole lists.
 *
 * Link cruft is whole link lists outside the story, never text a reader came for: a table cell, an infobox
 * value, a definition, an entry of a reference list (structure.ts), a list that is the body of a kept heading
 * (a colophon's "Mac Apps" list, daringfireball-1), or link titles set between kept text (a blog index's post
 * titles between their blurbs, a thread's reply authors). A table of contents (in-page links) stays.
 */
import { type Article, type ArticleBlock, isProse, linkDensity, linksStayInPage, runningText } from '../article.ts';
import { isRelatedLabel } from '../phrases.ts';
import { inContentStructure, inReferenceList, inRelatedBox } from '../structure.ts';
import type { Rule } from './rule.ts';

const MOSTLY_LINKS = 0.7;

function isLabel(block: ArticleBlock): boolean {
  return block.words <= 6 && block.kind !== 'code' && block.kind !== 'table' && isRelatedLabel(block.text) && !inContentStructure(block.el);
}

/** Links that lead to another page, not to a place in this one. */
function outboundLinkDensity(block: ArticleBlock): number {
  return linksStayInPage(block.el) ? 0 : linkDensity(block.el);
}

/**
 * Every link's text is an address ("https://github.com/…", "mozilla.org/") or has no word in it ("42°S
 * 174°E", "+64"): a cited source or a value, not another story's headline.
 */
function linksReadAsData(block: ArticleBlock): boolean {
  const links: Element[] = [...block.el.getElementsByTagName('a')];
  if (block.el.localName === 'a') links.push(block.el);
  return links.length > 0 && links.every((a) => {
    const text = (a.textContent ?? '').trim();
    return /^(?:https?:\/\/|www\.)|^[\w-]+(?:\.[\w-]+)+\/\S*$/iu.test(text) || !/\p{L}{2}/u.test(text);
  });
}

/** A card or list entry pointing elsewhere: a list item, or a short block that is mostly a link. */
function isLinkEntry(block: ArticleBlock): boolean {
  if (block.kind === 'heading' || block.kind === 'code' || block.kind === 'table' || isProse(block)) return false;
  if (inContentStructure(block.el)) return false;
  if (block.kind === 'list-item') return true;
  return block.words <= 30 && outboundLinkDensity(block) >= 0.5 && !linksReadAsData(block);
}

function isLinkCluster(block: ArticleBlock): boolean {
  if (block.kind === 'heading' || block.kind === 'code' || block.kind === 'table' || inContentStructure(block.el)) return false;
  return linkDensity(block.el) >= 0.8 && block.el.querySelectorAll('a[href]').length >= 3 && !linksStayInPage(block.el);
}

/** An entry at the page's edge that is nothing but a link elsewhere. */
function isEdgeLink(block: ArticleBlock): boolean {
  return isLinkEntry(block) && outboundLinkDensity(block) >= MOSTLY_LINKS && !linksReadAsData(block) && !DATA_FIELD.test(block.text);
}

// "Coordinates: 42°S 174°E": a label and a value without a word in it, a fact about the subject.
const DATA_FIELD = /^[\p{L} ]{2,30}:\s*[^\p{L}]*(?:\p{L}(?!\p{L})[^\p{L}]*)*$/u;

/** Kept blocks in units: the items of one list together, any other block alone. */
function units(blocks: readonly ArticleBlock[]): ArticleBlock[][] {
  const out: ArticleBlock[][] = [];
  for (const block of blocks) {
    const last = out.at(-1);
    if (block.list && last?.[0]?.list === block.list) last.push(block);
    else out.push([block]);
  }
  return out;
}

/**
 * A unit of links to elsewhere: one link-only block, or a list whose items are all entries and at least half
 * of them links out (an author box's "View archive" beside a "#0" e-mail button). A heading inside a box the
 * page names as related content ("Holiday Gift Guides" in div.relatedContent) goes with its links.
 */
function isLinks(unit: readonly ArticleBlock[]): boolean {
  const head = unit[0]!;
  if (head.kind === 'heading') return inRelatedBox(head.el);
  if (unit.length === 1 && !head.list) return isEdgeLink(head);
  return unit.every(isLinkEntry) && unit.filter(isEdgeLink).length * 2 >= unit.length;
}

/** A breadcrumb list: links up the site's sections, then the current page, unlinked, which stays. */
function isBreadcrumb(unit: readonly ArticleBlock[]): boolean {
  const here = unit.at(-1)!;
  return unit.length >= 3 && here.kind === 'list-item' && here.el.querySelector('a') === null && unit.slice(0, -1).every(isEdgeLink);
}

/** A card's title over its own blurb, or a reply's author over the reply: a short text that is not links. */
function isBlurb(unit: readonly ArticleBlock[] | undefined): boolean {
  const block = unit?.[0];
  return block !== undefined && unit!.length === 1 && block.kind === 'paragraph' && !isProse(block) && linkDensity(block.el) < 0.5;
}

/**
 * The element that holds the running text: the lowest common ancestor of its prose blocks (or, for one
 * block, its parent). Cards with blurbs in a container of their own, beside it, are another box
 * (content-patterns--card-grid-stripped-headings); inside it they are the page's listing (issues--285).
 */
function storyContainer(article: Article, first: number, last: number): Element {
  const prose = article.blocks.slice(first, last + 1).filter((b) => !b.removal && isProse(b));
  let container = prose[0]!.el.parentElement ?? prose[0]!.el;
  for (const block of prose) while (!container.contains(block.el) && container.parentElement) container = container.parentElement;
  return container;
}

/**
 * Link lists outside the running text. Above the story: from the top down to the first unit that is not
 * links (headings above the story are passed over: a title, a kicker). Below it: every unit of links, except
 * the body of a kept heading right above it and a link title set over its own blurb inside the story's
 * container (a blog index, a thread).
 * A list goes whole or not at all. A page without running text has no outside to trim.
 */
function outsideLinks(article: Article): ArticleBlock[] {
  const [first, last] = runningText(article);
  if (first < 0) return [];
  const kept = article.kept();
  const out: ArticleBlock[] = [];
  for (const unit of units(kept.filter((b) => b.index < first))) {
    if (unit[0]!.kind === 'heading') continue;
    if (isBreadcrumb(unit)) {
      out.push(...unit.slice(0, -1));
      continue;
    }
    if (!isLinks(unit)) break;
    out.push(...unit);
  }
  const story = storyContainer(article, first, last);
  const tail = units(kept.filter((b) => b.index > last));
  tail.forEach((unit, i) => {
    if (!isLinks(unit)) return;
    const above = tail[i - 1]?.[0];
    // A citation a page set just after its reference list still belongs to it (wikipedia: a stray title).
    if (above && inReferenceList(above.el)) return;
    if (above?.kind === 'heading' && !inRelatedBox(above.el) && unit[0]!.kind !== 'heading') return;
    if (unit.length === 1 && !unit[0]!.list && isBlurb(tail[i + 1]) && story.contains(unit[0]!.el)) return;
    out.push(...unit);
  });
  return out;
}

/**
 * What a label heads: the link entries right after it. A label that heads none is an orphan (its links were
 * stripped) unless it is a heading whose section holds a list, or only blocks that are not prose: then it
 * is that section's own heading ("Further reading" over a reading list, cp4space; "Recent Posts" over a blog
 * index's cards). Over the story's prose alone it is an orphan (a "related news" heading mid-story).
 */
function labelled(blocks: readonly ArticleBlock[], i: number): ArticleBlock[] | null {
  const entries: ArticleBlock[] = [];
  for (let j = i + 1; j < blocks.length && isLinkEntry(blocks[j]!); j++) entries.push(blocks[j]!);
  if (entries.length > 0 || blocks[i]!.kind !== 'heading') return entries;
  const section: ArticleBlock[] = [];
  for (let j = i + 1; j < blocks.length && blocks[j]!.kind !== 'heading'; j++) section.push(blocks[j]!);
  const ownBody = section.some((b) => b.kind === 'list-item') || (section.length > 0 && !section.some(isProse));
  return ownBody ? null : entries;
}

export const relatedLinks: Rule = {
  id: 'related-links',
  category: 'boilerplate',
  apply(article) {
    const blocks = article.kept();
    for (let i = 0; i < blocks.length; i++) {
      const label = blocks[i]!;
      if (!isLabel(label)) continue;
      const entries = labelled(blocks, i);
      if (!entries) continue;
      article.remove(label, { reason: this.id, category: this.category, explanation: `"${label.text}" label for links to other articles` });
      for (const entry of entries) article.remove(entry, { reason: this.id, category: this.category, explanation: `Link under "${label.text}"` });
      i += entries.length;
    }
    for (const block of article.kept()) {
      // Several links run together in one block: "China furious at Macron [INSIGHT]|Lakers vs Nets [VIDEO]|…"
      if (isLinkCluster(block)) article.remove(block, { reason: this.id, category: this.category, explanation: 'Links to other articles' });
    }
    for (const block of outsideLinks(article)) {
      article.remove(block, { reason: this.id, category: this.category, explanation: 'Link to another article, outside the story' });
    }
  },
};
