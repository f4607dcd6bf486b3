/**
 * The dev corpus's metric (the article-extraction benchmark's own): tokens are \w+ runs, texts are compared as
 * multisets of 4-token shingles; per page precision and recall, averaged over pages; F1 of the averages.
 */
const TOKEN = /[\p{L}\p{N}\p{M}\p{Pc}]+/gu;
const SHINGLE = 4;

/** The metric's tokens: runs of letters, digits, marks and connectors. */
export function tokenize(text: string): string[] {
  return text.match(TOKEN) ?? [];
}

function shingleCounts(text: string): Map<string, number> {
  const tokens = tokenize(text);
  const counts = new Map<string, number>();
  for (let i = 0; i + SHINGLE <= tokens.length; i++) {
    const key = tokens.slice(i, i + SHINGLE).join(' ');
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

export interface PageScore {
  precision: number;
  recall: number;
  tp: number;
  fp: number;
  fn: number;
}

export function scorePage(prediction: string, truth: string): PageScore {
  const predicted = shingleCounts(prediction);
  const expected = shingleCounts(truth);
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const [key, n] of predicted) {
    const m = expected.get(key) ?? 0;
    tp += Math.min(n, m);
    fp += Math.max(0, n - m);
  }
  for (const [key, m] of expected) fn += Math.max(0, m - (predicted.get(key) ?? 0));
  const total = tp + fp + fn || 1;
  const [ntp, nfp, nfn] = [tp / total, fp / total, fn / total];
  const perfect = fp === 0 && fn === 0;
  return {
    precision: perfect ? 1 : ntp + nfp === 0 ? 0 : ntp / (ntp + nfp),
    recall: perfect ? 1 : ntp + nfn === 0 ? 0 : ntp / (ntp + nfn),
    tp: ntp,
    fp: nfp,
    fn: nfn,
  };
}

/** The harmonic mean of one page's precision and recall (0 when both are 0). */
export function pageF1(s: PageScore): number {
  return s.precision + s.recall === 0 ? 0 : (2 * s.precision * s.recall) / (s.precision + s.recall);
}

export interface CorpusScore {
  pages: number;
  precision: number;
  recall: number;
  f1: number;
}

export function scoreCorpus(pages: readonly PageScore[]): CorpusScore {
  const n = pages.length || 1;
  const precision = pages.reduce((s, p) => s + p.precision, 0) / n;
  const recall = pages.reduce((s, p) => s + p.recall, 0) / n;
  return { pages: pages.length, precision, recall, f1: precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall) };
}
