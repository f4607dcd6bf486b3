/**
 * Code, math, tables and footnotes through the whole engine: a small excerpt of a real page (named in each
 * case) set between paragraphs of a story, and what its Markdown, html and blocks must hold.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cleanHtml } from '../src/node/index.ts';

const intro =
  '<p>The harbour council met again on Tuesday to weigh the ferry budget, the new timetable and the cost of the winter crossings.</p>' +
  '<p>Here is what the engineers published with the report, as they printed it, for anyone who wants to check the numbers.</p>';
const outro = '<p>The council will vote on the budget next month, after a public meeting in the island school on the first Friday.</p>';

function clean(excerpt: string) {
  const html = `<!doctype html><html><head><title>Ferry budget</title></head><body><article><h1>Ferry budget</h1>${intro}${excerpt}${outro}</article></body></html>`;
  return cleanHtml(html, { url: 'https://example.com/ferry' });
}

/** The Markdown between the story's intro and its last paragraph. */
function excerptMarkdown(excerpt: string): string {
  const md = clean(excerpt).markdown;
  const start = md.indexOf('check the numbers.') + 'check the numbers.'.length;
  const end = md.indexOf('The council will vote');
  return md.slice(start, end).trim();
}

interface Case {
  name: string;
  html: string;
  markdown: string;
}

function table(cases: Case[]): void {
  for (const c of cases) it(c.name, () => assert.equal(excerptMarkdown(c.html), c.markdown));
}

describe('code blocks', () => {
  table([
    {
      name: 'Pygments per-line number spans go (defuddle codeblocks--pygments-lineno)',
      html: '<div class="highlight"><pre><span class="lineno">1</span><span></span><span class="kn">import</span> <span class="nn">torch</span>\n<span class="lineno">2</span><span class="kn">from</span> <span class="nn">torch</span> <span class="kn">import</span> <span class="n">nn</span></pre></div>',
      markdown: '```\nimport torch\nfrom torch import nn\n```',
    },
    {
      name: 'Chroma inline numbers styled without a class go: each line starts with its number (defuddle codeblocks--chroma-inline-linenums, "1p = 61")',
      html: '<div class="highlight"><pre style="display:grid"><code class="language-python" data-lang="python"><span style="display:flex"><span style="user-select:none"> 1</span><span><span>p</span> <span>=</span> <span>61</span>\n</span></span><span style="display:flex"><span style="user-select:none"> 2</span><span><span>q</span> <span>=</span> <span>97</span>\n</span></span></code></pre></div>',
      markdown: '```python\np = 61\nq = 97\n```',
    },
    {
      name: 'a Rouge table: gutter cell and code cell become one block with the wrapper\'s language (defuddle codeblocks--rouge-linenums)',
      html: '<div class="language-cpp highlighter-rouge"><div class="highlight"><code><table class="rouge-table"><tbody><tr><td class="rouge-gutter gl"><pre class="lineno">1\n2\n</pre></td><td class="rouge-code"><pre><span class="k">using</span> <span class="n">Int</span> <span class="o">=</span> <span class="kt">int</span><span class="p">;</span>\n<span class="kt">int</span> x = 1;\n</pre></td></tr></tbody></table></code></div></div>',
      markdown: '```cpp\nusing Int = int;\nint x = 1;\n```',
    },
    {
      name: 'a GitHub blob table: a row per line, empty number cells with data-line-number',
      html: '<table class="highlight tab-size js-file-line-container"><tr><td id="L1" class="blob-num js-line-number" data-line-number="1"></td><td id="LC1" class="blob-code blob-code-inner js-file-line"><span class="pl-k">const</span> a = 1;</td></tr><tr><td id="L2" class="blob-num js-line-number" data-line-number="2"></td><td id="LC2" class="blob-code blob-code-inner js-file-line">console.log(a);</td></tr></table>',
      markdown: '```\nconst a = 1;\nconsole.log(a);\n```',
    },
    {
      name: 'a ranking table numbered 1, 2, 3 is data, not code',
      html: '<table><tr><td>1</td><td>Wellington ferry</td></tr><tr><td>2</td><td>Picton ferry</td></tr></table>',
      markdown: '|     |     |\n| --- | --- |\n| 1   | Wellington ferry |\n| 2   | Picton ferry |',
    },
    {
      name: 'CodeMirror 6 inside a <pre>, lines split by <br> (defuddle codeblocks--chatgpt-codemirror)',
      html: '<pre class="overflow-visible!"><div class="cm-editor"><div class="cm-scroller"><div class="cm-content cm-readonly"><span>def</span><span> </span><span>fib</span><span>(n):</span><br><span>    </span><span>return</span><span> n</span></div></div></div></pre>',
      markdown: '```\ndef fib(n):\n    return n\n```',
    },
    {
      name: 'CodeMirror 5 lines and gutter (.CodeMirror-code)',
      html: '<div class="CodeMirror cm-s-default"><div class="CodeMirror-code"><div><div class="CodeMirror-gutter-wrapper"><div class="CodeMirror-linenumber">1</div></div><pre class="CodeMirror-line"><span>x = 1</span></pre></div><div><div class="CodeMirror-gutter-wrapper"><div class="CodeMirror-linenumber">2</div></div><pre class="CodeMirror-line"><span>y = 2</span></pre></div></div></div>',
      markdown: '```\nx = 1\ny = 2\n```',
    },
    {
      name: '<br> inside <pre> becomes a newline (mailing-list archives)',
      html: '<pre>first_line = 1<br>second_line = 2<br><br>third_line = 3</pre>',
      markdown: '```\nfirst_line = 1\nsecond_line = 2\n\nthird_line = 3\n```',
    },
    {
      name: 'a line per <div> inside <pre>',
      html: '<pre class="brush: js;"><div class="line">let a = 1;</div><div class="line">let b = 2;</div></pre>',
      markdown: '```js\nlet a = 1;\nlet b = 2;\n```',
    },
    {
      name: 'GitHub names the language on the wrapper (highlight-source-x)',
      html: '<div class="highlight highlight-source-python notranslate position-relative overflow-auto"><pre>print("hi")</pre></div>',
      markdown: '```python\nprint("hi")\n```',
    },
    {
      name: 'code in a <div> that keeps its white space, named by data-lang (defuddle issues--217-writerside-docs)',
      html: '<div class="code-block" data-lang="http">GET https://api.example.com/items\n\n&gt; {%\n    console.log(response.status)\n%}</div>',
      markdown: '```http\nGET https://api.example.com/items\n\n> {%\n    console.log(response.status)\n%}\n```',
    },
  ]);

  it('one <pre><code class="language-x"> in the html, and a code block whose text keeps its lines', () => {
    const result = clean('<div class="highlight"><pre><code class="language-python"><span class="lineno">1</span>a = 1\n<span class="lineno">2</span>b = 2</code></pre></div>');
    assert.match(result.html, /<pre[^>]*><code class="language-python">a = 1\nb = 2<\/code><\/pre>/u);
    assert.deepEqual(result.blocks.filter((b) => b.kind === 'code').map((b) => b.text), ['a = 1\nb = 2']);
  });
});

