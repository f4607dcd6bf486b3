/**
 * Whether ReadOnce's working copy of a page costs Readability any of the article:
 *   node --import tsx scripts/copy-loss.ts [--eval DIR] [--peer DIR] [--all]
 * For each page, the words Readability keeps on the whole page that it does not keep on the working copy (see
 * scripts/lib/copy-loss.ts), and of what Readability keeps once the furniture (menus, hidden elements, site
 * header and footer: left out on purpose) is gone, what the region costs, which should be nothing. Upstream of eval:peer's "words in neither blocks nor removed": words lost here
 * never reach the rules. Prints the pages that lose words to the region (all pages with --all), then totals per corpus.
 */
import { existsSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { parseHtml } from '../src/node/index.ts';
import { copyLoss } from './lib/copy-loss.ts';
import { DEFAULT_CORPUS, readCorpus } from './lib/corpus.ts';
import { DEFAULT_PEER_DIR, readPeerPages } from './lib/peer.ts';

const { values } = parseArgs({ options: { eval: { type: 'string' }, peer: { type: 'string' }, all: { type: 'boolean' } } });

function* pages(): Generator<{ corpus: string; id: string; url: string; html: string }> {
  const evalDir = values.eval ?? DEFAULT_CORPUS;
  if (existsSync(evalDir)) for (const p of readCorpus(evalDir)) yield { corpus: 'eval-dev', id: p.id, url: p.url, html: p.html };
  const peerDir = values.peer ?? DEFAULT_PEER_DIR;
  if (existsSync(peerDir)) for (const p of readPeerPages(peerDir)) yield { corpus: `peer-dev/${p.suite}`, id: p.name, url: p.url, html: p.html };
}

const totals = new Map<string, { pages: number; losing: number; whole: number; lost: number; content: number }>();
console.log('| corpus | page | words Readability keeps | lost on the copy, furniture included | lost to the region | first of those |');
console.log('|---|---|---|---|---|---|');
for (const page of pages()) {
  const doc = parseHtml(page.html, page.url);
  const loss = copyLoss(doc);
  doc.defaultView?.close();
  const t = totals.get(page.corpus) ?? { pages: 0, losing: 0, whole: 0, lost: 0, content: 0 };
  const content = loss.content.length;
  totals.set(page.corpus, { pages: t.pages + 1, losing: t.losing + (content > 0 ? 1 : 0), whole: t.whole + loss.whole, lost: t.lost + loss.lost, content: t.content + content });
  if (content > 0 || values.all) console.log(`| ${page.corpus} | ${page.id} | ${loss.whole} | ${loss.lost} | ${content} | ${loss.content.slice(0, 12).join(' ')} |`);
}
console.log('\n| corpus | pages | pages losing words to the region | words Readability keeps | lost on the copy, furniture included | lost to the region |');
console.log('|---|---|---|---|---|---|');
for (const [corpus, t] of totals) console.log(`| ${corpus} | ${t.pages} | ${t.losing} | ${t.whole} | ${t.lost} | ${t.content} |`);
