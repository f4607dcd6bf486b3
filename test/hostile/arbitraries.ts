/**
 * Random pages for the property tests: tag soup (any element, hostile attributes, broken markup) and
 * article-like pages (paragraphs, headings, lists, with the duplicates, teasers and boilerplate the rules
 * look for), so that the properties exercise both the parser's corners and the rules.
 */
import fc from 'fast-check';

const TAGS = [
  'p', 'div', 'span', 'a', 'img', 'b', 'i', 'em', 'strong', 'br', 'h1', 'h2', 'h3', 'ul', 'ol', 'li', 'blockquote',
  'pre', 'code', 'table', 'tr', 'td', 'th', 'figure', 'figcaption', 'article', 'section', 'aside', 'header', 'footer',
  'nav', 'main', 'script', 'style', 'svg', 'math', 'mtext', 'mglyph', 'foreignObject', 'template', 'noscript',
  'iframe', 'form', 'input', 'button', 'select', 'option', 'textarea', 'xmp', 'title', 'body', 'html', 'head',
  'frameset', 'object', 'embed', 'video', 'source', 'picture', 'details', 'summary', 'dialog', 'base', 'meta', 'link',
];

const ATTRIBUTES: fc.Arbitrary<string> = fc.oneof(
  fc.constantFrom(
    'href="javascript:__xss(1)"', 'src=x', 'onerror=__xss(2)', 'onclick="__xss(3)"', 'style="background:url(https://evil.example/s)"',
    'class="related teaser"', 'id="getElementById"', 'name="cookie"', 'hidden', 'aria-hidden="true"', 'role="navigation"',
    'title="</noscript><img src=x onerror=__xss(4)>"', 'srcdoc="<script>__xss(5)</script>"', 'data-x=1', 'lang="fr"',
    'shadowrootmode="open"', 'href="https://news.example/a"', 'src="data:image/png;base64,AAAA"', 'xlink:href="javascript:__xss(6)"',
    'type="application/ld+json"', 'http-equiv="refresh" content="0;url=javascript:__xss(7)"', 'colspan="0"', 'dir="rtl"',
  ),
  fc.tuple(fc.stringMatching(/^[a-z][a-z-]{0,8}$/u), fc.string({ maxLength: 12 })).map(([n, v]) => `${n}="${v.replace(/"/gu, '&quot;')}"`),
);

const WORDS = 'the council harbour budget vote ferry sea wall money residents mayor engineers years plan night debate town'.split(' ');
const word = fc.constantFrom(...WORDS);
const sentence = fc.array(word, { minLength: 4, maxLength: 18 }).map((w) => {
  const s = w.join(' ');
  return `${s[0]!.toUpperCase()}${s.slice(1)}.`;
});

const TEXT: fc.Arbitrary<string> = fc.oneof(
  { weight: 3, arbitrary: sentence },
  { weight: 1, arbitrary: fc.string({ maxLength: 30, unit: 'binary' }) },
  { weight: 1, arbitrary: fc.constantFrom('&amp;', '&lt;', '<', '>', '&', '<!--', '-->', ']]>', '<![CDATA[', '\u0000', '\uFFFD', '\u202E', '&#0;', '&#x110000;', '</p>', '</div></div>', '<p', '"', "'") },
);

const node: fc.Memo<string> = fc.memo((depth) =>
  depth <= 1
    ? TEXT
    : fc.oneof(
        { weight: 2, arbitrary: TEXT },
        {
          weight: 3,
          arbitrary: fc
            .tuple(fc.constantFrom(...TAGS), fc.array(ATTRIBUTES, { maxLength: 3 }), fc.array(node(depth - 1), { maxLength: 4 }), fc.boolean())
            .map(([tag, attrs, children, close]) => `<${tag}${attrs.map((a) => ` ${a}`).join('')}>${children.join('')}${close ? `</${tag}>` : ''}`),
        },
      ),
);