describe('math', () => {
  table([
    {
      name: 'KaTeX: TeX from the annotation, no glyphs (defuddle math--katex-centraliser)',
      html: '<p>If <span class="katex"><span class="katex-mathml"><math xmlns="http://www.w3.org/1998/Math/MathML"><semantics><mrow><mi>G</mi><mo>=</mo><msub><mi>S</mi><mi>n</mi></msub></mrow><annotation encoding="application/x-tex">G=S_n</annotation></semantics></math></span><span class="katex-html" aria-hidden="true"><span class="mord">G</span><span class="mrel">=</span></span></span> then the cycles are coprime.</p>',
      markdown: 'If $G=S_n$ then the cycles are coprime.',
    },
    {
      name: 'MathJax 2 scripts, inline and display (defuddle math--mathjax-tex-scripts)',
      html: '<p>We call these energy differences <script type="math/tex">E_u</script> and <script type="math/tex">E_l</script> in our notes.</p><script type="math/tex; mode=display">f_u = D+\\gamma B</script><p>Here the gyromagnetic ratio is the constant.</p>',
      markdown: 'We call these energy differences $E_u$ and $E_l$ in our notes.\n\n$$\nf_u = D+\\gamma B\n$$\n\nHere the gyromagnetic ratio is the constant.',
    },
    {
      name: 'TeX in data-math, its rendering aria-hidden (defuddle math--katex-data-math)',
      html: '<p>For all <span class="math-inline" data-math="x"><span class="katex"><span class="katex-html" aria-hidden="true"><span class="mord mathnormal">x</span></span></span></span>, if it holds then it is mortal.</p><p><span class="math-block" data-math="x = \\frac{-b}{2a}"><span class="katex"><span class="katex-html" aria-hidden="true">x=2a−b</span></span></span></p>',
      markdown: 'For all $x$, if it holds then it is mortal.\n\n$$\nx = \\frac{-b}{2a}\n$$',
    },
    {
      name: 'MathJax 3 assistive MathML without TeX is written as TeX (defuddle math--mathjax-svg)',
      html: '<p>We define the reward as <mjx-container class="MathJax" jax="SVG"><svg aria-hidden="true"><path></path></svg><mjx-assistive-mml display="inline"><math xmlns="http://www.w3.org/1998/Math/MathML"><msub><mi>r</mi><mrow><mtext>perf</mtext></mrow></msub></math></mjx-assistive-mml></mjx-container> in the paper.</p>',
      markdown: 'We define the reward as $r_{\\text{perf}}$ in the paper.',
    },
    {
      name: 'WordPress formula images: TeX from the alt text, display when alone in a paragraph (defuddle general--cp4space-jordan-algebra)',
      html: '<p>This product <img src="https://s0.wp.com/latex.php?latex=A+%5Ccirc+B&amp;bg=ffffff" alt="A \\circ B" class="latex"> is commutative by definition.</p><p style="text-align:center"><img src="https://s0.wp.com/latex.php?latex=A%5En" alt="A^n = A \\circ \\cdots \\circ A" class="latex"></p>',
      markdown: 'This product $A \\circ B$ is commutative by definition.\n\n$$\nA^n = A \\circ \\cdots \\circ A\n$$',
    },
  ]);

  it('the sanitizer keeps <semantics> and the TeX <annotation>, not annotation-xml\'s HTML', () => {
    const result = clean('<p>Let <math><semantics><mi>y</mi><annotation encoding="application/x-tex">y</annotation><annotation-xml encoding="text/html"><img src="x" onerror="alert(1)"></annotation-xml></semantics></math> be the height of the tide.</p>');
    assert.match(result.html, /<semantics><mi>y<\/mi><annotation encoding="application\/x-tex">y<\/annotation><\/semantics>/u);
    assert.doesNotMatch(result.html, /onerror|annotation-xml/u);
  });

  it('MathML stays in the html, its TeX in the blocks\' text', () => {
    const result = clean('<p>When <math><semantics><mrow><msup><mi>x</mi><mn>2</mn></msup><mo>=</mo><mn>1</mn></mrow><annotation encoding="application/x-tex">x^2 = 1</annotation></semantics></math> there are two solutions to the equation.</p>');
    assert.match(result.html, /<math[^>]*>.*<msup><mi>x<\/mi><mn>2<\/mn><\/msup>/u);
    assert.ok(result.blocks.some((b) => b.text === 'When $x^2 = 1$ there are two solutions to the equation.'), JSON.stringify(result.blocks));
  });
});

