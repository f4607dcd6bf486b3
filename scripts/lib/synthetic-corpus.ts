/**
 * A corpus with repeats across documents, made from the repository's own fixture pages, for the corpus tests
 * (test/corpus.test.ts, test/dask.test.ts), the demo of examples/dask/ and scripts/bench-corpus.ts.
 *
 * The stories are the paragraphs that the engine keeps of test/fixtures/pages/* (their expected.json): a wire
 * story reprinted by many sites. Each page is one of 12 sites' templates (navigation, byline, share prompt,
 * related links, footer) around either a reprint of a story (a paragraph or two left out, a word changed, the
 * site's own intro) or a local story of its own words; some pages come as scraped text, a few have no article.
 * Reprints of one story are spread over the whole corpus, so any split into shards puts copies of a story in
 * different shards: the repeats a per-shard memory misses. Everything follows from the page number, so the
 * corpus is the same on every machine.
 */
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

export interface SyntheticPage {
  id: string;
  url: string;
  /** An ISO 8601 time, not in page order, with ties: what `--order-by date` sorts by. */
  date: string;
  html?: string;
  text?: string;
}

interface Story {
  title: string;
  paragraphs: string[];
}

const PAGES = path.resolve(import.meta.dirname, '../../test/fixtures/pages');

/** The fixture pages' paragraphs of 12 words or more, eight at most a story, for pages with four or more. */
function stories(): Story[] {
  const out: Story[] = [];
  for (const name of readdirSync(PAGES).sort()) {
    let expected: { title: string; blocks: { kind: string; text: string }[] };
    try {
      expected = JSON.parse(readFileSync(path.join(PAGES, name, 'expected.json'), 'utf8')) as typeof expected;
    } catch {
      continue;
    }
    const paragraphs = expected.blocks.filter((b) => b.kind === 'paragraph' && b.text.split(/\s+/u).length >= 12).map((b) => b.text);
    if (paragraphs.length >= 4) out.push({ title: expected.title, paragraphs: paragraphs.slice(0, 8) });
  }
  return out;
}

const SITES = [
  'coastcourier', 'valleyherald', 'metrodaily', 'northernstar', 'riverside-times', 'thewirefeed',
  'capitalpost', 'harbourgazette', 'plainsobserver', 'lakeshorenews', 'summitledger', 'eastendchronicle',
].map((name) => ({ name, host: `${name}.example`, title: name.split('-').map((w) => w[0]!.toUpperCase() + w.slice(1)).join(' ') }));

/** mulberry32: a small PRNG, so what it makes depends on the seed alone. */
export function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const escape = (s: string) => s.replace(/&/gu, '&amp;').replace(/</gu, '&lt;').replace(/>/gu, '&gt;');

export function syntheticCorpus(count: number): SyntheticPage[] {
  const all = stories();
  const vocabulary = [...new Set(all.flatMap((s) => s.paragraphs.join(' ').toLowerCase().match(/\p{L}{3,}/gu) ?? []))].sort();
  const local = (rand: () => number, words: number) => {
    const out: string[] = [];
    for (let i = 0; i < words; i++) out.push(vocabulary[Math.floor(rand() * vocabulary.length)]!);
    return `${out.join(' ')}.`.replace(/^./u, (c) => c.toUpperCase());
  };
  const pages: SyntheticPage[] = [];
  for (let i = 0; i < count; i++) {
    const rand = random(i + 1);
    const site = SITES[i % SITES.length]!;
    const id = `${site.name}-${String(i).padStart(4, '0')}`;
    const url = `https://${site.host}/news/${i}`;
    // Dates out of page order, two pages to a two-hour slot: --order-by date has ties for the id to break.
    const date = new Date(Date.UTC(2024, 2, 1) + Math.floor(((i * 7919) % count) / 2) * 7_200_000).toISOString();
    let title: string;
    let paragraphs: string[];
    if (i % 4 === 3) {
      // A local story: words of its own, nothing another page has.
      title = local(rand, 6).replace(/\.$/u, '');
      paragraphs = Array.from({ length: 3 + Math.floor(rand() * 4) }, () => local(rand, 18 + Math.floor(rand() * 20)));
    } else {
      const story = all[(i * 5 + Math.floor(i / all.length)) % all.length]!;
      title = story.title;
      paragraphs = story.paragraphs.filter(() => rand() > 0.15);
      const edit = Math.floor(rand() * paragraphs.length);
      if (paragraphs[edit]) paragraphs[edit] = paragraphs[edit].replace(/\b(\p{L}{5,})\b/u, 'reportedly $1');
      paragraphs.unshift(`${site.title}: ${local(rand, 14)}`);
    }
    const bio = `${site.title} reporters cover the towns of the region every day of the week, from council meetings to the harbour.`;
    if (i % 61 === 17) {
      // A page with no article: a site's front door, links only.
      pages.push({ id, url, date, html: `<!doctype html><title>${site.title}</title><nav><a href="/a">Home</a> <a href="/b">News</a> <a href="/c">Sport</a></nav>` });
      continue;
    }
    if (i % 10 === 9) {
      // Scraped text, as a crawler that kept no markup gives it.
      pages.push({ id, url, date, text: `${title}\n\n${paragraphs.join('\n\n')}\n\n${bio}\n` });
      continue;
    }
    const related = [1, 2, 3].map((k) => `<li><a href="/news/${(i + k * 13) % count}">${escape(all[(i + k) % all.length]!.title)}</a></li>`).join('');
    const html = `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>${escape(title)} | ${site.title}</title>
<meta property="og:site_name" content="${site.title}"></head><body>
<header><a href="/">${site.title}</a><nav><a href="/news">News</a> <a href="/sport">Sport</a> <a href="/opinion">Opinion</a></nav></header>
<main><article><h1>${escape(title)}</h1><p class="byline">By Staff Writer, ${site.title}</p>
${paragraphs.map((p) => `<p>${escape(p)}</p>`).join('\n')}
<p><em>${escape(bio)}</em></p>
<p>Share this story on Facebook and X.</p>
</article><aside><h2>Related</h2><ul>${related}</ul></aside></main>
<footer>© 2024 ${site.title}. All rights reserved.</footer></body></html>`;
    pages.push({ id, url, date, html });
  }
  return pages;
}

/** The pages as JSON Lines, split into `shards` runs of consecutive pages (as even as can be). */
export function shardLines(pages: readonly SyntheticPage[], shards: number): string[] {
  const out: string[] = [];
  for (let s = 0; s < shards; s++) {
    const from = Math.floor((s * pages.length) / shards);
    const to = Math.floor(((s + 1) * pages.length) / shards);
    out.push(pages.slice(from, to).map((p) => `${JSON.stringify(p)}\n`).join(''));
  }
  return out;
}
