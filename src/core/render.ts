/**
 * The cleaned article as Markdown (by Turndown, with GitHub-flavoured tables), built from the article element
 * once the rules have removed their blocks and sanitize.ts has sanitised it. Code is fenced with its language,
 * math is written as TeX (`$…$`, `$$…$$`), footnotes as `[^n]` with their `[^n]: …` definitions; a table
 * that pipes cannot hold (spans, nested tables, lists or code in cells) stays HTML.
 */
import { tables } from '@joplin/turndown-plugin-gfm';
import TurndownService from 'turndown';
import { childNodesOf, walkElements } from './dom.ts';
import { isDisplayMath, mathTex } from './math.ts';
import { squash } from './text.ts';

let turndown: TurndownService | undefined;

// Attributes set on the article's own elements for the span of one conversion (and taken off again), so that
// Turndown, which parses each part anew, still knows a footnote reference and a definition.
const FN_REF = 'data-ro-fnref';
const FN_DEF = 'data-ro-fndef';
const FN_BACK = 'data-ro-fnback';
const ENGINE_ATTRS = / data-ro-(?:block|fnref|fndef|fnback)="[^"]*"/gu;

function service(): TurndownService {
  if (turndown) return turndown;
  const td = new TurndownService({ headingStyle: 'atx', codeBlockStyle: 'fenced', bulletListMarker: '-', emDelimiter: '*', hr: '---' });
  td.use(tables);
  // After the plugin's table rules, so they are asked first. A table that lays out paragraphs is read as
  // its cells' blocks; one that pipes cannot hold goes as HTML.
  td.addRule('complexTable', {
    filter: (node) => node.nodeName === 'TABLE' && !inProseTable(node) && isComplexTable(node),
    replacement: (_content, node) => `\n\n${(node as Element).outerHTML.replace(ENGINE_ATTRS, '')}\n\n`,
  });
  td.addRule('layoutTable', {
    filter: (node) => ['TABLE', 'THEAD', 'TBODY', 'TFOOT', 'TR', 'TD', 'TH'].includes(node.nodeName) && inProseTable(node),
    replacement: (content, node) => (node.nodeName === 'TD' || node.nodeName === 'TH' ? `\n\n${content.trim()}\n\n` : content),
  });
  td.addRule('math', {
    filter: (node) => node.nodeName.toLowerCase() === 'math',
    replacement: (_content, node) => {
      const tex = mathTex(node as Element);
      if (tex === '') return '';
      return isDisplayMath(node as Element) ? `\n\n$$\n${tex}\n$$\n\n` : `$${tex}$`;
    },
  });
  // A card whose link wraps a heading and paragraphs: Markdown links hold a line, so the heading takes it.
  td.addRule('blockLink', {
    filter: (node) => node.nodeName === 'A' && hasBlockChild(node as Element),
    replacement: (content, node) => {
      const href = (node as Element).getAttribute('href') ?? '';
      const body = content.trim();
      const linked = href && !/^#{1,6} .*\]\(/mu.test(body) ? body.replace(/^(#{1,6}) (.+)$/mu, (_m, hashes: string, text: string) => `${hashes} [${text}](${href})`) : body;
      return `\n\n${linked}\n\n`;
    },
  });
  // A link with nothing to click (a permalink whose icon was an <svg>) would print as "[](…)".
  td.addRule('emptyLink', {
    filter: (node) => node.nodeName === 'A' && (node.textContent ?? '').trim() === '' && (node as Element).getElementsByTagName('img').length === 0,
    replacement: () => '',
  });
  td.addRule('footnoteBackLink', {
    filter: (node) => node.nodeType === 1 && (node as Element).hasAttribute(FN_BACK),
    replacement: () => '',
  });
  td.addRule('footnoteReference', {
    filter: (node) => node.nodeType === 1 && (node as Element).hasAttribute(FN_REF),
    replacement: (_content, node) => `[^${(node as Element).getAttribute(FN_REF)}]`,
  });
  td.addRule('footnoteDefinition', {
    filter: (node) => node.nodeType === 1 && (node as Element).hasAttribute(FN_DEF),
    replacement: (content, node) => {
      // Wikipedia prints "^" before its links back, when there are several ("^ a b"), and bibliographies
      // their own number ("[35] A. Author…"), which the note's label replaces.
      const body = content.trim().replace(/^\^(?:\s+|$)/u, '').replace(/^\\?\[\w{1,6}\\?\]\s*/u, '').replace(/\n{2,}/gu, '\n\n    ');
      return `\n\n[^${(node as Element).getAttribute(FN_DEF)}]: ${body}\n\n`;
    },
  });
  return (turndown = td);
}

