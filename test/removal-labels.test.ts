/**
 * The removed list and "Removed: …" speak the reader's language (src/reader/removal-labels.ts): every rule that
 * removed something on the golden pages has a localised name, and every explanation the engine gave there is one
 * the table knows (a fixed one, or one quoting the page). A new rule or a reworded explanation in src/core fails
 * here until it has its locale keys, instead of showing English in a German reader mode.
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { before, describe, it } from 'node:test';
import { goldenPages } from './golden.ts';
import { importViews } from './views.ts';

let labels: typeof import('../src/reader/removal-labels.ts');
before(async () => {
  await importViews();
  labels = await import('../src/reader/removal-labels.ts');
});

interface Expected {
  removed: { reason: string; explanation: string }[];
}

const removals = goldenPages().flatMap((page) => (JSON.parse(readFileSync(path.join(page.dir, 'expected.json'), 'utf8')) as Expected).removed);
const en = JSON.parse(readFileSync(path.join(import.meta.dirname, '..', '_locales', 'en', 'messages.json'), 'utf8')) as Record<string, { message: string }>;

describe('removal labels', () => {
  it('the golden pages have removals to check', () => {
    assert.ok(removals.length > 50, `only ${removals.length} removals`);
  });

  it('names every rule in the locales', () => {
    const unnamed = [...new Set(removals.map((r) => r.reason))].filter((reason) => labels.ruleName(reason) === reason.replace(/-/gu, ' '));
    assert.deepEqual(unnamed, []);
  });

  it('knows every explanation the engine gave, and English renders it as the engine wrote it', () => {
    const unknown = [...new Set(removals.map((r) => r.explanation))].filter((e) => labels.explanationMessage(e) === null);
    assert.deepEqual(unknown, []);
    for (const explanation of new Set(removals.map((r) => r.explanation))) {
      const { key, quote } = labels.explanationMessage(explanation)!;
      const english = en[key]?.message.replace(/\$[A-Z]+\$/u, quote ?? '').replace(/[“”]/gu, '"');
      assert.equal(english, explanation.replace(/[“”]/gu, '"'), key);
    }
  });

  it('every key it asks for is in the locales', () => {
    assert.deepEqual(labels.REMOVAL_LABEL_KEYS.filter((key) => !(key in en)), []);
  });
});
