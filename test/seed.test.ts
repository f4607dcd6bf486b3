/**
 * The page that started ReadOnce, in its three forms: scraped text, HTML with the cruft around the article,
 * HTML with the cruft pasted inside the post. Each must give exactly the blocks a person marked as the article.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { type CleanResult, cleanHtml, cleanText } from '../src/node/index.ts';

const dir = path.join(import.meta.dirname, 'fixtures', 'seed');
const read = (name: string) => readFileSync(path.join(dir, name), 'utf8');
const expected = JSON.parse(read('expected.json')) as { title: string; blocks: string[]; removed: string[] };

const inputs: Record<string, () => CleanResult> = {
  'page.txt': () => cleanText(read('page.txt')),
  'page.html': () => cleanHtml(read('page.html'), { url: 'https://worlddailywire.example/world/xi-moscow/' }),
  'page-inline.html': () => cleanHtml(read('page-inline.html'), { url: 'https://worlddailywire.example/world/xi-moscow/' }),
};

for (const [name, clean] of Object.entries(inputs)) {
  describe(`seed ${name}`, () => {
    const result = clean();
    const kept = result.blocks.map((b) => b.text);

    test('keeps exactly the expected blocks, in order', () => {
      assert.deepEqual(kept, expected.blocks);
    });

    test('finds the headline, and keeps it out of the blocks', () => {
      assert.equal(result.title, expected.title);
    });

    test('none of the removed texts survive', () => {
      // "1. Amidst…" in the expected file is the numbered line; the list item's text has no number.
      const survivors = expected.removed.filter((r) => kept.some((k) => k === r || k === r.replace(/^\d+\.\s+/u, '')));
      assert.deepEqual(survivors, []);
    });

    test('every removal says which rule removed it', () => {
      for (const r of result.removed) {
        assert.match(r.reason, /^[a-z-]+$/u);
        assert.ok(r.explanation.length > 0);
        assert.ok(r.after === null || result.blocks.some((b) => b.id === r.after));
      }
    });
  });
}

test('the restating key-points list of the text seed is removed as a summary', () => {
  const result = inputs['page.txt']!();
  const summaries = result.removed.filter((r) => r.reason === 'restating-summary' && r.kind === 'list-item');
  assert.equal(summaries.length, 7);
});