describe('headings', () => {
  table([
    {
      name: 'a permalink icon goes (defuddle issues--159-lean-heading-permalink-emoji)',
      html: '<h2>2.6. Variables and Sections <a href="https://lean-lang.org/find/?name=variables" title="Permalink">🔗</a></h2>',
      markdown: '## 2.6. Variables and Sections',
    },
    {
      name: 'MediaWiki\'s [edit] goes (defuddle general--wikipedia)',
      html: '<h2><span id="History">History</span><span class="mw-editsection"><span class="mw-editsection-bracket">[</span><a href="/w/index.php?title=Obsidian&amp;action=edit&amp;section=1" title="Edit section: History">edit</a><span class="mw-editsection-bracket">]</span></span></h2>',
      markdown: '## History',
    },
    {
      name: 'a "#" anchor and an empty icon link to the heading go',
      html: '<h3 id="costs"><a class="anchor" href="#costs" aria-hidden="true"></a>Costs <a href="#costs">#</a></h3>',
      markdown: '### Costs',
    },
    {
      name: 'an empty permalink beside a term prints nothing (defuddle issues--217-writerside-docs)',
      html: '<dl><dt id="getItems"><a href="https://developer.example.com/docs/getItems">getItems()</a> <a class="permalink" href="#getItems"><span></span></a></dt><dd>Returns a list of items.</dd></dl>',
      markdown: '[getItems()](https://developer.example.com/docs/getItems)\n\nReturns a list of items.',
    },
    {
      name: 'a card linked as a whole: no Markdown heading inside a link (defuddle general--tailwind-hidden-blog-index)',
      html: '<a href="https://example.com/blog/ferry"><h3>The ferry returns</h3><p>How the council bought back its old ferry from a scrapyard.</p></a>',
      markdown: '### [The ferry returns](https://example.com/blog/ferry)\n\n[How the council bought back its old ferry from a scrapyard.](https://example.com/blog/ferry)',
    },
    {
      name: 'a heading that is a link with words stays a link',
      html: '<h3><a href="https://example.com/timetable">The winter timetable</a></h3>',
      markdown: '### [The winter timetable](https://example.com/timetable)',
    },
  ]);
});

