/**
 * Splits an article element into the blocks the rules work on: headings, paragraphs, list items, quotes,
 * code, tables and captions, in reading order. Loose text beside block elements is wrapped in a <p> first, so
 * that every block is an element that can be removed, and put back, whole.
 */
import type { ArticleBlock } from './article.ts';
import { childElementsOf, childNodesOf } from './dom.ts';
import { containsPhrase, leadingPhrase } from './phrases.ts';
import { mathText } from './math.ts';
import { squash, wordCount } from './text.ts';
import type { BlockKind } from './types.ts';

type BlockSeed = Pick<ArticleBlock, 'kind' | 'el' | 'list'>;

const LEAF: Record<string, BlockKind> = {
  P: 'paragraph',
  H1: 'heading',
  H2: 'heading',
  H3: 'heading',
  H4: 'heading',
  H5: 'heading',
  H6: 'heading',
  PRE: 'code',
  TABLE: 'table',
  FIGCAPTION: 'caption',
  DT: 'paragraph',
  DD: 'paragraph',
};

export const BLOCK_LEVEL = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION',
  'SUMMARY', 'TABLE', 'UL',
]);

export function hasBlockChild(el: Element): boolean {
  for (let child = el.firstElementChild; child; child = child.nextElementSibling) if (BLOCK_LEVEL.has(child.tagName)) return true;
  return false;
}

function hasText(node: Node): boolean {
  return (node.textContent ?? '').trim() !== '';
}

/** Wraps each run of inline content that sits beside block elements in its own <p>. */
function wrapLooseText(el: Element): void {
  let run: Node[] = [];
  const flush = (before: Node | null) => {
    if (run.some(hasText)) {
      const p = el.ownerDocument.createElement('p');
      el.insertBefore(p, before);
      for (const node of run) p.appendChild(node);
    }
    run = [];
  };
  for (const node of childNodesOf(el)) {
    if (node.nodeType === 1 && BLOCK_LEVEL.has((node as Element).tagName)) flush(node);
    else run.push(node);
  }
  flush(null);
}

/**
 * Whether the table's cells hold blocks (paragraphs, headings, lists, quotes, tables): then its cells' blocks
 * are the blocks, each with an id of its own that a removal can stand after; a table of plain cells is one
 * block. Not the question render.ts asks (cellsHoldProse: there a list in a cell keeps the table whole) nor
 * structure.ts (laysOutRunningText: whether the rules may treat the cells as page text at all).
 */
function cellsHoldBlocks(table: Element): boolean {
  return table.querySelector('p, h1, h2, h3, h4, h5, h6, table, ul, ol, blockquote') !== null;
}

