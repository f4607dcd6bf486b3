/** Reads a corpus laid out like the dev corpus: html/<id>.html.gz and ground-truth.json. */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

export interface CorpusPage {
  id: string;
  url: string;
  html: string;
  truth: string;
}

export const DEFAULT_CORPUS = path.resolve(import.meta.dirname, '../../../shared/eval-dev');

export function corpusDir(arg: string | undefined): string {
  const dir = path.resolve(arg ?? DEFAULT_CORPUS);
  if (!existsSync(path.join(dir, 'ground-truth.json')) || !existsSync(path.join(dir, 'html'))) {
    console.error(`No corpus at ${dir}: give a folder with html/<id>.html.gz and ground-truth.json.`);
    process.exit(2);
  }
  return dir;
}

export function* readCorpus(dir: string): Generator<CorpusPage> {
  const truth = JSON.parse(readFileSync(path.join(dir, 'ground-truth.json'), 'utf8')) as Record<string, { articleBody: string; url: string }>;
  for (const file of readdirSync(path.join(dir, 'html')).sort()) {
    const id = file.replace(/\.html(\.gz)?$/u, '');
    const entry = truth[id];
    if (!entry) continue;
    const bytes = readFileSync(path.join(dir, 'html', file));
    const html = (file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
    yield { id, url: entry.url, html, truth: entry.articleBody };
  }
}