describe('tables', () => {
  table([
    {
      name: 'a simple table becomes a pipe table with its caption (readability wikipedia-2, climate table)',
      html: '<table><caption>Average daily temperatures</caption><thead><tr><th>City</th><th>High</th></tr></thead><tbody><tr><td>Auckland</td><td>23</td></tr><tr><td>Wellington</td><td>20</td></tr></tbody></table>',
      markdown: 'Average daily temperatures\n\n| City | High |\n| --- | --- |\n| Auckland | 23  |\n| Wellington | 20  |',
    },
    {
      name: 'a table with a colspan stays HTML',
      html: '<table><tr><th colspan="2">Crossings</th></tr><tr><td>Summer</td><td>12</td></tr></table>',
      markdown: '<table><tbody><tr><th colspan="2">Crossings</th></tr><tr><td>Summer</td><td>12</td></tr></tbody></table>',
    },
  ]);

  it('a caption is its own block', () => {
    const result = clean('<table><caption>Average daily temperatures</caption><tr><th>City</th><th>High</th></tr><tr><td>Auckland</td><td>23</td></tr></table>');
    const i = result.blocks.findIndex((b) => b.kind === 'caption' && b.text === 'Average daily temperatures');
    assert.ok(i >= 0, JSON.stringify(result.blocks));
    assert.deepEqual(result.blocks[i + 1], { id: result.blocks[i + 1]!.id, kind: 'table', text: 'City High\nAuckland 23' });
  });
});