// Class names and ids sites give their captions and credits; Readability keeps them (keepClasses).
const CAPTION_CLASS = /caption|credit|photo-?desc|image-?desc|img-?desc|media-?desc|legend/iu;
// A utility class that styles other elements says nothing of this one: Tailwind's "[&_figcaption]:mt-xs" on an
// article's container named every paragraph in it a caption (mongodb.com's engineering blog, wcxb-dev 0444).
const STYLES_OTHERS = /[[:&]/u;

/** Whether the element's class names or id name it a caption or credit. */
function namedCaption(el: Element): boolean {
  const names = el.getAttribute('class');
  const named = CAPTION_CLASS.test(el.id) || (names !== null && CAPTION_CLASS.test(names) && names.split(/\s+/u).some((name) => CAPTION_CLASS.test(name) && !STYLES_OTHERS.test(name)));
  // A shop theme's "product-caption" holds the card's title heading and description: a caption has no heading
  // (thebushcompanyusa.com's collection, wcxb-dev 4544).
  return named && el.querySelector('h1, h2, h3, h4, h5, h6') === null;
}
// "(AP Photo/Alan Diaz, File)", "(Image: GETTY )" at the end of a line.
const TRAILING_CREDIT = /\([^()]*\b(photo|image|foto|picture|credit|getty|reuters|afp|ap|epa|shutterstock)\b[^()]*\)\s*$/iu;
const MAX_CREDIT_WORDS = 12;

/**
 * A caption or photo credit that the page set as a plain paragraph: by its class, by its place in a figure,
 * or by its words ("Image copyright Getty Images", "Natalie Naccache | Bloomberg | Getty Images").
 */
function isCaption(el: Element, captioned: (el: Element) => boolean): boolean {
  if (captioned(el)) return true;
  const text = squash(el.textContent ?? '');
  if (text.endsWith(')') && TRAILING_CREDIT.test(text)) return true;
  if (wordCount(text) > MAX_CREDIT_WORDS || !containsPhrase('photoCredits', text)) return false;
  return /[©|:]/u.test(text) || leadingPhrase('photoCredits', text) !== undefined || /getty|shutterstock/iu.test(text);
}

/**
 * A shop's card set as a <figure> (nike.com's product grid, wcxb-dev 0656): no <figcaption>, and a link with
 * words of its own, the product's name. A picture's figure holds the picture, and its words in a caption.
 */
function isCard(figure: Element): boolean {
  if (figure.querySelector('figcaption')) return false;
  for (const a of Array.from(figure.getElementsByTagName('a'))) if (wordCount(squash(a.textContent ?? '')) >= 2) return true;
  return false;
}

export function splitBlocks(root: Element): BlockSeed[] {
  const out: BlockSeed[] = [];
  // Whether an element, or one of its ancestors below the root, is a figure or is classed as a caption: each
  // element of the article is looked at once, however many paragraphs sit below it.
  const inCaption = new Map<Element, boolean>();
  const captioned = (el: Element): boolean => {
    if (el === root) return false;
    let known = inCaption.get(el);
    if (known === undefined) {
      const parent = el.parentElement;
      known = (el.tagName === 'FIGURE' && !isCard(el)) || namedCaption(el) || (parent !== null && captioned(parent));
      inCaption.set(el, known);
    }
    return known;
  };
  const paragraphKind = (el: Element, quoted: boolean): BlockKind => (quoted ? 'quote' : isCaption(el, captioned) ? 'caption' : 'paragraph');
  const visit = (el: Element, quoted: boolean, list: Element | null) => {
    const tag = el.tagName;
    if (tag === 'TABLE') {
      // A table's caption is its own block: the rows (or, in a layout table, the cells) are the table's text,
      // the caption says what they are (an infobox's caption is its subject's name: readability wikipedia).
      for (const caption of childElementsOf(el)) {
        if (caption.tagName === 'CAPTION' && hasText(caption)) out.push({ kind: 'caption', el: caption, list });
      }
    }
    if (tag === 'TABLE' && cellsHoldBlocks(el)) {
      for (const cell of el.querySelectorAll('td, th')) {
        if (cell.closest('table') === el) visitChildren(cell, quoted, list);
      }
      return;
    }
    const leaf = LEAF[tag];
    if (leaf && (leaf !== 'paragraph' || !hasBlockChild(el))) {
      if (hasText(el)) out.push({ kind: leaf === 'paragraph' ? paragraphKind(el, quoted) : leaf, el, list });
      return;
    }
    if (tag === 'LI' && !hasBlockChild(el)) {
      if (hasText(el)) out.push({ kind: 'list-item', el, list: el.parentElement });
      return;
    }
    if (tag === 'BLOCKQUOTE' && !hasBlockChild(el)) {
      if (hasText(el)) out.push({ kind: 'quote', el, list });
      return;
    }
    visitChildren(el, quoted || tag === 'BLOCKQUOTE', tag === 'LI' ? el.parentElement : list);
  };
  const visitChildren = (el: Element, quoted: boolean, list: Element | null) => {
    if (el === root || hasBlockChild(el)) wrapLooseText(el);
    else if (hasText(el) && el !== root) {
      out.push({ kind: paragraphKind(el, quoted), el, list });
      return;
    }
    for (const child of childElementsOf(el)) visit(child, quoted, list);
  };
  visitChildren(root, false, null);
  return out;
}

// What a reader sees in a list item that has no text; anything else there (an empty link, a <br>) shows as a
// bare bullet.
const SEEN_WITHOUT_TEXT = 'img, picture, video, audio, svg, math, canvas, figure, hr';

const BLOCK_SELECTOR = [...BLOCK_LEVEL].map((tag) => tag.toLowerCase()).join(', ');

/**
 * A <p> that holds a block (loose text wrapped with a <span> around a <blockquote>, as tag soup read as sections
 * has it) becomes a <div>: a parser closes a <p> before a block, so the article's HTML would not read back the
 * same (test/hostile/properties.test.ts). Its attributes, the block's id among them, stay.
 */
export function paragraphsHoldingBlocksAsDivs(root: Element): void {
  for (const p of Array.from(root.getElementsByTagName('p'))) {
    if (!p.querySelector(BLOCK_SELECTOR)) continue;
    const div = p.ownerDocument.createElement('div');
    for (const attr of Array.from(p.attributes)) div.setAttribute(attr.name, attr.value);
    while (p.firstChild) div.appendChild(p.firstChild);
    p.replaceWith(div);
  }
}

/**
 * Takes out the list items that hold no text and nothing seen without it, and a list left with no item. Such
 * an item is no block (splitBlocks skips it), yet the html showed it as a bare bullet: SFGate's "BREAKING
 * NEWS" list is one `<li>` that a script fills, and the reader runs no script. Run on the sanitized article
 * (the sanitizer may empty an item: a button, a frame), so what is judged is what the reader gets.
 */
export function dropEmptyListItems(root: Element): void {
  for (const li of Array.from(root.getElementsByTagName('li'))) {
    if (hasText(li) || li.querySelector(SEEN_WITHOUT_TEXT) !== null) continue;
    const list = li.parentElement;
    li.remove();
    if (list && list !== root && /^(UL|OL|MENU)$/u.test(list.tagName) && list.firstElementChild === null && !hasText(list)) list.remove();
  }
}

/** A block's text as a reader sees it: white space collapsed; a table keeps one line per row, code its lines. */
export function blockText(el: Element, kind: BlockKind): string {
  if (kind === 'code') return codeBlockText(el);
  if (kind !== 'table') return readerText(el);
  return [...el.querySelectorAll('tr')]
    .filter((row) => row.closest('table') === el)
    .map((row) => childElementsOf(row).map((cell) => readerText(cell)).filter(Boolean).join(' '))
    .filter(Boolean)
    .join('\n');
}

function codeBlockText(el: Element): string {
  return (el.textContent ?? '')
    .split('\n')
    .map((line) => line.replace(/\s+$/u, ''))
    .join('\n')
    .replace(/^\n+|\n+$/gu, '');
}

// Elements that flow inside a line of text; every other element starts a new one (a cell, a line, an item).
export const INLINE = new Set([
  'a', 'abbr', 'b', 'bdi', 'bdo', 'cite', 'code', 'data', 'del', 'dfn', 'em', 'font', 'i', 'ins', 'kbd', 'label', 'mark',
  'q', 's', 'samp', 'small', 'span', 'strike', 'strong', 'sub', 'sup', 'time', 'tt', 'u', 'var', 'wbr', 'nobr',
]);

/**
 * An element's text as a reader sees it: words on either side of a `<br>`, a cell or a line element stay
 * apart (textContent glues "Source: AP" and "Editor: Jane" into "APEditor"), math reads as its TeX.
 */
export function readerText(el: Element): string {
  const parts: string[] = [];
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) parts.push(child.textContent ?? '');
      else if (child.nodeType === 1) {
        const name = (child as Element).localName;
        if (name === 'math') parts.push(` ${mathText(child as Element)} `);
        else if (INLINE.has(name)) walk(child);
        else {
          parts.push(' ');
          walk(child);
          parts.push(' ');
        }
      }
    }
  };
  walk(el);
  return squash(parts.join(''));
}
