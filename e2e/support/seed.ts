/** The seed page's expectations: test/fixtures/seed/expected.json, the one the unit tests read. */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { TEST_FIXTURES } from './server.ts';

export interface SeedExpectation {
  title: string;
  blocks: string[];
  removed: string[];
}

export const SEED: SeedExpectation = JSON.parse(readFileSync(join(TEST_FIXTURES, 'seed', 'expected.json'), 'utf8'));

/** page.txt numbers the summary list ("1. …"); the HTML list items carry the same text without it. */
export function withoutListNumber(text: string): string {
  return text.replace(/^\d+\.\s+/, '');
}

/**
 * The removals the engine itself must list for page-inline.html: per the seed README, Readability alone
 * keeps "Skip to content", the bold headline, the teaser, the numbered list, "Read also:" and "Latest"
 * (the teaser card never reaches the engine).
 */
export const SEED_INLINE_ENGINE_REMOVALS: string[] = SEED.removed
  .filter((text) => !text.startsWith('Chinese leader Xi Jinping lands in Moscow'))
  .map(withoutListNumber);
