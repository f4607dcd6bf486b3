/**
 * Golden pages: test/fixtures/pages/<slug>/ holds a real page and what ReadOnce makes of it. Shared by the
 * golden test and `npm run fixtures`, which regenerates the expected files.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { type CleanResult, cleanHtml, cleanText } from '../src/node/index.ts';

export const PAGES_DIR = path.join(import.meta.dirname, 'fixtures', 'pages');

export interface GoldenPage {
  slug: string;
  dir: string;
  url: string;
}

/** What a golden file records: everything but the HTML, which expected.md stands for. */
export type GoldenResult = Omit<CleanResult, 'html' | 'markdown'> & { url: string };

export function goldenPages(): GoldenPage[] {
  return readdirSync(PAGES_DIR, { withFileTypes: true })
    .filter((e) => e.isDirectory())
    .map((e) => {
      const dir = path.join(PAGES_DIR, e.name);
      const expected = path.join(dir, 'expected.json');
      const url = existsSync(expected) ? (JSON.parse(readFileSync(expected, 'utf8')) as { url?: string }).url : undefined;
      return { slug: e.name, dir, url: url ?? `https://example.com/${e.name}` };
    });
}

export function runGolden(page: GoldenPage): { result: GoldenResult; markdown: string } {
  const txt = path.join(page.dir, 'source.txt');
  const full = existsSync(txt)
    ? cleanText(readFileSync(txt, 'utf8'))
    : cleanHtml(readFileSync(path.join(page.dir, 'source.html'), 'utf8'), { url: page.url });
  const { html: _html, markdown, ...rest } = full;
  return { result: { url: page.url, ...rest }, markdown };
}