/**
 * Whether the table's cells hold prose (paragraphs, headings, quotes, tables): then it is written as its
 * cells' blocks. Lists do not count, unlike blocks.ts's cellsHoldBlocks: a data table with lists in its
 * cells stays one table in the Markdown, as HTML (isComplexTable), rather than falling apart into loose items.
 */
function cellsHoldProse(table: Element): boolean {
  return hasDescendant(table, 'p, h1, h2, h3, h4, h5, h6, table, blockquote');
}

/** querySelector without the element itself, which domino (Turndown's parser in Node) also matches. */
function hasDescendant(el: Element, selector: string): boolean {
  for (const found of Array.from(el.querySelectorAll(selector))) if (found !== el) return true;
  return false;
}

const proseTables = new WeakMap<Node, boolean>();

/** Whether the node is, or is part of, a table whose cells hold prose (and not of a data table nested in one). */
function inProseTable(node: Node): boolean {
  let table: Node | null = node;
  while (table && table.nodeName !== 'TABLE') table = table.parentNode;
  if (!table) return false;
  let prose = proseTables.get(table);
  if (prose === undefined) proseTables.set(table, (prose = cellsHoldProse(table as Element)));
  return prose;
}

/** A table whose cells span rows or columns, or hold lists, quotes or code blocks. */
function isComplexTable(table: Node): boolean {
  const el = table as Element;
  for (const cell of Array.from(el.querySelectorAll('td, th'))) {
    if (Number(cell.getAttribute('colspan') ?? 1) > 1 || Number(cell.getAttribute('rowspan') ?? 1) > 1) return true;
  }
  return hasDescendant(el, 'table, ul, ol, pre, blockquote, h1, h2, h3, h4, h5, h6, hr, dl');
}

/**
 * Turndown joins its output by trimming the whole string so far at each block, which is quadratic on a long
 * article; converting the article's top-level blocks one by one and joining them keeps it linear. Each block
 * goes as HTML: Turndown would copy a node it is given anyway, and parsing a string with its own parser (the
 * browser's DOMParser, or domino in Node) is cheaper than copying in jsdom.
 */
export function toMarkdown(title: string, root: Element): string {
  const td = service();
  let container: Node = root;
  // Down through wrappers that hold one element: their children are the article's blocks.
  while (container.firstChild && container.firstChild === container.lastChild && WRAPPERS.has(container.firstChild.nodeName)) container = container.firstChild;
  const marked = markFootnotes(root);
  try {
    const parts = childNodesOf(container)
      .filter((node) => node.nodeType === 1 || (node.textContent ?? '').trim() !== '')
      .map((node) => td.turndown(node.nodeType === 1 ? (node as Element).outerHTML.replace(ENGINE_ATTRS, keepFootnoteMarks) : escapeText(node.textContent ?? '')))
      .filter((part) => part !== '');
    return `# ${title.replace(/\s+/gu, ' ').trim()}\n\n${parts.join('\n\n')}\n`;
  } finally {
    for (const el of marked) for (const attr of [FN_REF, FN_DEF, FN_BACK]) el.removeAttribute(attr);
  }
}

const WRAPPERS = new Set(['DIV', 'SECTION', 'ARTICLE', 'MAIN']);
const BLOCKS = new Set(['P', 'DIV', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'UL', 'OL', 'TABLE', 'BLOCKQUOTE', 'PRE', 'FIGURE', 'SECTION', 'ARTICLE']);

function hasBlockChild(el: Element): boolean {
  for (let child = el.firstChild; child; child = child.nextSibling) if (BLOCKS.has(child.nodeName)) return true;
  return false;
}

function keepFootnoteMarks(attr: string): string {
  return attr.startsWith(' data-ro-block') ? '' : attr;
}

function escapeText(text: string): string {
  return text.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');
}

