/**
 * Code and math in one form before Readability reads the working copy: what each highlighter, editor and
 * math renderer prints differently becomes one `<pre><code class="language-x">` and one `<math>` with its TeX,
 * which the blocks, the html and the Markdown then read the same way. One walk finds them all: a selector
 * per kind over the whole copy cost a fifth of the clean on some pages in jsdom.
 */
import { type CodeCandidates, EDITOR_CLASS, rewriteCode } from './code.ts';
import { walkElements } from './dom.ts';
import { isTexImage, KATEX_CLASS, type MathCandidates, rewriteMath, TEX_ATTRS } from './math.ts';

export function normalizeContent(doc: Document): void {
  const body = doc.body;
  if (!body) return;
  const math: MathCandidates = { scripts: [], texHolders: [], katex: [], mathjax: [], texImages: [] };
  const code: CodeCandidates = { editors: [], tables: [], pres: [] };
  walkElements(body, (el) => {
    const name = el.localName;
    if (name === 'pre') code.pres.push(el);
    else if (name === 'table') code.tables.push(el);
    else if (name === 'script') {
      if (/^math\/tex/iu.test(el.getAttribute('type') ?? '')) math.scripts.push(el);
      return;
    } else if (name === 'mjx-container') math.mathjax.push(el);
    else if (name === 'img' && isTexImage(el)) math.texImages.push(el);
    const cls = el.getAttribute('class');
    if (cls !== null) {
      if (KATEX_CLASS.test(cls)) math.katex.push(el);
      else if (EDITOR_CLASS.test(cls)) code.editors.push(el);
    }
    if (el.hasAttribute(TEX_ATTRS[0]!) || el.hasAttribute(TEX_ATTRS[1]!) || el.hasAttribute(TEX_ATTRS[2]!)) math.texHolders.push(el);
  });
  rewriteMath(doc, math);
  rewriteCode(doc, code);
}
