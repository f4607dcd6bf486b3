/**
 * Code blocks as a reader copies them: one `<pre><code class="language-x">` holding the code's text, its lines
 * separated by newlines, without the line numbers highlighters print beside it. Run on the engine's working
 * copy before Readability, which would otherwise turn `<br>` runs inside a `<pre>` into paragraphs, glue a
 * gutter's "1" to the first line ("1p = 61") and keep a code table as a data table.
 */
import { childElementsOf } from './dom.ts';

// Class names highlighters give a line-number gutter (Pygments "lineno"/"linenos", Rouge "rouge-gutter",
// highlight.js "hljs-ln-numbers", prism "line-numbers-rows", react-syntax-highlighter "linenumber", GitHub
// "blob-num", CodeMirror "CodeMirror-linenumber"/"cm-gutters", Chroma "lnt"/"ln").
const GUTTER_CLASS = /(?:^|\s)(?:[\w-]*line-?numbers?(?:-rows)?|linenos?|lineno|linenodiv|gutter|[\w-]*-gutters?|hljs-ln-n(?:umbers)?|blob-num|lnt|ln|gl)(?:\s|$)/iu;
// Cells and containers that hold code in a table or an editor (GitHub "blob-code", highlight.js "hljs-ln-code",
// Rouge "rouge-code", Chroma "lntable"/"lntd", Pygments "highlighttable").
const CODE_CONTAINER_CLASS = /(?:^|[\s_-])(?:code|highlight|highlighttable|hljs|blob|rouge|lntable|lntd|syntax|sourcecode|prism)/iu;
const NUMBER = /^\s*\d+\s*$/u;