describe('footnotes', () => {
  table([
    {
      name: 'sup references and an ordered list of notes with back-links (Pandoc, Jekyll kramdown)',
      html: '<p>The ferry first ran in 1921.<sup id="fnref:1"><a href="#fn:1" class="footnote">1</a></sup> It stopped in 2021.<sup id="fnref:2"><a href="#fn:2" class="footnote">2</a></sup></p><div class="footnotes"><ol><li id="fn:1"><p>The council minutes of that year. <a href="#fnref:1" class="reversefootnote">↩</a></p></li><li id="fn:2"><p>After the storm damaged its engine. <a href="#fnref:2" class="reversefootnote">↩</a></p></li></ol></div>',
      markdown: 'The ferry first ran in 1921.[^1] It stopped in 2021.[^2]\n\n[^1]: The council minutes of that year.\n\n[^2]: After the storm damaged its engine.',
    },
    {
      name: 'bracketed references to paragraphs (Wikipedia-style [1] to a cite note)',
      html: '<p>The crossing takes forty minutes.<sup class="reference"><a href="#cite_note-1">[1]</a></sup></p><ol class="references"><li id="cite_note-1"><span class="mw-cite-backlink"><a href="#cite_ref-1">^</a></span> <span class="reference-text">Harbour timetable, 2024.</span></li></ol>',
      markdown: 'The crossing takes forty minutes.[^1]\n\n[^1]: Harbour timetable, 2024.',
    },
    {
      name: 'bracketed links not in a <sup>, to anchors inside the reference list (defuddle footnotes--child-anchor-id)',
      html: '<p>A foundational sorting algorithm <a href="#r1">[1]</a> became widely used.</p><h2>References</h2><ol><li><a id="r1"></a>A. Author: <em>The Sorting Algorithm</em>, 1962.</li></ol>',
      markdown: 'A foundational sorting algorithm [^1] became widely used.\n\n## References\n\n[^1]: A. Author: *The Sorting Algorithm*, 1962.',
    },
    {
      name: 'unlinked <sup> numbers and notes under a "Notes" heading (defuddle footnotes--heading-notes)',
      html: '<p>The first observation is notable.<sup>1</sup></p><p>The second finding contradicts it.<sup>2</sup></p><h2>Notes</h2><p><sup>1</sup> First note with supporting detail.</p><p><sup>2</sup> Second note with additional context.</p>',
      markdown: 'The first observation is notable.[^1]\n\nThe second finding contradicts it.[^2]\n\n## Notes\n\n[^1]: First note with supporting detail.\n\n[^2]: Second note with additional context.',
    },
    {
      name: 'a link Readability made absolute, into this same page (defuddle issues--296-oreilly-noteref-footnotes)',
      html: '<p>Very large values can lose precision.<sup><a data-type="noteref" href="https://example.com/ferry#fn1" id="fn1-marker">1</a></sup></p><div data-type="footnotes"><p data-type="footnote" id="fn1"><sup><a href="https://example.com/ferry#fn1-marker">1</a></sup> A minor caveat about widening.</p></div>',
      markdown: 'Very large values can lose precision.[^1]\n\n[^1]: A minor caveat about widening.',
    },
    {
      name: 'citations in brackets to a bibliography on another address of the same paper, numbered in list order (defuddle issues--142-arxiv-multi-citations)',
      html: '<p>As explored in prior work <cite>[<a href="https://arxiv.org/html/1706.03762v7#bib.bib35" class="ltx_ref">35</a>, <a href="https://arxiv.org/html/1706.03762v7#bib.bib2" class="ltx_ref">2</a>]</cite>.</p><h2>References</h2><ul><li id="bib.bib2">[2] Dzmitry Bahdanau. Neural machine translation. 2014.</li><li id="bib.bib35">[35] Ilya Sutskever. Sequence to sequence learning. 2014.</li></ul>',
      markdown: 'As explored in prior work \\[[^2], [^1]\\].\n\n## References\n\n[^1]: Dzmitry Bahdanau. Neural machine translation. 2014.\n\n[^2]: Ilya Sutskever. Sequence to sequence learning. 2014.',
    },
    {
      name: 'a note whose number stands apart from its body in a definition <div> (defuddle footnotes--sidenote-inline-with-list)',
      html: '<p>The ferry first ran in 1921.<sup class="footnote-reference"><a id="footnote-reference-1" href="#footnote-1">1</a></sup> It stopped in 2021.<sup class="footnote-reference"><a id="footnote-reference-2" href="#footnote-2">2</a></sup></p><div class="footnotes"><hr><div class="footnote-definitions"><div class="footnote-definition"><sup id="footnote-1"><a href="#footnote-reference-1">1</a></sup><div class="footnote-body"><p>The council minutes of that year.</p></div></div><div class="footnote-definition"><sup id="footnote-2"><a href="#footnote-reference-2">2</a></sup><div class="footnote-body"><p>After the storm damaged its engine.</p></div></div></div></div>',
      markdown: 'The ferry first ran in 1921.[^1] It stopped in 2021.[^2]\n\n---\n\n[^1]: The council minutes of that year.\n\n[^2]: After the storm damaged its engine.',
    },
    {
      name: 'links around a <sup> to named anchors, notes in one paragraph split by <br>, "↩" to "#" (defuddle footnotes--br-separated-named-anchors)',
      html: '<p>The ferry first ran in 1921.<a href="#one"><sup>1</sup></a> It stopped in 2021.<a href="#two"><sup>2</sup></a></p><hr><p id="footnote"><a name="one"><sup>1</sup></a> The council minutes of that year. <a href="#" onclick="window.history.back(); return false;">↩</a><br><br><a name="two"><sup>2</sup></a> After the storm damaged its engine. <a href="#">↩</a></p>',
      markdown: 'The ferry first ran in 1921.[^1] It stopped in 2021.[^2]\n\n---\n\n[^1]: The council minutes of that year.\n\n[^2]: After the storm damaged its engine.',
    },
  ]);

  it('a link to a section of the article is not a footnote', () => {
    const md = excerptMarkdown('<p>See <a href="#costs">the costs</a> below.</p><h2 id="costs">Costs</h2><p>They rose by a third over the decade before the storm.</p>');
    assert.doesNotMatch(md, /\[\^/u);
  });
});
