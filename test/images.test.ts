/** Before Readability reads the copy: lazy-loaded images get their real address (src/core/images.ts), a <dl> loses its grouping <div>s. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { normalizeContent } from '../src/core/normalize.ts';
import { parseHtml } from '../src/node/index.ts';

const srcs = (html: string) => {
  const doc = parseHtml(`<!doctype html><html><body><article>${html}</article></body></html>`, 'https://www.example.com/a');
  normalizeContent(doc);
  return Array.from(doc.body.getElementsByTagName('img'), (img) => img.getAttribute('src'));
};

describe('lazy images', () => {
  const cases: Array<{ name: string; html: string; src: Array<string | null> }> = [
    {
      name: 'a grey SVG placeholder, the address in a data-* attribute (defuddle elements--svg-placeholder-lazy-image)',
      html: `<img src="data:image/svg+xml,%3Csvg%20xmlns='http://www.w3.org/2000/svg'%20viewBox='0%200%20768%20432'%3E%3C/svg%3E" data-image-loader="https://i.example.com/imagery/reviews/abc123-17.png" data-image-path="reviews/abc123-17.png" alt="File browser">`,
      src: ['https://i.example.com/imagery/reviews/abc123-17.png'],
    },
    {
      name: 'a 1×1 gif in a <picture>: the first <source> (defuddle issues--227-noscript-lazy-images)',
      html: '<figure><picture><source type="image/webp" srcset="/images/hero.webp 2x, /images/hero-small.webp 1x "><img src="data:image/gif;base64,R0lGODlhAQABAPAAAPLy8gAAACH5BAAAAAAALAAAAAABAAEAAAICRAEAOw==" alt="Hero"></picture></figure>',
      src: ['/images/hero.webp'],
    },
    {
      name: 'a lazy wrapper with only a <noscript> image (defuddle issues--227-noscript-lazy-images)',
      html: '<figure><div class="Image-wrapper"><div class="Lazy-root"></div><noscript><img src="/images/gallery-1.jpg" alt="First"></noscript></div></figure>',
      src: ['/images/gallery-1.jpg'],
    },
    { name: 'a real image is left alone', html: '<img src="https://example.com/a.jpg" data-src="https://example.com/b.jpg">', src: ['https://example.com/a.jpg'] },
    { name: 'a placeholder with no address anywhere stays', html: '<img src="data:image/gif;base64,R0lGOD" data-id="7">', src: ['data:image/gif;base64,R0lGOD'] },
    {
      name: 'a <noscript> beside a real image adds nothing',
      html: '<div><img src="https://example.com/a.jpg"><noscript><img src="https://example.com/a.jpg"></noscript></div>',
      src: ['https://example.com/a.jpg', 'https://example.com/a.jpg'],
    },
  ];
  for (const c of cases) it(c.name, () => assert.deepEqual(srcs(c.html), c.src));
});

describe('definition lists grouped in <div>s', () => {
  it('keep every term with its definition (defuddle issues--217-writerside-docs)', () => {
    const group = (term: string, def: string) =>
      `<div class="definition-list__group"><dt><a href="https://developer.example.com/docs/${term}">${term}(data)</a></dt><dd><p>${def}</p></dd></div>`;
    const doc = parseHtml(`<!doctype html><html><body><article><dl>${group('getItems', 'Returns a list of items.')}${group('createItem', 'Creates a new item with the provided data.')}</dl></article></body></html>`);
    normalizeContent(doc);
    const dl = doc.querySelector('dl')!;
    assert.deepEqual(Array.from(dl.children, (el) => el.localName), ['dt', 'dd', 'dt', 'dd']);
    assert.match(dl.textContent ?? '', /createItem\(data\)Creates a new item/u);
  });
});

describe('a <noscript> read as text (the page ran its scripts)', () => {
  it('gives only its image’s src and alt', () => {
    const doc = parseHtml('<!doctype html><html><body><article><figure><div class="Lazy-root"></div><noscript></noscript></figure></article></body></html>');
    const noscript = doc.querySelector('noscript')!;
    noscript.textContent = '<img src="/images/gallery-1.jpg?w=1&amp;h=2" alt="First" onerror="alert(1)">';
    normalizeContent(doc);
    const img = doc.querySelector('figure img');
    assert.equal(img?.getAttribute('src'), '/images/gallery-1.jpg?w=1&h=2');
    assert.equal(img?.getAttribute('alt'), 'First');
    assert.equal(img?.hasAttribute('onerror'), false);
    assert.equal(doc.querySelector('noscript'), null);
  });
});
