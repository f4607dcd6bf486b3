/**
 * Code and math in one form before Readability reads the working copy: what each highlighter, editor and
 * math renderer prints differently becomes one `<pre><code class="language-x">` and one `<math>` with its TeX,
 * which the blocks, the html and the Markdown then read the same way; headings lose their permalinks; lazy
 * images get their real address (images.ts). One walk finds them all: a selector
 * per kind over the whole copy cost a fifth of the clean on some pages in jsdom.
 */
import { type CodeCandidates, EDITOR_CLASS, rewriteCode } from './code.ts';
import { walkElements } from './dom.ts';
import { fixLazyImages } from './images.ts';
import { isTexImage, KATEX_CLASS, type MathCandidates, rewriteMath, TEX_ATTRS } from './math.ts';

export function normalizeContent(doc: Document): void {
  const body = doc.body;
  if (!body) return;
  const math: MathCandidates = { scripts: [], texHolders: [], katex: [], mathjax: [], texImages: [] };
  const code: CodeCandidates = { editors: [], tables: [], pres: [] };
  const headings: Element[] = [];
  const images: Element[] = [];
  const noscripts: Element[] = [];
  const groups: Element[] = [];
  walkElements(body, (el) => {
    const name = el.localName;
    if (name === 'img') images.push(el);
    else if (name === 'noscript') noscripts.push(el);
    else if (name === 'div' && el.parentElement?.localName === 'dl') groups.push(el);
    if (name === 'pre') code.pres.push(el);
    else if (name.length === 2 && name[0] === 'h' && name[1]! >= '1' && name[1]! <= '6') headings.push(el);
    else if (name === 'table') code.tables.push(el);
    else if (name === 'script') {
      if (/^math\/tex/iu.test(el.getAttribute('type') ?? '')) math.scripts.push(el);
      return;
    } else if (name === 'mjx-container') math.mathjax.push(el);
    else if (name === 'img' && isTexImage(el)) math.texImages.push(el);
    // Most elements of an article carry no attribute at all: one question instead of six.
    if (!el.hasAttributes()) return;
    const cls = el.getAttribute('class');
    if (cls !== null) {
      if (KATEX_CLASS.test(cls)) math.katex.push(el);
      else if (EDITOR_CLASS.test(cls)) code.editors.push(el);
      else if (name === 'div' && CODE_DIV_CLASS.test(cls) && isPlainCodeDiv(el)) code.pres.push(el);
    }
    if (name === 'div' && (el.hasAttribute('data-lang') || el.hasAttribute('data-language')) && isPlainCodeDiv(el) && !code.pres.includes(el)) code.pres.push(el);
    if (el.hasAttribute(TEX_ATTRS[0]!) || el.hasAttribute(TEX_ATTRS[1]!) || el.hasAttribute(TEX_ATTRS[2]!)) math.texHolders.push(el);
  });
  rewriteMath(doc, math);
  rewriteCode(doc, code);
  for (const heading of headings) withoutHeadingControls(heading);
  fixLazyImages(images, noscripts);
  // HTML lets a <div> group a <dt> with its <dd>s (JetBrains Writerside); Readability weighs such a div as a
  // block of its own and drops a short term with its definition. The group unwrapped is the same list.
  for (const group of groups) group.replaceWith(...Array.from(group.childNodes));
}

// Code set in a <div> styled to keep its white space (JetBrains Writerside: <div class="code-block" data-lang="http">).
const CODE_DIV_CLASS = /(?:^|\s)(?:code-?block|codeblock|source-?code)(?:\s|$)/iu;

/** A div that holds code as text: no <pre> of its own, no paragraphs, and more than one line. */
function isPlainCodeDiv(el: Element): boolean {
  return el.querySelector('pre, p, table, ul, ol, h1, h2, h3, h4, h5, h6') === null && (el.textContent ?? '').trim().includes('\n');
}

// What a heading's own link to itself shows ("#", "¶", "🔗"), and how such links and MediaWiki's
// "[edit]" are named.
const PERMALINK_TEXT = /^(?:[#¶§⚓∞]|🔗\ufe0e?|\u{1F517}|link|permalink|anchor)?$/iu;
const PERMALINK_NAME = /permalink|anchor|heading-link|header-link|hash-link|direct link|link to (?:this )?(?:section|heading)/iu;

/**
 * A heading's permalink ("2.6. Variables and Sections 🔗", lean-lang.org) and MediaWiki's "[edit]" are the
 * page's controls, not the heading's words: left out before Readability reads the heading.
 */
function withoutHeadingControls(heading: Element): void {
  for (const el of Array.from(heading.querySelectorAll('a, .mw-editsection'))) {
    if (!el.isConnected) continue;
    if (el.localName !== 'a') {
      el.remove();
      continue;
    }
    const text = (el.textContent ?? '').trim();
    const name = `${el.getAttribute('class') ?? ''} ${el.getAttribute('aria-label') ?? ''} ${el.getAttribute('title') ?? ''}`;
    const href = el.getAttribute('href') ?? '';
    // A symbol or the word "permalink"; an empty link (its icon was an <svg>) only when it is named so or
    // points at an anchor.
    if (PERMALINK_TEXT.test(text) && (text !== '' || PERMALINK_NAME.test(name) || href.includes('#'))) el.remove();
  }
}