/** Tag soup: random elements and attributes, some unclosed, sometimes cut off mid-tag. */
export const tagSoup: fc.Arbitrary<string> = fc
  .tuple(fc.array(node(4), { minLength: 1, maxLength: 6 }), fc.option(fc.nat(), { nil: undefined }))
  .map(([parts, cut]) => {
    const html = `<!doctype html><html><head><title>Random page</title></head><body>${parts.join('\n')}</body></html>`;
    return cut === undefined ? html : html.slice(0, cut % (html.length + 1));
  });

/** Any text at all, for cleanText: binary strings, lines, list markers, blank lines. */
export const anyText: fc.Arbitrary<string> = fc.oneof(
  fc.string({ unit: 'binary', maxLength: 400 }),
  fc.array(fc.oneof(sentence, fc.constantFrom('', '- ', '1. ', '• item', '   ', '\r', '\t', '…', 'Read more'), TEXT), { maxLength: 30 }).map((l) => l.join('\n')),
);

const paragraph = fc.array(sentence, { minLength: 1, maxLength: 5 }).map((s) => s.join(' '));

/**
 * An article-like page: a title, paragraphs, headings and lists, plus the things the rules remove (an exact
 * repeat, a truncated teaser of a later paragraph, a "Read more" card, a share prompt, a related list).
 */
export const articleLike: fc.Arbitrary<{ title: string; html: string }> = fc
  .record({
    // Title words the paragraphs never use: a paragraph equal to the title would be a repeated title.
    title: fc.array(fc.constantFrom('Harbour', 'Vote', 'Ends', 'Late', 'After', 'Budget', 'Storm', 'Row'), { minLength: 3, maxLength: 7 }).map((w) => w.join(' ')),
    paragraphs: fc.array(paragraph, { minLength: 3, maxLength: 12 }),
    headings: fc.array(fc.tuple(fc.nat(), fc.array(word, { minLength: 2, maxLength: 6 })), { maxLength: 3 }),
    list: fc.option(fc.array(sentence, { minLength: 2, maxLength: 5 }), { nil: undefined }),
    repeat: fc.option(fc.nat(), { nil: undefined }),
    teaser: fc.option(fc.nat(), { nil: undefined }),
    extras: fc.subarray(['<p>Share this article on social media</p>', '<p>Read more: Harbour plan explained</p>', '<ul class="related"><li><a href="/a">Related: ferry</a></li><li><a href="/b">Related: wall</a></li></ul>', '<figure><img src="https://news.example/p.jpg" alt="The harbour"><figcaption>The harbour at dawn.</figcaption></figure>']),
  })
  .map(({ title, paragraphs, headings, list, repeat, teaser, extras }) => {
    const blocks = paragraphs.map((p) => `<p>${p}</p>`);
    for (const [at, words] of headings) blocks.splice(at % (blocks.length + 1), 0, `<h2>${words.join(' ')}</h2>`);
    if (list) blocks.splice(1, 0, `<ul>${list.map((s) => `<li>${s}</li>`).join('')}</ul>`);
    if (repeat !== undefined) blocks.push(`<p>${paragraphs[repeat % paragraphs.length]}</p>`);
    if (teaser !== undefined) {
      const p = paragraphs[teaser % paragraphs.length]!;
      blocks.splice(0, 0, `<p>${p.slice(0, Math.max(20, Math.floor(p.length / 2)))}…</p>`);
    }
    blocks.push(...extras);
    return { title, html: page(title, blocks.join('\n')) };
  });

/** A page around `body`; with `heading`, the title is repeated as the article's <h1>, as news sites do. */
export function page(title: string, body: string, heading = true): string {
  const esc = title.replace(/&/gu, '&amp;').replace(/</gu, '&lt;');
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${esc}</title></head><body><article>${heading ? `<h1>${esc}</h1>` : ''}\n${body}\n</article></body></html>`;
}
