/**
 * Math in one form: a MathML `<math>` (display="block" for display math) whose TeX, when the page had it,
 * rides along in `<semantics><annotation encoding="application/x-tex">`, as KaTeX prints it. Browsers render
 * the MathML in the html; the Markdown and the blocks' text read the TeX. Pages give math as KaTeX (MathML
 * plus an aria-hidden HTML rendering), MathJax 2 (`<script type="math/tex">` beside its rendering), MathJax 3
 * (`<mjx-container>` with assistive MathML, or SVG), plain MathML, or TeX in data-tex / data-latex / data-math.
 */
const MATHML_NS = 'http://www.w3.org/1998/Math/MathML';
const TEX_ENCODING = /^application\/(?:x-)?tex$/iu;

/** The TeX of a `<math>`: its TeX annotation, or else its MathML written as TeX. */
export function mathTex(math: Element): string {
  const annotation = texAnnotation(math);
  if (annotation) return (annotation.textContent ?? '').trim();
  return mathmlToTex(math).replace(/\s+/gu, ' ').trim();
}

/** By child links: Turndown's parser in Node (domino) has no iterable collections of MathML elements. */
function texAnnotation(el: Element): Element | null {
  for (let child = el.firstElementChild; child; child = child.nextElementSibling) {
    if (child.localName === 'annotation' && TEX_ENCODING.test(child.getAttribute('encoding') ?? '')) return child;
    const found = texAnnotation(child);
    if (found) return found;
  }
  return null;
}

export function isDisplayMath(math: Element): boolean {
  return math.getAttribute('display') === 'block' || math.getAttribute('mode') === 'display';
}

/** A `<math>` as a reader's text: `$TeX$`, or `$$TeX$$` for display math. */
export function mathText(math: Element): string {
  const tex = mathTex(math);
  if (tex === '') return '';
  return isDisplayMath(math) ? `$$${tex}$$` : `$${tex}$`;
}

// Operators and letters MathML spells as characters and TeX as commands.
const TEX_SYMBOLS: Record<string, string> = {
  '∀': '\\forall', '∃': '\\exists', '→': '\\rightarrow', '←': '\\leftarrow', '↔': '\\leftrightarrow', '⇒': '\\Rightarrow',
  '⇐': '\\Leftarrow', '⇔': '\\Leftrightarrow', '↦': '\\mapsto', '≤': '\\le', '≥': '\\ge', '≠': '\\neq', '≈': '\\approx',
  '≡': '\\equiv', '∼': '\\sim', '≅': '\\cong', '∝': '\\propto', '×': '\\times', '⋅': '\\cdot', '·': '\\cdot', '∘': '\\circ',
  '÷': '\\div', '±': '\\pm', '∓': '\\mp', '−': '-', '∑': '\\sum', '∏': '\\prod', '∫': '\\int', '∮': '\\oint', '∞': '\\infty',
  '∂': '\\partial', '∇': '\\nabla', '∈': '\\in', '∉': '\\notin', '∋': '\\ni', '⊂': '\\subset', '⊃': '\\supset',
  '⊆': '\\subseteq', '⊇': '\\supseteq', '∪': '\\cup', '∩': '\\cap', '∅': '\\emptyset', '∧': '\\wedge', '∨': '\\vee',
  '¬': '\\neg', '⟨': '\\langle', '⟩': '\\rangle', '…': '\\ldots', '⋯': '\\cdots', '⋮': '\\vdots', '⋱': '\\ddots',
  '⊕': '\\oplus', '⊗': '\\otimes', '⊥': '\\perp', '∥': '\\parallel', '′': "'", '″': "''", '⋆': '\\star', '∗': '*',
  '⁡': '', '⁢': '', '⁣': '', '⁤': '',
  'α': '\\alpha', 'β': '\\beta', 'γ': '\\gamma', 'δ': '\\delta', 'ε': '\\varepsilon', 'ϵ': '\\epsilon', 'ζ': '\\zeta',
  'η': '\\eta', 'θ': '\\theta', 'ϑ': '\\vartheta', 'ι': '\\iota', 'κ': '\\kappa', 'λ': '\\lambda', 'μ': '\\mu', 'ν': '\\nu',
  'ξ': '\\xi', 'π': '\\pi', 'ρ': '\\rho', 'σ': '\\sigma', 'ς': '\\varsigma', 'τ': '\\tau', 'υ': '\\upsilon', 'φ': '\\phi',
  'ϕ': '\\phi', 'χ': '\\chi', 'ψ': '\\psi', 'ω': '\\omega', 'Γ': '\\Gamma', 'Δ': '\\Delta', 'Θ': '\\Theta',
  'Λ': '\\Lambda', 'Ξ': '\\Xi', 'Π': '\\Pi', 'Σ': '\\Sigma', 'Υ': '\\Upsilon', 'Φ': '\\Phi', 'Ψ': '\\Psi', 'Ω': '\\Omega',
  'ℝ': '\\mathbb{R}', 'ℕ': '\\mathbb{N}', 'ℤ': '\\mathbb{Z}', 'ℚ': '\\mathbb{Q}', 'ℂ': '\\mathbb{C}', 'ℓ': '\\ell',
};
const FUNCTIONS = new Set(['sin', 'cos', 'tan', 'log', 'ln', 'exp', 'lim', 'max', 'min', 'sup', 'inf', 'det', 'dim', 'ker', 'gcd', 'arg', 'deg']);