// A reference's text: "1", "[12]", "(a)", "*", "†"; a definition's back-link: "↩", "^", "↑", "back".
const REF_LABEL = /^[[(]?([\w*†‡§¶]{1,6})[\])]?$/u;
const BACK_LINK = /^(?:[↩↑⤴^]\ufe0e?|back|return|↩︎)+$/iu;
const DEFINITION_TAGS = new Set(['li', 'p', 'div', 'aside', 'dd', 'section']);

/**
 * Finds the footnotes: a short in-page link (in a `<sup>`, or named a note reference) whose target is a list
 * item or paragraph of the article after it. Marks each reference, its definition and the definition's
 * links back; returns the marked elements.
 */
function markFootnotes(root: Element): Element[] {
  const ids = new Map<string, Element>();
  const refs: Array<{ a: Element; target: string }> = [];
  const unlinked: Element[] = [];
  walkElements(root, (el) => {
    if (el.id) ids.set(el.id, el);
    const name = el.getAttribute('name');
    if (el.localName === 'a' && name && !ids.has(name)) ids.set(name, el);
    if (el.localName === 'sup' && el.firstElementChild === null) unlinked.push(el);
    if (el.localName !== 'a') return;
    const href = el.getAttribute('href') ?? '';
    const fragment = inPageTarget(href);
    if (fragment === null) return;
    const text = (el.textContent ?? '').trim();
    if (!REF_LABEL.test(text)) return;
    // In a <sup>, named a note reference, or bracketed like "[3]" (a reference list's numbering).
    const noteLike = el.closest('sup') !== null || el.querySelector('sup') !== null || el.getAttribute('role') === 'doc-noteref' || /^\[.+\]$/u.test(text) || /fn|foot|note|cite|ref|bib/iu.test(`${fragment} ${el.id}`);
    if (noteLike) refs.push({ a: el, target: fragment });
  });
  const marked: Element[] = [];
  const defined = new Map<Element, string>();
  // Where a definition's links back lead: the references, or the <sup> or <span> that holds one.
  const refIds = new Set<string>();
  for (const { a } of refs) {
    for (let el: Element | null = a; el && el !== root && el.localName !== 'p'; el = el.parentElement) if (el.id) refIds.add(el.id);
  }
  const pairs: Array<{ a: Element; definition: Element }> = [];
  const definitions = new Set<Element>();
  for (const ref of refs) {
    const target = ids.get(ref.target);
    if (!target || target.contains(ref.a) || !(ref.a.compareDocumentPosition(target) & FOLLOWING)) continue;
    const definition = definitionOf(target, root);
    if (!definition || definition.contains(ref.a)) continue;
    pairs.push({ a: ref.a, definition });
    // The note's own number, an anchor named for the reference (<a name="one"><sup>1</sup></a>), is its label.
    const label = (target.textContent ?? '').trim();
    if (target.localName === 'a' && !target.hasAttribute('href') && label !== '' && REF_LABEL.test(label) && !target.hasAttribute(FN_BACK)) {
      target.setAttribute(FN_BACK, '');
      marked.push(target);
    }
    definitions.add(definition);
  }
  // Numbered in the order the notes stand, as Markdown renderers number them: "[35]" of a bibliography
  // sorted by name becomes the note it is in that list.
  const ordered = [...definitions].sort((x, y) => (x.compareDocumentPosition(y) & FOLLOWING ? -1 : 1));
  ordered.forEach((definition, i) => {
    const label = String(i + 1);
    defined.set(definition, label);
    definition.setAttribute(FN_DEF, label);
    marked.push(definition);
    for (const a of definition.querySelectorAll('a[href*="#"]')) {
      const text = (a.textContent ?? '').trim();
      // "↩" to "#", whose script goes back in history.
      if (a.getAttribute('href') === '#' && BACK_LINK.test(text)) {
        a.setAttribute(FN_BACK, '');
        marked.push(a);
        continue;
      }
      const target = inPageTarget(a.getAttribute('href') ?? '');
      if (target === null) continue;
      if (refIds.has(target) || BACK_LINK.test(text) || (REF_LABEL.test(text) && a === firstLink(definition))) {
        a.setAttribute(FN_BACK, '');
        marked.push(a);
      }
    }
  });
  for (const { a, definition } of pairs) {
    a.setAttribute(FN_REF, defined.get(definition)!);
    marked.push(a);
  }
  if (marked.length === 0) markUnlinkedNotes(root, unlinked, marked);
  return marked;
}

