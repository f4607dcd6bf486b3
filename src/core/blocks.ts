/**
 * Splits an article element into the blocks the rules work on: headings, paragraphs, list items, quotes,
 * code, tables and captions, in reading order. Loose text beside block elements is wrapped in a <p> first, so
 * that every block is an element that can be removed, and put back, whole.
 */
import type { ArticleBlock } from './article.ts';
import { childElementsOf, childNodesOf } from './dom.ts';
import { containsPhrase, leadingPhrase } from './phrases.ts';
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

const BLOCK_LEVEL = new Set([
  'ADDRESS', 'ARTICLE', 'ASIDE', 'BLOCKQUOTE', 'DD', 'DETAILS', 'DIV', 'DL', 'DT', 'FIELDSET', 'FIGCAPTION', 'FIGURE',
  'FOOTER', 'FORM', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'HEADER', 'HR', 'LI', 'MAIN', 'NAV', 'OL', 'P', 'PRE', 'SECTION',
  'SUMMARY', 'TABLE', 'UL',
]);

function hasBlockChild(el: Element): boolean {
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

/** A table that lays out paragraphs is a container; one that holds data is a block. */
function isLayoutTable(table: Element): boolean {
  return table.querySelector('p, h1, h2, h3, h4, h5, h6, table, ul, ol, blockquote') !== null;
}

// Class names and ids sites give their captions and credits; Readability keeps them (keepClasses).
const CAPTION_CLASS = /caption|credit|photo-?desc|image-?desc|img-?desc|media-?desc|legend/iu;
// "(AP Photo/Alan Diaz, File)", "(Image: GETTY )" at the end of a line.
const TRAILING_CREDIT = /\([^()]*\b(photo|image|foto|picture|credit|getty|reuters|afp|ap|epa|shutterstock)\b[^()]*\)\s*$/iu;
const MAX_CREDIT_WORDS = 12;

/**
 * A caption or photo credit that the page set as a plain paragraph: by its class, by its place in a figure,
 * or by its words ("Image copyright Getty Images", "Natalie Naccache | Bloomberg | Getty Images").
 */
function isCaption(el: Element, root: Element): boolean {
  for (let node: Element | null = el; node && node !== root; node = node.parentElement) {
    if (node.tagName === 'FIGURE' || CAPTION_CLASS.test(`${node.getAttribute('class') ?? ''} ${node.id}`)) return true;
  }
  const text = squash(el.textContent ?? '');
  if (TRAILING_CREDIT.test(text)) return true;
  if (wordCount(text) > MAX_CREDIT_WORDS || !containsPhrase('photoCredits', text)) return false;
  return /[©|:]/u.test(text) || leadingPhrase('photoCredits', text) !== undefined || /getty|shutterstock/iu.test(text);
}

export function splitBlocks(root: Element): BlockSeed[] {
  const out: BlockSeed[] = [];
  const paragraphKind = (el: Element, quoted: boolean): BlockKind => (quoted ? 'quote' : isCaption(el, root) ? 'caption' : 'paragraph');
  const visit = (el: Element, quoted: boolean, list: Element | null) => {
    const tag = el.tagName;
    if (tag === 'TABLE' && isLayoutTable(el)) {
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

/** A block's text as a reader sees it: white space collapsed; a table keeps one line per row. */
export function blockText(el: Element, kind: BlockKind): string {
  if (kind !== 'table') return squash(el.textContent ?? '');
  return [...el.querySelectorAll('tr')]
    .map((row) => childElementsOf(row).map((cell) => squash(cell.textContent ?? '')).filter(Boolean).join(' '))
    .filter(Boolean)
    .join('\n');
}
