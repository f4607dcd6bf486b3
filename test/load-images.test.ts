/**
 * "Load images" off (src/reader/images.ts): every piece of article HTML loses what would fetch, before a view
 * builds it. A table: the markup, what must be gone, what must stay, and why the row exists.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { JSDOM } from 'jsdom';
import { htmlWithoutImages } from '../src/reader/images.ts';

const { DOMParser } = new JSDOM('').window;
const strip = (html: string) => htmlWithoutImages(html, new DOMParser());

const cases: { title: string; html: string; gone: RegExp[]; kept: RegExp[] }[] = [
  {
    title: 'an image with alt text becomes that text, announced as an image',
    html: '<figure><img src="https://cdn.example/a.jpg" alt="The harbour at dawn"><figcaption>Dawn.</figcaption></figure>',
    gone: [/<img/, /cdn\.example/],
    kept: [/<span role="img" aria-label="The harbour at dawn">The harbour at dawn<\/span>/, /<figcaption>Dawn\.<\/figcaption>/],
  },
  { title: 'an image without alt text goes: nothing to say about it', html: '<p>Text<img src="/x.png"></p>', gone: [/<img/, /x\.png/, /role="img"/], kept: [/<p>Text<\/p>/] },
  {
    title: 'a <picture> with <source srcset> fetches through its sources too',
    html: '<picture><source srcset="/a.webp 1x, /b.webp 2x"><img src="/a.jpg" alt="A"></picture>',
    gone: [/srcset/, /webp/, /a\.jpg/, /<source/],
    kept: [/role="img"/],
  },
  { title: 'video, audio and their posters and tracks', html: '<video src="/v.mp4" poster="/p.jpg"><track src="/t.vtt"></video><audio src="/a.mp3"></audio><p>After</p>', gone: [/mp4/, /p\.jpg/, /vtt/, /mp3/, /<video/, /<audio/], kept: [/<p>After<\/p>/] },
  { title: 'SVG <image href> and <use href> fetch; links do not', html: '<svg><image href="/i.png"></image><use href="/s.svg#x"></use></svg><a href="https://example.com/story">story</a>', gone: [/i\.png/, /s\.svg/], kept: [/<a href="https:\/\/example\.com\/story">story<\/a>/] },
  { title: 'legacy fetching attributes on any element', html: '<table background="/bg.gif"><tbody><tr><td>Cell</td></tr></tbody></table>', gone: [/bg\.gif/], kept: [/<td>Cell<\/td>/] },
];

describe('load images off: the article HTML without anything that fetches', () => {
  for (const { title, html, gone, kept } of cases) {
    it(title, () => {
      const out = strip(html);
      for (const pattern of gone) assert.doesNotMatch(out, pattern);
      for (const pattern of kept) assert.match(out, pattern);
    });
  }
});