function symbols(text: string): string {
  let out = '';
  // NFKC turns the mathematical alphanumerics (𝑧, 𝐁) that MathJax prints back into plain letters.
  for (const ch of text.normalize('NFKC')) {
    const tex = TEX_SYMBOLS[ch];
    out += tex === undefined ? ch : /^\\[a-zA-Z]+$/u.test(tex) ? `${tex} ` : tex;
  }
  return out.trimEnd();
}

function group(tex: string): string {
  return /^(?:[\w]|\\[a-zA-Z]+)$/u.test(tex) ? tex : `{${tex}}`;
}

/** A subscript or superscript, always braced, as MathML-to-TeX converters write it (`\lambda_{1}`). */
function script(tex: string): string {
  return `{${tex}}`;
}

const OPEN_CLOSE: Record<string, string> = { '(': ')', '[': ']', '{': '}' };

/** A row's items, with each matching pair of brackets among them sized to what they enclose. */
function sequence(items: Element[]): string {
  const tex = items.map((k) => mathmlToTex(k));
  const text = items.map((k) => (k.localName === 'mo' ? (k.textContent ?? '').trim() : null));
  const stack: number[] = [];
  for (let i = 0; i < items.length; i++) {
    const t = text[i];
    if (t && OPEN_CLOSE[t]) stack.push(i);
    else if (t && stack.length > 0 && OPEN_CLOSE[text[stack[stack.length - 1]!]!] === t) {
      const open = stack.pop()!;
      tex[open] = `\\left${text[open] === '{' ? '\\{' : text[open]}`;
      tex[i] = `\\right${t === '}' ? '\\}' : t}`;
    }
  }
  return tex.join(' ').trim();
}

