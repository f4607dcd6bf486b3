/**
 * Where a block stands in the article's structure. A rule that calls text cruft must first see that the
 * text is not part of something a reader came for: a table (a cell, a caption), an infobox, a definition
 * list, a figure, or a list of references, citations, footnotes or endnotes. Wikipedia pages lost infobox
 * values, table cells and single citations to the link rules before these checks (peer-dev wikipedia,
 * wikipedia-2; a documented method's name in a definition list, issues--217-writerside-docs).
 */

// Class and id words that name a list of references or notes: "reflist", "references", "footnotes",
// "citation-list", "endnotes" (Wikipedia, Hugo, Jekyll/kramdown, Pandoc, WordPress footnote plugins).
const REFERENCE_NAME = /(?:^|[\s_-])(?:references?|reflist|refs|footnotes?|citations?|endnotes?|bibliography|sources)(?:$|[\s_-])/iu;
const REFERENCE_ROLE = /^doc-(?:endnotes|footnote|bibliography|biblioentry|endnote)$/u;
// The id of one note: "cite_note-11" (Wikipedia), "fn:1" (kramdown), "fn1" (Pandoc), "footnote-2", "endnote-3".
const NOTE_ID = /^(?:cite_note|fn|footnote|endnote|note)[-:_]?\d|^cite_note-/iu;
// A note links back to where it is cited: "↩", "^" (Wikipedia's caret), role=doc-backlink.
const BACK_LINK_TEXT = /^\s*(?:↩|↑|\^)/u;

function nameOf(el: Element): string {
  return `${el.getAttribute('class') ?? ''} ${el.id}`;
}

/** The element is, or sits in, a list of references, citations, footnotes or endnotes. */
export function inReferenceList(el: Element): boolean {
  for (let e: Element | null = el; e; e = e.parentElement) {
    if (REFERENCE_ROLE.test(e.getAttribute('role') ?? '')) return true;
    if (e.localName === 'li' && (NOTE_ID.test(e.id) || hasBackLink(e))) return true;
    if (/^(?:ol|ul|section|div|aside|footer|dl)$/u.test(e.localName) && REFERENCE_NAME.test(nameOf(e))) return true;
  }
  return false;
}

function hasBackLink(item: Element): boolean {
  if (BACK_LINK_TEXT.test(item.textContent ?? '')) return true;
  for (const a of item.getElementsByTagName('a')) {
    const href = a.getAttribute('href') ?? '';
    if (a.getAttribute('role') === 'doc-backlink' || (href.startsWith('#') && /^\s*(?:↩|↑|\^)\s*$/u.test(a.textContent ?? ''))) return true;
  }
  return false;
}

/**
 * The element is a cell or caption of a data table, or inside one: data, not a list of links. A table that
 * lays out a page's prose (a cell of running text, role="presentation") is layout: its cells are the page's
 * blocks like any other (the golden page sections-and-cells).
 */
export function inTable(el: Element): boolean {
  const table = el.closest('table');
  return table !== null && !laysOutRunningText(table);
}

// As many words as a paragraph of running text (isProse).
const LAYOUT_CELL_WORDS = 20;
const layoutTables = new WeakMap<Element, boolean>();

/**
 * Whether the table is page layout (role="presentation" or "none", or a cell of running text outside an
 * infobox), so its cells are open to the rules like any block. Not blocks.ts's cellsHoldBlocks: a data
 * table may wrap each value in a <p> (cells of blocks, still data to leave alone), and a layout table may
 * set its prose without one.
 */
function laysOutRunningText(table: Element): boolean {
  let layout = layoutTables.get(table);
  if (layout === undefined) {
    const role = table.getAttribute('role');
    layout = role === 'presentation' || role === 'none' || (!inInfobox(table) && [...table.querySelectorAll('td, th')].some(
      (cell) => cell.closest('table') === table && (cell.textContent ?? '').split(/\s+/u).filter(Boolean).length >= LAYOUT_CELL_WORDS,
    ));
    layoutTables.set(table, layout);
  }
  return layout;
}

/** A term or its definition (dt/dd): a glossary entry or a documented name. */
export function inDefinitionList(el: Element): boolean {
  return el.closest('dt, dd, dl') !== null;
}

/** An infobox or fact box (Wikipedia's table.infobox, or a div of that class). */
export function inInfobox(el: Element): boolean {
  for (let e: Element | null = el; e; e = e.parentElement) if (/(?:^|[\s_-])infobox(?:$|[\s_-])/iu.test(nameOf(e))) return true;
  return false;
}

export function inFigure(el: Element): boolean {
  return el.closest('figure, figcaption') !== null;
}

/**
 * The block is part of a structure a reader reads as content: a table, an infobox, a definition list, a
 * figure or a reference list. Rules that remove text as furniture leave such blocks alone.
 */
export function inContentStructure(el: Element): boolean {
  return inDataStructure(el) || inFigure(el);
}

/**
 * A table, an infobox, a definition list or a reference list: text that is data, a term or a citation. Rules
 * that call a block furniture by its words alone ask this last, once the words say so; a figure's caption is
 * left to them ("Subscribe to our sister title" under a picture is a prompt).
 */
export function inDataStructure(el: Element): boolean {
  let inside = structured.get(el);
  if (inside === undefined) {
    inside = inTable(el) || inInfobox(el) || inDefinitionList(el) || inReferenceList(el);
    structured.set(el, inside);
  }
  return inside;
}

const structured = new WeakMap<Element, boolean>();

// A box the page itself names as related content: class "related", "relatedContent", "related-stories",
// "recommended-posts". Whole tokens only: Writerside docs mark sections "h1-related".
const RELATED_BOX = /^(?:related|recommended)(?:[-_]?(?:content|links|stories|articles|posts|news|items|reading))?$/iu;
const RELATED_BOX_DEPTH = 3;

/** The element sits, a few levels down at most, in a box named as related or recommended content. */
export function inRelatedBox(el: Element): boolean {
  let e: Element | null = el;
  for (let depth = 0; e && depth <= RELATED_BOX_DEPTH; depth++, e = e.parentElement) {
    if (`${e.getAttribute('class') ?? ''} ${e.id}`.split(/\s+/u).some((token) => RELATED_BOX.test(token))) return true;
  }
  return false;
}
