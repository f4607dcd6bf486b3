/**
 * The WCXB benchmark (Web Content eXtraction Benchmark, Murrough Foley, 2026, CC-BY-4.0): its pages, its
 * ground truth and its metric, as its README defines them. A corpus is html/NNNN.html.gz with
 * ground-truth/NNNN.json beside it (default ../shared/wcxb-dev).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

export const DEFAULT_WCXB = path.resolve(import.meta.dirname, '../../../shared/wcxb-dev');

export const PAGE_TYPES = ['article', 'documentation', 'service', 'forum', 'collection', 'listing', 'product'] as const;

export interface WcxbTruth {
  id: string;
  url: string;
  type: string;
  /** The main content as plain text; null where the benchmark gives none (such a page is not scored). */
  main: string | null;
  with: string[];
  without: string[];
}

export function wcxbDir(arg: string | undefined): string {
  const dir = path.resolve(arg ?? DEFAULT_WCXB);
  if (!existsSync(path.join(dir, 'ground-truth')) || !existsSync(path.join(dir, 'html'))) {
    console.error(`No WCXB corpus at ${dir}: give a folder with html/NNNN.html.gz and ground-truth/NNNN.json.`);
    process.exit(2);
  }
  return dir;
}

export function wcxbIds(dir: string): string[] {
  return readdirSync(path.join(dir, 'ground-truth')).filter((f) => f.endsWith('.json')).map((f) => f.slice(0, -5)).sort();
}

export function readTruth(dir: string, id: string): WcxbTruth {
  const raw = JSON.parse(readFileSync(path.join(dir, 'ground-truth', `${id}.json`), 'utf8')) as {
    url: string;
    _internal?: { page_type?: { primary?: string } };
    ground_truth: { main_content?: string; with?: string[]; without?: string[] };
  };
  const g = raw.ground_truth;
  return { id, url: raw.url, type: raw._internal?.page_type?.primary ?? 'unknown', main: g.main_content ?? null, with: g.with ?? [], without: g.without ?? [] };
}

export function readHtml(dir: string, id: string): string {
  for (const name of [`${id}.html.gz`, `${id}.html`]) {
    const file = path.join(dir, 'html', name);
    if (existsSync(file)) {
      const bytes = readFileSync(file);
      return (name.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
    }
  }
  throw new Error(`no html for ${id} in ${dir}`);
}

const WORD = /[\p{L}\p{N}\p{M}\p{Pc}]+/gu;

function wordCounts(text: string): Map<string, number> {
  const counts = new Map<string, number>();
  for (const w of text.toLowerCase().match(WORD) ?? []) counts.set(w, (counts.get(w) ?? 0) + 1);
  return counts;
}

export interface WcxbScore {
  precision: number;
  recall: number;
  f1: number;
  /** Share of `with` snippets found (null when the page has none). */
  withFound: number | null;
  /** Share of `without` snippets found (null when the page has none). */
  withoutFound: number | null;
}

/** The benchmark's per-page score: word multisets, lowercased; an empty prediction scores 0. */
export function scoreWcxb(prediction: string, truth: WcxbTruth): WcxbScore {
  const predicted = wordCounts(prediction);
  const expected = wordCounts(truth.main ?? '');
  let shared = 0;
  let nPredicted = 0;
  let nExpected = 0;
  for (const [w, n] of predicted) {
    nPredicted += n;
    shared += Math.min(n, expected.get(w) ?? 0);
  }
  for (const n of expected.values()) nExpected += n;
  const precision = nPredicted === 0 ? 0 : shared / nPredicted;
  const recall = nExpected === 0 ? 0 : shared / nExpected;
  const f1 = precision + recall === 0 ? 0 : (2 * precision * recall) / (precision + recall);
  const lower = prediction.toLowerCase();
  const share = (snippets: string[]) => (snippets.length === 0 ? null : snippets.filter((s) => lower.includes(s.toLowerCase())).length / snippets.length);
  return { precision, recall, f1, withFound: share(truth.with), withoutFound: share(truth.without) };
}