/** A small MathML-to-TeX writer for pages that print MathML without its TeX (MathJax 3's assistive MathML). */
export function mathmlToTex(el: Element): string {
  const kids: Element[] = [];
  for (let child = el.firstElementChild; child; child = child.nextElementSibling) kids.push(child);
  const tex = (i: number) => (kids[i] ? mathmlToTex(kids[i]!) : '');
  const all = () => sequence(kids);
  switch (el.localName) {
    case 'math': case 'mrow': case 'mstyle': case 'mpadded': case 'merror': case 'mtd': case 'menclose':
      return all();
    case 'semantics':
      return tex(0);
    case 'annotation': case 'annotation-xml': case 'mphantom': case 'mspace': case 'mprescripts': case 'none':
      return '';
    case 'mi': {
      const text = (el.textContent ?? '').trim();
      const variant = el.getAttribute('mathvariant');
      if (text.length > 1 && FUNCTIONS.has(text)) return `\\${text}`;
      const sym = symbols(text);
      if (variant === 'bold') return `\\mathbf{${sym}}`;
      if (variant === 'double-struck') return `\\mathbb{${sym}}`;
      return sym;
    }
    case 'mn':
      return (el.textContent ?? '').trim();
    case 'mo': {
      const text = (el.textContent ?? '').trim();
      return symbols(text);
    }
    case 'mtext': {
      const text = (el.textContent ?? '').replace(/\s+/gu, ' ');
      if (text.trim() === '') return '';
      return /^[\p{P}\s]+$/u.test(text) ? text.trim() : `\\text{${text}}`;
    }
    case 'ms':
      return `\\text{"${el.textContent ?? ''}"}`;
    case 'msub':
      return `${group(tex(0))}_${script(tex(1))}`;
    case 'msup':
      return `${group(tex(0))}^${script(tex(1))}`;
    case 'msubsup':
      return `${group(tex(0))}_${script(tex(1))}^${script(tex(2))}`;
    case 'mfrac':
      return `\\frac{${tex(0)}}{${tex(1)}}`;
    case 'msqrt':
      return `\\sqrt{${all()}}`;
    case 'mroot':
      return `\\sqrt[${tex(1)}]{${tex(0)}}`;
    case 'mover': {
      const accent = (kids[1]?.textContent ?? '').trim();
      if (accent === '^' || accent === 'ˆ') return `\\hat{${tex(0)}}`;
      if (accent === '¯' || accent === '‾' || accent === '_') return `\\overline{${tex(0)}}`;
      if (accent === '→' || accent === '⃗') return `\\vec{${tex(0)}}`;
      if (accent === '~' || accent === '˜') return `\\tilde{${tex(0)}}`;
      if (accent === '.' || accent === '˙') return `\\dot{${tex(0)}}`;
      return `\\overset{${tex(1)}}{${tex(0)}}`;
    }
    case 'munder':
      return /^\\(?:sum|prod|lim|max|min|sup|inf|int)/u.test(tex(0)) ? `${tex(0)}_${script(tex(1))}` : `\\underset{${tex(1)}}{${tex(0)}}`;
    case 'munderover':
      return `${group(tex(0))}_${script(tex(1))}^${script(tex(2))}`;
    case 'mfenced': {
      const open = el.getAttribute('open') ?? '(';
      const close = el.getAttribute('close') ?? ')';
      return `\\left${open} ${kids.map((k) => mathmlToTex(k)).join(', ')} \\right${close}`;
    }
    case 'mtable':
      // One row is an equation (a tagged one has its label last); more are aligned lines.
      if (kids.length === 1) return mathmlToTex(kids[0]!);
      return `\\begin{aligned}${kids.map((row) => mathmlToTex(row)).join(' \\\\ ')}\\end{aligned}`;
    case 'mtr':
      return kids.map((cell) => mathmlToTex(cell)).join(' & ');
    case 'mlabeledtr':
      // The first cell is the equation's label, "(1)": written after the equation, as the page shows it.
      return [...kids.slice(1).map((cell) => mathmlToTex(cell)), kids[0] ? mathmlToTex(kids[0]) : ''].join(' ').trim();
    default:
      return kids.length > 0 ? all() : symbols((el.textContent ?? '').trim());
  }
}

/** A `<math>` holding `tex` as its annotation and, for lack of MathML, the TeX itself as text to show. */
function mathFromTex(doc: Document, tex: string, display: boolean): Element {
  const math = doc.createElementNS(MATHML_NS, 'math');
  if (display) math.setAttribute('display', 'block');
  const semantics = doc.createElementNS(MATHML_NS, 'semantics');
  const shown = doc.createElementNS(MATHML_NS, 'mtext');
  shown.textContent = tex;
  const annotation = doc.createElementNS(MATHML_NS, 'annotation');
  annotation.setAttribute('encoding', 'application/x-tex');
  annotation.textContent = tex;
  semantics.append(shown, annotation);
  math.appendChild(semantics);
  return math;
}

/** Puts `math` where `target` was, a display block when it stood as one. */
function replaceWithMath(target: Element, math: Element, display: boolean): void {
  if (display) math.setAttribute('display', 'block');
  else if (math.getAttribute('display') === 'block' && !display) math.removeAttribute('display');
  target.replaceWith(math);
}

