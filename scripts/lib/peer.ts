/**
 * Reads a peer-suite folder laid out like ../shared/peer-dev: readability/<name>/source.html.gz (Mozilla
 * Readability's test pages), defuddle/fixtures/<name>.html.gz with defuddle/expected/<name>.md (Defuddle's), and
 * judged.json, the hand verdicts on removals ReadOnce once made there.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

export const DEFAULT_PEER_DIR = path.resolve(import.meta.dirname, '../../../shared/peer-dev');
export const SUITES = ['readability', 'defuddle'] as const;
export type Suite = (typeof SUITES)[number];

export interface PeerPage {
  suite: Suite;
  name: string;
  url: string;
  html: string;
  /** Defuddle's own Markdown body (front matter left out); null for the Readability suite. */
  expectedMarkdown: string | null;
}

export interface Verdict {
  suite: Suite;
  page: string;
  reason: string;
  verdict: 'right' | 'wrong';
  why: string;
  /** The removed text's first 120 characters. */
  text: string;
}

/** judged.json records a removal by its text's first 120 characters. */
export const JUDGED_PREFIX = 120;

export function peerDir(arg: string | undefined): string {
  const dir = path.resolve(arg ?? DEFAULT_PEER_DIR);
  if (!SUITES.some((suite) => existsSync(path.join(dir, suite)))) {
    console.error(`No peer pages at ${dir}: give a folder with readability/<name>/source.html.gz and/or defuddle/fixtures/<name>.html.gz.`);
    process.exit(2);
  }
  return dir;
}

function readMaybeGzipped(file: string): string {
  const bytes = readFileSync(file);
  return (file.endsWith('.gz') ? gunzipSync(bytes) : bytes).toString('utf8');
}

function firstExisting(...files: string[]): string | undefined {
  return files.find((f) => existsSync(f));
}

/** Readability's test pages are all served from this address in its own tests. */
const READABILITY_URL = 'http://fakehost/test/page.html';

/** A Defuddle fixture names its address in a leading `<!-- {"url": ...} -->`, or by its name after `group--`. */
export function defuddleUrl(name: string, html: string): string {
  const comment = /<!--\s*(\{[^]*?\})\s*-->/u.exec(html.slice(0, 4000));
  if (comment) {
    try {
      const url = (JSON.parse(comment[1] ?? '') as { url?: unknown }).url;
      if (typeof url === 'string' && url !== '') return url;
    } catch {
      // not the metadata comment: fall back to the name
    }
  }
  return `https://${name.replace(/^[^]*?--/u, '')}`;
}

/** Defuddle's expected files open with a fenced JSON front matter block; the body follows. */
export function markdownBody(md: string): string {
  return md.replace(/^\s*```json\n[^]*?\n```\n/u, '').replace(/^---\n[^]*?\n---\n/u, '');
}

export function* readPeerPages(dir: string, only?: { suite?: string; page?: string }): Generator<PeerPage> {
  const wanted = (suite: Suite, name: string) => (!only?.suite || only.suite === suite) && (!only?.page || name.startsWith(only.page));
  const rdir = path.join(dir, 'readability');
  if (existsSync(rdir)) {
    for (const name of readdirSync(rdir).sort()) {
      const source = firstExisting(path.join(rdir, name, 'source.html.gz'), path.join(rdir, name, 'source.html'));
      if (!source || !wanted('readability', name)) continue;
      yield { suite: 'readability', name, url: READABILITY_URL, html: readMaybeGzipped(source), expectedMarkdown: null };
    }
  }
  const fdir = path.join(dir, 'defuddle', 'fixtures');
  if (existsSync(fdir)) {
    for (const file of readdirSync(fdir).sort()) {
      const name = file.replace(/\.html(\.gz)?$/u, '');
      if (name === file || !wanted('defuddle', name)) continue;
      const html = readMaybeGzipped(path.join(fdir, file));
      const expected = path.join(dir, 'defuddle', 'expected', `${name}.md`);
      const expectedMarkdown = existsSync(expected) ? markdownBody(readFileSync(expected, 'utf8')) : null;
      yield { suite: 'defuddle', name, url: defuddleUrl(name, html), html, expectedMarkdown };
    }
  }
}

export function readVerdicts(dir: string): Verdict[] {
  const file = path.join(dir, 'judged.json');
  return existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as Verdict[]) : [];
}

/**
 * Finds each removal's verdict: same suite and page, and the verdict's text (its first 120 characters) opens the
 * removal's text. A verdict judges whether that text is article content or cruft, so it holds whichever rule
 * removes the text now (a timestamp line once taken by related-links and now by byline is the same removal); a
 * verdict of the same rule is preferred when several fit. Both texts are read as their letters and digits only,
 * so that spacing and quoting (which the block splitter may change) do not matter. Each verdict answers for one removal, as judged.json lists a
 * removal made twice twice; a removal beyond those still gets the verdict, as the same text judged the same.
 */
export class VerdictIndex {
  private readonly byPlace = new Map<string, Array<{ verdict: Verdict; letters: string; cut: boolean; used: boolean }>>();

  constructor(verdicts: readonly Verdict[]) {
    for (const verdict of verdicts) {
      const key = placeKey(verdict.suite, verdict.page);
      const entry = { verdict, letters: lettersOf(verdict.text), cut: verdict.text.length >= JUDGED_PREFIX, used: false };
      this.byPlace.set(key, [...(this.byPlace.get(key) ?? []), entry]);
    }
  }

  /** All verdicts of one suite, for the pages given. */
  judged(suite: string, pages: ReadonlySet<string>): Verdict[] {
    return [...this.byPlace.values()].flat().map((e) => e.verdict).filter((v) => v.suite === suite && pages.has(v.page));
  }

  match(suite: string, page: string, reason: string, text: string): Verdict | undefined {
    const letters = lettersOf(text);
    const fits = (this.byPlace.get(placeKey(suite, page)) ?? [])
      .filter((e) => (e.cut ? letters.startsWith(e.letters) : letters === e.letters))
      .sort((a, b) => Number(a.used) - Number(b.used) || Number(b.verdict.reason === reason) - Number(a.verdict.reason === reason) || b.letters.length - a.letters.length);
    const best = fits[0];
    if (!best) return undefined;
    best.used = true;
    return best.verdict;
  }
}

const lettersOf = (text: string) => text.replace(/[^\p{L}\p{N}]+/gu, '').toLowerCase();
const placeKey = (suite: string, page: string) => `${suite}\u0000${page}`;
