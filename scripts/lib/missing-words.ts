/**
 * What a text lost: the words of `kept` that `found` does not account for, counted with their repeats (a
 * multiset difference), in `kept`'s order. eval:peer counts with the metric's tokens; the coverage test with
 * the engine's own words (src/core/text.ts), which split scripts written without spaces the same way.
 */
import { tokenize } from './metric.ts';

export function missingWords(kept: string, found: string, tokens: (text: string) => string[] = tokenize): string[] {
  const counts = new Map<string, number>();
  for (const w of tokens(found)) counts.set(w, (counts.get(w) ?? 0) + 1);
  const missing: string[] = [];
  for (const w of tokens(kept)) {
    const n = counts.get(w) ?? 0;
    if (n > 0) counts.set(w, n - 1);
    else missing.push(w);
  }
  return missing;
}
