/**
 * src/content/ask-snapshot.js is plain JavaScript injected after content.js (its last expression is what
 * scripting.executeScript answers), so it names the content script's handler key itself: it must be the key
 * content.js puts its handler under.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';
import { CONTENT_HANDLER_KEY } from '../src/platform/content-handler-key.ts';

it('ask-snapshot.js asks the handler under CONTENT_HANDLER_KEY for the snapshot, as its last expression', () => {
  const code = readFileSync(new URL('../src/content/ask-snapshot.js', import.meta.url), 'utf8')
    .split('\n')
    .filter((line) => !line.startsWith('//') && line.trim() !== '');
  assert.deepEqual(code, [`globalThis[Symbol.for('${CONTENT_HANDLER_KEY}')]({ type: 'snapshot' });`]);
});
