/**
 * Code and math in one form before Readability reads the working copy: what each highlighter, editor and
 * math renderer prints differently becomes one `<pre><code class="language-x">` and one `<math>` with its TeX,
 * which the blocks, the html and the Markdown then read the same way.
 */
import { normalizeCode } from './code.ts';
import { normalizeMath } from './math.ts';

export function normalizeContent(doc: Document): void {
  const body = doc.body;
  if (!body) return;
  normalizeMath(body);
  normalizeCode(body);
}