const LANGUAGE_CLASS = [
  /^(?:language|lang)-([\w#+.-]+)$/iu, // <code class="language-js">, Prism, highlight.js, Markdown renderers
  /^highlight-(?:source|text)-([\w#+-]+)$/iu, // GitHub: <div class="highlight highlight-source-python">
  /^highlight-([\w#+-]+)$/iu, // Sphinx: <div class="highlight-python">
];
const NOT_A_LANGUAGE = new Set(['none', 'plaintext', 'plain', 'nohighlight', 'default', 'notranslate', 'source', 'text']);
/** How far above a `<pre>` a wrapper may name the language (GitHub, Rouge, Sphinx wrap it in one or two divs). */
const LANGUAGE_REACH = 3;

/** The language a code block names in its classes or data attributes, lower-case, or null. */
export function codeLanguage(el: Element): string | null {
  let node: Element | null = el;
  for (let level = 0; node && level <= LANGUAGE_REACH; level++, node = node.parentElement) {
    const found = languageOf(node);
    if (found) return found;
  }
  for (const code of el.querySelectorAll('code')) {
    const found = languageOf(code);
    if (found) return found;
  }
  return null;
}

function languageOf(el: Element): string | null {
  const data = el.getAttribute('data-lang') ?? el.getAttribute('data-language');
  if (data && /^[\w#+.-]+$/u.test(data) && !NOT_A_LANGUAGE.has(data.toLowerCase())) return data.toLowerCase();
  const cls = el.getAttribute('class') ?? '';
  // SyntaxHighlighter: class="brush: js; toolbar: false"
  const brush = /\bbrush:\s*([\w#+-]+)/iu.exec(cls);
  if (brush) return brush[1]!.toLowerCase();
  const tokens = cls.split(/\s+/u);
  for (const pattern of LANGUAGE_CLASS) {
    for (const token of tokens) {
      const m = pattern.exec(token);
      if (m && !NOT_A_LANGUAGE.has(m[1]!.toLowerCase())) return m[1]!.toLowerCase();
    }
  }
  // Pandoc: <pre class="sourceCode python">
  if (tokens.includes('sourceCode')) {
    const other = tokens.find((t) => t !== 'sourceCode' && /^[a-z][\w#+-]*$/u.test(t));
    if (other) return other.toLowerCase();
  }
  return null;
}

const BLOCK_LINE = new Set(['DIV', 'P', 'LI', 'TR', 'PRE', 'H1', 'H2', 'H3', 'H4', 'H5', 'H6', 'TABLE', 'UL', 'OL', 'SECTION']);

function isGutterElement(el: Element): boolean {
  return (GUTTER_CLASS.test(el.getAttribute('class') ?? '') || el.hasAttribute('data-line-number')) && NUMBER.test(el.textContent ?? '0');
}

/**
 * The elements of a code block that only number its lines: by their class, or, where the page styled them
 * without one (Chroma's inline numbers), because each line starts with an element holding just its number,
 * counting up by one from line to line.
 */
function gutters(pre: Element): Set<Element> {
  const found = new Set<Element>();
  const numbered: Element[] = [];
  let atLineStart = true;
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        const text = child.textContent ?? '';
        if (text.includes('\n')) atLineStart = text.slice(text.lastIndexOf('\n') + 1).trim() === '';
        else if (text.trim() !== '') atLineStart = false;
        continue;
      }
      if (child.nodeType !== 1) continue;
      const el = child as Element;
      if (el.tagName === 'BR' || BLOCK_LINE.has(el.tagName)) atLineStart = true;
      if (isGutterElement(el)) {
        found.add(el);
        continue;
      }
      if (atLineStart && el.firstElementChild === null && NUMBER.test(el.textContent ?? '')) {
        numbered.push(el);
        atLineStart = false;
        continue;
      }
      walk(el);
      if (BLOCK_LINE.has(el.tagName)) atLineStart = true;
    }
  };
  walk(pre);
  if (numbered.length >= 2 && numbered.every((el, i) => i === 0 || Number(el.textContent) === Number(numbered[i - 1]!.textContent) + 1)) {
    for (const el of numbered) found.add(el);
  }
  return found;
}

/** The text of a code element: `<br>` and line elements become newlines, gutters are left out. */
function codeText(root: Element, skip: Set<Element>): string {
  const parts: string[] = [];
  const newline = () => {
    if (parts.length > 0 && !parts[parts.length - 1]!.endsWith('\n')) parts.push('\n');
  };
  const walk = (node: Node) => {
    for (let child = node.firstChild; child; child = child.nextSibling) {
      if (child.nodeType === 3) {
        parts.push(child.textContent ?? '');
        continue;
      }
      if (child.nodeType !== 1) continue;
      const el = child as Element;
      if (skip.has(el)) continue;
      if (el.tagName === 'BR') {
        parts.push('\n');
        continue;
      }
      const block = BLOCK_LINE.has(el.tagName);
      if (block) newline();
      walk(el);
      if (block) newline();
    }
  };
  walk(root);
  return tidyCode(parts.join(''));
}

/** Trailing spaces and the blank lines around the code go; the indentation of its lines stays. */
function tidyCode(text: string): string {
  return text
    .replace(/\u00a0/gu, ' ')
    .split('\n')
    .map((line) => line.replace(/\s+$/u, ''))
    .join('\n')
    .replace(/^\n+|\n+$/gu, '');
}

/**
 * The element a code block takes the place of: its wrappers too while they hold nothing else (Rouge's
 * `<code><table>`, Pygments' `<div class="highlight"><pre>`). Readability gives a <div> a head start, so on a
 * short post a wrapper around the longest code block outscores the article it stands in.
 */
function outermost(el: Element): Element {
  let target = el;
  for (let parent = target.parentElement; parent && WRAPPERS.has(parent.tagName); parent = parent.parentElement) {
    if (parent.firstChild !== parent.lastChild && (parent.textContent ?? '').trim() !== (target.textContent ?? '').trim()) break;
    target = parent;
  }
  return target;
}

const WRAPPERS = new Set(['CODE', 'SPAN', 'TT', 'KBD', 'SAMP', 'DIV']);

function codeBlock(doc: Document, text: string, language: string | null): Element {
  const pre = doc.createElement('pre');
  const code = doc.createElement('code');
  if (language) code.setAttribute('class', `language-${language}`);
  code.textContent = text;
  pre.appendChild(code);
  return pre;
}

/**
 * A table that lays code out a line (or all lines) per row beside a gutter of line numbers: Rouge, Pygments'
 * "table" mode and Chroma put one row of two cells; GitHub's blob view and highlight.js-line-numbers a row
 * per line. The rows' code cells, joined, or null when the table is anything else (a ranking "1 | Apple" has
 * no code in it).
 */
function codeTableText(table: Element): string | null {
  // Most tables are data: their first row already tells (not two cells, or no number in the first).
  const first = table.querySelector('tr');
  const firstCells = first ? childElementsOf(first) : [];
  if (firstCells.length !== 2 || !/^[\d\s]*$/u.test(firstCells[0]!.textContent ?? '')) return null;
  const rows = [...table.querySelectorAll('tr')].filter((row) => row.closest('table') === table);
  if (rows.length === 0) return null;
  const codeCells: Element[] = [];
  for (const row of rows) {
    const cells = childElementsOf(row).filter((c) => c.tagName === 'TD' || c.tagName === 'TH');
    if (cells.length !== 2) return null;
    const [gutter, code] = cells as [Element, Element];
    const gutterText = gutter.textContent ?? '';
    const numbers = gutterText.trim() === '' ? gutter.hasAttribute('data-line-number') || gutter.querySelector('[data-line-number]') !== null : /^[\d\s]+$/u.test(gutterText);
    if (!numbers) return null;
    codeCells.push(code);
  }
  const looksLikeCode =
    table.closest('pre, code') !== null ||
    CODE_CONTAINER_CLASS.test(`${table.getAttribute('class') ?? ''} ${table.parentElement?.getAttribute('class') ?? ''}`) ||
    codeCells.some((cell) => cell.querySelector('pre, code') !== null || CODE_CONTAINER_CLASS.test(cell.getAttribute('class') ?? ''));
  if (!looksLikeCode) return null;
  return codeCells.map((cell) => codeText(cell, gutters(cell))).join('\n');
}

/**
 * An editor's lines: CodeMirror 6 (.cm-content, a .cm-line per line, or <br> between lines) and CodeMirror 5
 * (.CodeMirror-code, a pre.CodeMirror-line per line).
 */
function editorText(content: Element): string {
  const lines = childElementsOf(content).filter((el) => /(?:^|\s)(?:cm-line|CodeMirror-line)(?:\s|$)/u.test(el.getAttribute('class') ?? '') || el.querySelector('.CodeMirror-line') !== null);
  if (lines.length === 0) return codeText(content, gutters(content));
  return lines
    .map((line) => {
      const inner = line.matches('.CodeMirror-line') ? line : (line.querySelector('.CodeMirror-line') ?? line);
      return (inner.textContent ?? '').replace(/\u200b/gu, '').replace(/\s+$/u, '');
    })
    .join('\n')
    .replace(/^\n+|\n+$/gu, '');
}

/** The editor's outer element: what the code block replaces (toolbar, gutters and all), within a `<pre>` if one wraps it. */
function editorRoot(content: Element): Element {
  const editor = content.closest('.cm-editor, .CodeMirror') ?? content;
  return outermost(editor.closest('pre') ?? editor);
}

/** The elements a code block may start from, in document order: collected by normalize.ts in its one walk. */
export interface CodeCandidates {
  /** CodeMirror's .cm-content (6) and .CodeMirror-code (5). */
  editors: Element[];
  tables: Element[];
  pres: Element[];
}

/** Whether a class attribute names a CodeMirror content element. */
export const EDITOR_CLASS = /(?:^|\s)(?:cm-content|CodeMirror-code)(?:\s|$)/u;

/** Rewrites each code block found into one `<pre><code class="language-x">` of plain text. */
export function rewriteCode(doc: Document, found: CodeCandidates): void {
  for (const content of found.editors) {
    if (!content.isConnected || content.parentElement?.closest('.cm-content, .CodeMirror-code')) continue;
    const target = editorRoot(content);
    target.replaceWith(codeBlock(doc, editorText(content), codeLanguage(target) ?? codeLanguage(content)));
  }
  for (const table of found.tables) {
    if (!table.isConnected) continue;
    const text = codeTableText(table);
    if (text === null) continue;
    const wrapper = outermost(table.closest('pre') ?? table);
    wrapper.replaceWith(codeBlock(doc, text, codeLanguage(wrapper) ?? codeLanguage(table)));
  }
  for (const pre of found.pres) {
    if (!pre.isConnected || pre.parentElement?.closest('pre')) continue;
    const text = codeText(pre, gutters(pre));
    outermost(pre).replaceWith(codeBlock(doc, text, codeLanguage(pre)));
  }
}