/** Attributes in which pages keep a formula's TeX beside (or instead of) its rendering. */
export const TEX_ATTRS = ['data-tex', 'data-latex', 'data-math'];
/** Whether a class attribute names a KaTeX rendering. */
export const KATEX_CLASS = /(?:^|\s)katex(?:-display)?(?:\s|$)/u;

/** The elements math may start from, in document order: collected by normalize.ts in its one walk. */
export interface MathCandidates {
  /** MathJax 2's `<script type="math/tex">`. */
  scripts: Element[];
  /** Elements with TeX in data-tex, data-latex or data-math. */
  texHolders: Element[];
  /** .katex and .katex-display. */
  katex: Element[];
  /** MathJax 3's `<mjx-container>`. */
  mathjax: Element[];
  /** Images of rendered TeX whose alt text is the TeX (WordPress's latex.php, CodeCogs). */
  texImages: Element[];
}

/** An image of a formula rendered from TeX: by its class or by the renderer it is served from. */
export function isTexImage(img: Element): boolean {
  if (!(img.getAttribute('alt') ?? '').trim()) return false;
  return /(?:^|\s)(?:latex|tex|math|wp-math)(?:\s|$)/iu.test(img.getAttribute('class') ?? '') ||
    /latex\.php\?latex=|latex\.codecogs\.com|[?&]tex=|\/mathtex\.cgi/iu.test(img.getAttribute('src') ?? '');
}

/**
 * Rewrites the math found into `<math>` elements carrying their TeX. The renderings beside a source (KaTeX's
 * and MathJax's HTML, SVG or preview) go, so no glyph soup is left.
 */
export function rewriteMath(doc: Document, found: MathCandidates): void {
  // MathJax 2 keeps the TeX in a script after its rendering.
  for (const script of found.scripts) {
    const display = /mode\s*=\s*display/iu.test(script.getAttribute('type') ?? '');
    for (let prev = script.previousElementSibling; prev && /(?:^|\s)MathJax(?:_\w+)?(?:\s|$)/u.test(prev.getAttribute('class') ?? ''); prev = script.previousElementSibling) prev.remove();
    const tex = (script.textContent ?? '').trim();
    if (tex === '') script.remove();
    else replaceWithMath(script, mathFromTex(doc, tex, display), display);
  }
  for (const el of found.texHolders) {
    if (!el.isConnected || el.localName === 'math' || el.closest('math')) continue;
    const tex = TEX_ATTRS.map((a) => el.getAttribute(a)).find((v) => v !== null && v.trim() !== '')?.trim();
    if (!tex) continue;
    const display = /display|block/iu.test(`${el.getAttribute('class') ?? ''} ${el.getAttribute('data-display') ?? ''}`) || el.querySelector('.katex-display') !== null || el.localName === 'div';
    const existing = el.querySelector('math');
    replaceWithMath(el, existing ?? mathFromTex(doc, tex, display), display);
  }
  // KaTeX: .katex holds .katex-mathml (the MathML with its TeX) and .katex-html (aria-hidden glyphs).
  for (const katex of found.katex) {
    if (!katex.isConnected) continue;
    const math = katex.querySelector('math');
    if (!math) continue;
    const display = katex.classList.contains('katex-display') || katex.closest('.katex-display') !== null;
    replaceWithMath(katex.closest('.katex-display') ?? katex, math, display);
  }
  // WordPress and other blogs serve formulas as images, the TeX in their alt text; a formula alone in its
  // paragraph is display math.
  for (const img of found.texImages) {
    if (!img.isConnected) continue;
    const parent = img.parentElement;
    const alone = parent !== null && parent.childElementCount === 1 && (parent.textContent ?? '').trim() === '' && parent.localName !== 'a';
    replaceWithMath(img, mathFromTex(doc, (img.getAttribute('alt') ?? '').trim(), alone), alone);
  }
  // MathJax 3: <mjx-container> with assistive MathML; without it (SVG or CHTML alone) its rendering stays.
  for (const container of found.mathjax) {
    if (!container.isConnected) continue;
    const math = container.querySelector('math');
    if (!math) continue;
    replaceWithMath(container, math, container.getAttribute('display') === 'true' || math.getAttribute('display') === 'block');
  }
}