// A heading over a page's notes, in the five languages of the phrase lists.
const NOTES_HEADING = /^(?:foot|end)?notes?$|^references$|^anmerkungen$|^fußnoten$|^einzelnachweise$|^notas?$|^referencias$|^r[ée]f[ée]rences$|^примечания$/iu;

/**
 * Notes without links: plain `<sup>1</sup>` in the text and, under a "Notes" heading, paragraphs or items
 * that start with the same `<sup>1</sup>`. Only numbers both referenced and defined count.
 */
function markUnlinkedNotes(root: Element, sups: Element[], marked: Element[]): void {
  const definitions = new Map<string, { def: Element; mark: Element }>();
  let heading: Element | null = null;
  for (const sup of sups) {
    const label = (sup.textContent ?? '').trim();
    if (!/^\w{1,4}$/u.test(label)) continue;
    const holder = sup.parentElement;
    if (!holder || !(holder.localName === 'p' || holder.localName === 'li') || holder.firstChild !== sup) continue;
    let before: Element | null = holder.localName === 'li' ? (holder.parentElement?.previousElementSibling ?? null) : holder.previousElementSibling;
    while (before && (before.localName === 'p' || before.localName === 'li') && before.firstElementChild?.localName === 'sup') before = before.previousElementSibling;
    if (!before || !/^h[1-6]$/u.test(before.localName) || !NOTES_HEADING.test((before.textContent ?? '').trim())) continue;
    heading ??= before;
    if (!definitions.has(label)) definitions.set(label, { def: holder, mark: sup });
  }
  if (!heading) return;
  const used = new Set<string>();
  for (const sup of sups) {
    if (!(sup.compareDocumentPosition(heading) & FOLLOWING)) break;
    const label = (sup.textContent ?? '').trim();
    if (!definitions.has(label) || sup.closest('a')) continue;
    sup.setAttribute(FN_REF, label);
    marked.push(sup);
    used.add(label);
  }
  for (const [label, { def, mark }] of definitions) {
    if (!used.has(label)) continue;
    def.setAttribute(FN_DEF, label);
    mark.setAttribute(FN_BACK, '');
    marked.push(def, mark);
  }
}

/**
 * The id a link leads to ("#fn1", "ch02.html#fn1"), or null. Callers then look for that id in the article
 * itself: arXiv links its citations to the HTML version's address ("…/html/1706.03762v7#bib.bib35") from
 * the abstract's, and the bibliography entry is in the page all the same.
 */
function inPageTarget(href: string): string | null {
  const hash = href.indexOf('#');
  if (hash < 0 || hash === href.length - 1) return null;
  try {
    return decodeURIComponent(href.slice(hash + 1));
  } catch {
    return href.slice(hash + 1); // a malformed escape: the id as written
  }
}

const FOLLOWING = 4; // Node.DOCUMENT_POSITION_FOLLOWING, without a window at hand

function firstLink(el: Element): Element | null {
  return el.querySelector('a');
}

/** The list item or paragraph a footnote target stands for (an anchor inside it, or the element itself). */
function definitionOf(target: Element, root: Element): Element | null {
  const item = target.closest('li');
  if (item && root.contains(item)) return item;
  for (let el: Element | null = target; el && el !== root; el = el.parentElement) {
    if (DEFINITION_TAGS.has(el.localName) && el.localName !== 'section') return labelOnly(el, target, root) ?? el;
  }
  return null;
}

/**
 * A paragraph that holds only the note's number (Readability wraps a lone `<sup id="footnote-1">` in one) is
 * the label of the note its container holds: `<div class="footnote-definition"><sup>…</sup><div>text</div>`.
 * The container, when it holds no other note.
 */
function labelOnly(el: Element, target: Element, root: Element): Element | null {
  const parent = el.parentElement;
  if (el.localName !== 'p' || !parent || parent === root || parent.localName !== 'div') return null;
  if (squash(el.textContent ?? '') !== squash(target.textContent ?? '') || squash(parent.textContent ?? '') === squash(el.textContent ?? '')) return null;
  return parent.querySelectorAll('[id]').length === el.querySelectorAll('[id]').length + (el.id ? 1 : 0) ? parent : null;
}
