/** Whole pages against their golden output; on a difference, names the first block that differs. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { type GoldenResult, goldenPages, runGolden } from './golden.ts';

function firstDifference(actual: readonly unknown[], expected: readonly unknown[]): string {
  const n = Math.max(actual.length, expected.length);
  for (let i = 0; i < n; i++) {
    if (JSON.stringify(actual[i]) !== JSON.stringify(expected[i])) {
      return `at ${i}:\n  got      ${JSON.stringify(actual[i])}\n  expected ${JSON.stringify(expected[i])}`;
    }
  }
  return 'none';
}

for (const page of goldenPages()) {
  test(`golden page ${page.slug}`, () => {
    const expected = JSON.parse(readFileSync(path.join(page.dir, 'expected.json'), 'utf8')) as GoldenResult;
    const { result, markdown } = runGolden(page);
    assert.ok(expected.blocks, `${page.slug} has no expected output yet: run npm run fixtures`);
    assert.deepEqual(result.blocks, expected.blocks, `kept blocks differ ${firstDifference(result.blocks, expected.blocks)}`);
    assert.deepEqual(result.removed, expected.removed, `removals differ ${firstDifference(result.removed, expected.removed)}`);
    assert.deepEqual(result, expected);
    assert.equal(markdown, readFileSync(path.join(page.dir, 'expected.md'), 'utf8'));
  });
}
