/** Words are counted as a reader counts them, in every script: rules, the no-article floor and reading time share it. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { wordCount, words } from '../src/core/text.ts';
import { readingMinutes } from '../src/reader/format.ts';

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

  it('words() lower-cases and cuts CJK the same way', () => {
    assert.deepEqual(words('Apple 发布了新产品'), ['apple', '发布', '了', '新', '产品']);
  });

  it('a Chinese article of 2,000 characters reads in minutes, not as one', () => {
    const paragraph = '苹果公司今天在加利福尼亚州库比蒂诺举行发布会，推出了新一代智能手机和多款配件产品。';
    const blocks = Array.from({ length: 50 }, (_, i) => ({ id: `b${i}`, kind: 'paragraph' as const, text: paragraph }));
    assert.ok(readingMinutes(blocks) >= 3, `${readingMinutes(blocks)} minutes`);
  });
});
