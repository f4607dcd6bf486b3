/** Words are counted as a reader counts them, in every script: rules, the no-article floor and reading time share it. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { squash, squashedLength, wordCount, words } from '../src/core/text.ts';
import { readingMinutes } from '../src/reader/format.ts';
import { cleanHtml, ReadOnceError } from '../src/node/index.ts';

describe('wordCount', () => {
  const cases: Array<{ name: string; text: string; count: number }> = [
    { name: 'space-separated text: runs of letters and digits', text: 'The ferry ran in 1921 — twice a day.', count: 8 },
    { name: 'apostrophes and hyphens split, as the duplicate rules always compared', text: "don't re-run", count: 4 },
    // readability qq: a Chinese news page was "no article" when each sentence counted as one word.
    { name: 'Chinese, without spaces (readability qq)', text: '腾讯科技讯 10月14日消息，据外媒报道，苹果公司今天发布了新产品。', count: 20 },
    { name: 'Japanese mixes kanji and kana', text: '東京都は今日、新しい計画を発表しました。', count: 10 },
    { name: 'Thai', text: 'วันนี้อากาศดีมาก', count: 5 },
    { name: 'Latin words beside CJK keep their form', text: 'iPhone 15 发布会', count: 4 },
  ];
  for (const c of cases) it(c.name, () => assert.equal(wordCount(c.text), c.count));

  it('splits Latin text with its typography as Unicode letters, digits and marks do, character by character', () => {
    // Latin text takes a faster path than the Unicode classes: the two must agree on every character it covers.
    const UNICODE_WORD = /[\p{L}\p{N}\p{M}_]+/gu;
    const covered = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => String.fromCharCode(from + i));
    const differ = [...covered(0, 0x24f), ...covered(0x2010, 0x2027), ...covered(0x202f, 0x205e)].filter((ch) => {
      const text = `Ab${ch}cd 9${ch}`;
      return wordCount(text) !== (text.match(UNICODE_WORD) ?? []).length;
    });
    assert.deepEqual(differ, []);
    assert.equal(wordCount('Ṁ̇ixed Ελληνικά word'), 3, 'beyond Latin the Unicode classes read the text');
  });

  it('words() lower-cases and cuts CJK the same way', () => {
    assert.deepEqual(words('Apple 发布了新产品'), ['apple', '发布', '了', '新', '产品']);
  });

  it('a Chinese article of 2,000 characters reads in minutes, not as one', () => {
    const paragraph = '苹果公司今天在加利福尼亚州库比蒂诺举行发布会，推出了新一代智能手机和多款配件产品。';
    const blocks = Array.from({ length: 50 }, (_, i) => ({ id: `b${i}`, kind: 'paragraph' as const, text: paragraph }));
    assert.ok(readingMinutes(blocks) >= 3, `${readingMinutes(blocks)} minutes`);
  });
});

describe('the no-article floor', () => {
  const page = (body: string) => `<!doctype html><html><head><title>Note</title></head><body><article>${body}</article></body></html>`;
  const cases: Array<{ name: string; body: string; article: boolean }> = [
    { name: 'a note of two sentences (defuddle general--substack-note)', body: '<p>Sample note text for testing the Substack extractor.</p><p>It has multiple paragraphs to verify the content is captured correctly.</p>', article: true },
    { name: 'a post of one sentence under a heading (defuddle issues--161-x-status-url-author)', body: '<p>Lorem Ipsum Dolor Sit Amet</p><div><p>Lorem ipsum dolor sit amet, consectetur adipiscing elit.</p></div>', article: true },
    { name: 'a sign-in form', body: '<label>Email</label><input><label>Password</label><input><p>Forgot your password? Reset it here.</p>', article: false },
    { name: 'a loading shell', body: '<div><p>Please wait while the page is loading.</p></div>', article: false },
    {
      name: 'a gallery of figures under a line of text (defuddle custom-elements--swiper-carousel)',
      body: '<p>Some introductory text about the topic.</p><div><span>Gallery</span><swiper-container><swiper-slide><figure><img src="https://example.com/a.jpg"></figure></swiper-slide><swiper-slide><figure><img src="https://example.com/b.png"></figure></swiper-slide><swiper-slide><figure><img src="https://example.com/c.jpg"></figure></swiper-slide></swiper-container></div><p>Text after the carousel.</p>',
      article: true,
    },
    {
      name: 'a sign-in form with its providers\' logos in links',
      body: '<p>Forgot your password? Reset it here.</p><a href="/g"><figure><img src="g.png"></figure></a><a href="/a"><figure><img src="a.png"></figure></a><a href="/f"><figure><img src="f.png"></figure></a>',
      article: false,
    },
  ];
  for (const c of cases) {
    it(c.name, () => {
      let found = true;
      try {
        cleanHtml(page(c.body), { url: 'https://example.com/note' });
      } catch (e) {
        if (!(e instanceof ReadOnceError) || e.code !== 'no-article') throw e;
        found = false;
      }
      assert.equal(found, c.article);
    });
  }
});

describe('squashedLength', () => {
  it('is the length of squash() for every kind of white space /\\s/ knows, and for none', () => {
    const spaces = Array.from({ length: 0x10000 }, (_, c) => String.fromCharCode(c)).filter((ch) => /\s/u.test(ch));
    assert.equal(spaces.length, 25, 'the white space of JavaScript regular expressions');
    const texts = ['', ' ', 'a', '  a  b  ', '\n\tx\u00a0\u00a0y\u3000', ...spaces.map((s) => `${s}a${s}${s}b${s}`), `x${spaces.join('')}y`, 'a\u200bb'];
    for (const text of texts) assert.equal(squashedLength(text), squash(text).length, JSON.stringify(text));
  });
});
