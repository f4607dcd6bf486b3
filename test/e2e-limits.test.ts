/**
 * Every e2e test has a time limit of its own (issue 18: one test once held the suite 11 minutes, and node:test's
 * --test-timeout bounds a whole file, not a test). Each `it(` in e2e/*.test.ts must pass TEST_LIMIT or an
 * explicit { timeout } as its options.
 */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { it } from 'node:test';

const E2E = new URL('../e2e/', import.meta.url);

it('every e2e test passes a time limit', () => {
  const missing: string[] = [];
  let tests = 0;
  for (const file of readdirSync(E2E).filter((name) => name.endsWith('.test.ts'))) {
    const lines = readFileSync(new URL(file, E2E), 'utf8').split('\n');
    lines.forEach((line, i) => {
      // it('title', …), it("title", …), it(`title`, …), it(title, …): the options come right after the title.
      const call = /^\s*it\((?:'(?:[^'\\]|\\.)*'|"(?:[^"\\]|\\.)*"|`[^`]*`|\w+), (.*)$/u.exec(line);
      if (!call) return;
      tests++;
      if (!/^(?:TEST_LIMIT|\{[^}]*\btimeout: )/u.test(call[1]!)) missing.push(`e2e/${file}:${i + 1}`);
    });
  }
  assert.ok(tests > 50, `found ${tests} e2e tests`);
  assert.deepEqual(missing, []);
});
