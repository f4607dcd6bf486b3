/**
 * The one sanitizer (src/core/sanitize.ts), as a table: each payload, what comes out, and why the case is here.
 * Every expected output is also a fixed point (sanitising it again changes nothing), and in place (the engine)
 * gives the same markup as from a string (the views). Then the XSS vectors, sanitised directly as a view would
 * if a result came from anywhere but the engine.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { JSDOM, VirtualConsole } from 'jsdom';
import createDOMPurify from 'dompurify';
import { SANITIZE_CONFIG, blockSelector, sanitizeHtml, sanitizeInPlace, sanitizeToFragment } from '../src/core/sanitize.ts';
import { executions, hazards } from './hostile/inert.ts';
import { XSS_VECTORS, engineMarker } from './hostile/xss-vectors.ts';

const win = new JSDOM('<!doctype html><body></body>', { virtualConsole: new VirtualConsole() }).window as unknown as Window;

interface Case {
  title: string;
  payload: string;
  expected: string;
  why: string;
}

const CASES: Case[] = [
  // Shadow-DOM and custom-element hooks
  { title: 'part and exportparts', payload: '<p part="x" exportparts="a:b">a</p>', expected: '<p>a</p>', why: '::part(x) from the page styled the old overlay: the page covered the reader with its own text' },
  { title: 'slot attribute and element', payload: '<p slot="s">a</p><slot name="x">b</slot>', expected: '<p>a</p>b', why: 'slots place light-DOM content into a shadow tree the page may own; the text of the slot stays' },
  { title: 'popover', payload: '<div popover="auto">a</div>', expected: '<div>a</div>', why: 'a popover is hidden until shown, then drawn in the top layer above the reader' },
  { title: 'is="" customised built-in', payload: '<p is="x-foo">a</p>', expected: '<p>a</p>', why: 'a page that defines x-foo upgrades the element inside the reader; the paragraph and its text stay' },
  // Keyboard and focus
  { title: 'tabindex, accesskey, autofocus', payload: '<p tabindex="0" accesskey="k" autofocus="">a</p>', expected: '<p>a</p>', why: "the reader's Tab order and keys belong to the reader, not to the page" },
  { title: 'popover and command invokers', payload: '<a href="/x" popovertarget="d" command="show-modal" commandfor="d">b</a>', expected: '<a href="/x" rel="noopener noreferrer">b</a>', why: 'invoker attributes open dialogs and popovers from a click on the article' },
  { title: 'inert, contenteditable, draggable', payload: '<p inert="" contenteditable="" draggable="true">a</p>', expected: '<p>a</p>', why: 'inert hides text from screen readers; contenteditable makes the article a text field' },
  // data-*
  { title: "a page's data attributes", payload: '<p data-x="1" data-src="https://evil.example/a.png">a</p>', expected: '<p>a</p>', why: 'data-* is the page\'s scripting state; lazy-loader URLs in it are unchecked' },
  { title: 'the block id', payload: '<p data-ro-block="b3">a</p>', expected: '<p data-ro-block="b3">a</p>', why: 'the one data attribute: views find blocks by it' },
  { title: 'a block id of another shape', payload: '<p data-ro-block="b3&quot;],a">a</p><p data-ro-block="">b</p>', expected: '<p>a</p><p>b</p>', why: 'only "b" + digits: a view builds a selector from it' },
  // URLs
  { title: 'javascript:, vbscript: and data: links', payload: '<a href="javascript:alert(1)">a</a><a href="vbscript:x">b</a><a href="data:text/html,x">c</a>', expected: '<a>a</a><a>b</a><a>c</a>', why: 'script URLs run in the reader\'s origin when clicked' },
  { title: 'other schemes', payload: '<a href="ftp://x.example/">a</a><a href="tel:123">b</a><a href="blob:https://x.example/1">c</a><a href="file:///etc/passwd">d</a>', expected: '<a>a</a><a>b</a><a>c</a><a>d</a>', why: 'only http(s), mailto and relative URLs: the others open apps or local files' },
  {
    title: 'http(s), mailto and relative links',
    payload: '<a href="https://x.example/">a</a><a href="http://x.example/">b</a><a href="mailto:a@x.example">c</a><a href="/p">d</a><a href="#fn1">e</a><a href="page.html">f</a><a href="?q=1">g</a>',
    expected:
      '<a href="https://x.example/" rel="noopener noreferrer">a</a><a href="http://x.example/" rel="noopener noreferrer">b</a><a href="mailto:a@x.example" rel="noopener noreferrer">c</a>' +
      '<a href="/p" rel="noopener noreferrer">d</a><a href="#fn1" rel="noopener noreferrer">e</a><a href="page.html" rel="noopener noreferrer">f</a><a href="?q=1" rel="noopener noreferrer">g</a>',
    why: 'what articles link to; a link opens with no referrer and no opener',
  },
  { title: "a page's rel", payload: '<a href="https://x.example/" rel="opener">a</a>', expected: '<a href="https://x.example/" rel="noopener noreferrer">a</a>', why: 'rel=opener would hand the reader\'s window to the page it opens' },
  { title: 'ping and download', payload: '<a href="https://x.example" ping="https://evil.example/p" download="">x</a>', expected: '<a href="https://x.example" rel="noopener noreferrer">x</a>', why: 'ping reports the click elsewhere; download saves instead of opening' },
  // Images and media
  {
    title: 'an image',
    payload: '<img src="https://x.example/a.png" alt="A">',
    expected: '<img src="https://x.example/a.png" alt="A" referrerpolicy="no-referrer" loading="lazy">',
    why: 'the image host learns nothing of the page being read, and images load as the reader scrolls',
  },
  {
    title: "an image's srcset, sizes and referrer policy",
    payload: '<img src="https://x.example/a.png" srcset="https://evil.example/b.png 2x" sizes="100vw" referrerpolicy="unsafe-url" crossorigin="use-credentials" alt="A">',
    expected: '<img src="https://x.example/a.png" alt="A" referrerpolicy="no-referrer" loading="lazy">',
    why: 'srcset picks URLs the reader never sees; the page may not loosen the referrer policy or send credentials',
  },
  { title: 'a data: image', payload: '<img src="data:image/png;base64,iVBORw0KGgo=" alt="">', expected: '<img src="data:image/png;base64,iVBORw0KGgo=" alt="" referrerpolicy="no-referrer" loading="lazy">', why: 'an inline picture (charts, placeholders) loads nothing from the network' },
  { title: 'autoplay and preload', payload: '<video src="https://x.example/v.mp4" autoplay="" preload="auto" controls=""></video>', expected: '<video src="https://x.example/v.mp4" controls=""></video>', why: 'media plays and loads when the reader asks, not on open' },
  { title: 'background and colours', payload: '<table background="https://evil.example/bg.png" bgcolor="red"><tbody><tr><td>a</td></tr></tbody></table>', expected: '<table><tbody><tr><td>a</td></tr></tbody></table>', why: 'background fetches an image; colours are styling' },
  // Forms, frames, dialogs, styles
  { title: 'a form', payload: '<form action="https://evil.example"><input name="q"><select><option>o</option></select><button>Go</button></form>', expected: 'oGo', why: 'nothing to submit or type into in an article; the option\'s and button\'s text stay as text' },
  { title: 'frames and dialogs', payload: '<iframe src="https://x.example"></iframe><dialog open="">hi</dialog>', expected: 'hi', why: 'another document inside the reader; a modal above it' },
  { title: 'style element and attribute', payload: '<style>p{color:red}</style><p style="color:red">a</p>', expected: '<p>a</p>', why: 'the reader styles the article; CSS can also fetch (url()) and hide text' },
  { title: 'a template', payload: '<template><p>x</p></template>', expected: '', why: 'markup kept inert for a script to stamp out later' },
  // Classes
  { title: "the page's classes", payload: '<p class="lead hidden">a</p>', expected: '<p>a</p>', why: "the page's class names mean nothing to the reader's CSS, or something unintended" },
  {
    title: 'the language of code',
    payload: '<pre class="language-py x"><code class="language-js hljs">b</code></pre><p class="language-js">c</p>',
    expected: '<pre class="language-py"><code class="language-js">b</code></pre><p>c</p>',
    why: 'language-* names the Markdown fence\'s language; only on code and pre',
  },
  // Ids
  { title: 'ids, and a clobbering id', payload: '<p id="fn1">a</p><p id="location">b</p>', expected: '<p id="fn1">a</p><p>b</p>', why: 'footnote links need their targets; an id named like a document property shadows it' },
  // Math and SVG
  { title: 'MathML', payload: '<math display="block"><mi>x</mi><mo>=</mo><mfrac><mn>1</mn><mn>2</mn></mfrac></math>', expected: '<math display="block"><mi>x</mi><mo>=</mo><mfrac><mn>1</mn><mn>2</mn></mfrac></math>', why: 'formulas are content; MathML renders them in both browsers' },
  { title: 'an SVG link to script', payload: '<svg><a href="javascript:alert(1)"><text>x</text></a></svg>', expected: '<svg><a><text>x</text></a></svg>', why: 'SVG links take the same URL check as HTML ones' },
  {
    title: 'MathML and SVG names outside math and svg',
    payload: '<p>The formula <mtext>E equals m c<sup>2</sup></mtext> and the <text>label</text> <mi>x</mi> <foreignobject>y</foreignobject> <annotation-xml>z</annotation-xml>.</p>',
    expected: '<p>The formula E equals m c<sup>2</sup> and the label x y z.</p>',
    why: 'the parser makes them HTML elements, which DOMPurify dropped with their text while the blocks kept it',
  },
  {
    title: 'what an unwrapped MathML or SVG name held is sanitised',
    payload: '<p>a<tspan><img src="x" onerror="alert(1)"><mtext><a href="javascript:alert(1)">b</a></mtext><script>alert(1)</script></tspan>c</p>',
    expected: '<p>a<img src="x" referrerpolicy="no-referrer" loading="lazy"><a>b</a>c</p>',
    why: 'the children move out before DOMPurify reaches them, and it still checks each one',
  },
  {
    title: 'real MathML and SVG keep those names',
    payload: '<math><mrow><mi>x</mi><mtext>if</mtext></mrow></math><svg><text>s</text><tspan>t</tspan></svg>',
    expected: '<math><mrow><mi>x</mi><mtext>if</mtext></mrow></math><svg><text>s</text><tspan>t</tspan></svg>',
    why: 'only an HTML element with such a name is unwrapped; in its own namespace it is math or a drawing',
  },
];

describe('the one sanitizer, case by case', () => {
  for (const c of CASES) {
    it(`${c.title} (${c.why})`, () => {
      assert.equal(sanitizeHtml(win, c.payload), c.expected);
      assert.equal(sanitizeHtml(win, c.expected), c.expected, 'not a fixed point');
      const box = win.document.createElement('div');
      box.append(sanitizeToFragment(win.document, c.payload));
      const inPlace = box.cloneNode(true) as HTMLElement;
      sanitizeInPlace(win, inPlace);
      assert.equal(inPlace.innerHTML, c.expected, 'in place differs from a string');
    });
  }

  it('the cases differ from their payloads: each one tests something', () => {
    const unchanged = CASES.filter((c) => c.payload === c.expected).map((c) => c.title);
    assert.deepEqual(unchanged, ['the block id', 'MathML', 'real MathML and SVG keep those names']);
  });

  it('keeps leading and trailing white space, as the engine\'s html has it', () => {
    assert.equal(sanitizeHtml(win, '  <p>x</p>\n'), '  <p>x</p>\n');
  });

  it('takes tens of thousands of top-level nodes as a string (a long scraped text is one <p> per line)', () => {
    // Moved with append(...nodes), 70,000 nodes overflowed the call stack, and 40,000 took 81 s in jsdom.
    const html = 'x<br>'.repeat(35_000);
    assert.ok(sanitizeHtml(win, html) === html);
  });

  it('builds a selector only for a block id', () => {
    assert.equal(blockSelector('b12'), '[data-ro-block="b12"]');
    assert.equal(blockSelector('b1"],*'), null);
    assert.equal(blockSelector(''), null);
  });
});

describe('HTML elements with MathML and SVG names, against DOMPurify itself', () => {
  // DOMPurify with the same config and no hooks, and the names it allows (the hook sees its allowlist).
  const plain = createDOMPurify(win as unknown as Parameters<typeof createDOMPurify>[0]);
  plain.setConfig({ ...SANITIZE_CONFIG, IN_PLACE: true });
  let allowed: string[] = [];
  plain.addHook('uponSanitizeElement', (_node, event) => {
    allowed = Object.keys(event.allowedTags).filter((name) => event.allowedTags[name] && !name.startsWith('#'));
  });
  /** "a<name>b</name>c" in a div, the element made in the HTML namespace as the parser or a page's script makes it. */
  const probe = (name: string, sanitize: (el: HTMLElement) => void) => {
    const box = win.document.createElement('div');
    box.append('a', win.document.createElementNS('http://www.w3.org/1999/xhtml', name), 'c');
    box.children[0]!.append('b');
    sanitize(box);
    return box.innerHTML;
  };
  probe('p', (el) => plain.sanitize(el));

  it('every name DOMPurify allows keeps its text as an HTML element, but those it forbids with their content and void elements', () => {
    assert.ok(allowed.length > 200, `DOMPurify's allowlist was not read: ${allowed.length} names`);
    const lost = allowed.filter((name) => !probe(name, (el) => sanitizeInPlace(win, el)).includes('b')).sort();
    // style and template: FORBID_TAGS with their content; input: forbidden and void; the rest are void
    // elements, which no parser gives children.
    assert.deepEqual(lost, ['area', 'br', 'col', 'hr', 'img', 'input', 'source', 'style', 'template', 'track', 'wbr']);
  });

  it('the sanitizer differs from DOMPurify only where DOMPurify loses the text, and there only by unwrapping', () => {
    const differs = allowed.filter((name) => probe(name, (el) => sanitizeInPlace(win, el)) !== probe(name, (el) => plain.sanitize(el)));
    assert.ok(differs.includes('mtext') && differs.includes('text') && differs.includes('fegaussianblur'), differs.join(' '));
    for (const name of differs) {
      assert.equal(probe(name, (el) => plain.sanitize(el)), 'ac', `${name}: DOMPurify keeps it`);
      assert.equal(probe(name, (el) => sanitizeInPlace(win, el)), 'abc', `${name}: not unwrapped`);
    }
  });
});

describe('XSS vectors sanitised directly, as a view sanitises what it is given', () => {
  XSS_VECTORS.forEach((vector, i) => {
    it(`${i}: ${vector.title}`, async () => {
      const m = engineMarker(i);
      const html = sanitizeHtml(win, `<p>Before.</p>${vector.payload(m)}<p>After.</p>`);
      assert.deepEqual(hazards(html, [m.url, 'evil.example']), []);
      assert.deepEqual(await executions(html), []);
      assert.match(html, /After\./u);
    });
  });
});
