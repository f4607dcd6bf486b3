/**
 * A key-points list injected into every article of a news corpus, as republishers add one: a "Key points"
 * label and three sentences copied from the body (the first sentence of the first, the middle and the last
 * paragraph), set before the first paragraph. Each page is cleaned as HTML, and its cleaned text, with the
 * list put back under the title, as scraped text. Prints how many pages keep the label or an item.
 *
 *   npm run eval:key-points -- [CORPUS] [--list]   (CORPUS defaults to ../shared/eval-dev)
 */
import { parseArgs } from 'node:util';
import { cleanDocument, cleanText, parseHtml } from '../src/node/index.ts';
import { corpusDir, readCorpus } from './lib/corpus.ts';

const { values, positionals } = parseArgs({ allowPositionals: true, options: { list: { type: 'boolean', default: false } } });
const norm = (s: string) => s.replace(/\s+/gu, ' ').trim().toLowerCase();
const LABEL = 'Key points';
const MIN_WORDS = 12;

/** The paragraph's first sentence of at least SENTENCE_WORDS words ("The U.S." does not end one). */
const SENTENCE_WORDS = 8;
function firstSentence(paragraph: string): string {
  const pieces = paragraph.split(/(?<=[.!?])\s+/u);
  let sentence = '';
  for (const piece of pieces) {
    sentence = sentence ? `${sentence} ${piece}` : piece;
    if (sentence.split(' ').length >= SENTENCE_WORDS) break;
  }
  return sentence.trim();
}

let injected = 0;
let leftInHtml = 0;
let leftInText = 0;
for (const page of readCorpus(corpusDir(positionals[0]))) {
  const paragraphs = page.truth.split(/\n+/u).map((p) => p.trim()).filter((p) => p.split(' ').length >= MIN_WORDS);
  if (paragraphs.length < 4) continue;
  const sentences = [paragraphs[0]!, paragraphs[Math.floor(paragraphs.length / 2)]!, paragraphs.at(-1)!].map(firstSentence);
  const doc = parseHtml(page.html, page.url);
  const start = norm(paragraphs[0]!).slice(0, 40);
  const first = Array.from(doc.querySelectorAll('p')).find((p) => norm(p.textContent ?? '').startsWith(start));
  if (!first) continue;
  injected++;
  const box = doc.createElement('div');
  box.innerHTML = `<h2>${LABEL}</h2><ul>${sentences.map((s) => `<li>${s.replace(/</gu, '&lt;')}</li>`).join('')}</ul>`;
  first.before(...Array.from(box.childNodes));
  const isLeft = (b: { kind: string; text: string }) => norm(b.text) === norm(LABEL) || (b.kind === 'list-item' && sentences.some((s) => norm(b.text).endsWith(norm(s))));
  try {
    const html = cleanDocument(doc);
    const inHtml = html.blocks.filter(isLeft);
    const text = [html.title, '', LABEL, '', ...sentences.map((s) => `• ${s}`), '', ...html.blocks.map((b) => `${b.text}\n`)].join('\n');
    const inText = cleanText(text, { document: parseHtml('<!doctype html><html><body></body></html>') }).blocks.filter(isLeft);
    if (inHtml.length > 0) leftInHtml++;
    if (inText.length > 0) leftInText++;
    if (values.list && inHtml.length + inText.length > 0) console.log(`${page.id.slice(0, 10)}  html: ${inHtml.map((b) => b.text.slice(0, 50)).join(' | ')}  text: ${inText.map((b) => b.text.slice(0, 50)).join(' | ')}`);
  } catch (e) {
    console.log(`${page.id.slice(0, 10)}  ${(e as Error).message}`);
  }
}
console.log(`| injected into | label or item left, HTML | label or item left, scraped text |\n|---|---|---|\n| ${injected} pages | ${leftInHtml} | ${leftInText} |`);
