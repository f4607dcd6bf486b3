/**
 * Scraped plain text (a page copied as text, like the seed's page.txt) as an article element, so that it goes
 * through the same rules as HTML: blank lines and line breaks separate blocks, "1." and "-" lines are list
 * items, and so are headline-like lines under a "Latest" or "Read also" label; a short unpunctuated line
 * before a longer one is a heading.
 */
import { isRelatedLabel } from './phrases.ts';
import { normalize, wordCount } from './text.ts';

const LIST_ITEM = /^\s*(?:(\d{1,3})[.)]|[-*•·–])\s+(.+)$/u;
const MAX_HEADING_WORDS = 15;
const TITLE_WINDOW = 10;

interface Line {
  text: string;
  ordered?: boolean;
  item?: boolean;
}

/**
 * The text as an HTML parser reads the same characters in a page's body: CR and CRLF are line feeds, and
 * NUL is dropped (the parser ignores it in body text). A NUL left in the article's text would also be left in
 * `html`, which no view parses back unchanged, and in the blocks, which the HTML path never has.
 */
function asHtmlText(text: string): string {
  return text.replace(/\r\n?/gu, '\n').replace(/\0/gu, '');
}

function readLines(text: string): Line[] {
  const out: Line[] = [];
  let underLabel = false;
  for (const raw of asHtmlText(text).split('\n')) {
    const line = raw.trim();
    if (!line) continue;
    const item = LIST_ITEM.exec(line);
    if (item) out.push({ text: item[2]!.trim(), item: true, ordered: item[1] !== undefined });
    else if (underLabel && isHeadlineLike(line)) out.push({ text: line, item: true, ordered: false });
    else out.push({ text: line });
    underLabel = (underLabel && out.at(-1)!.item === true) || (!item && wordCount(line) <= MAX_LABEL_WORDS && isRelatedLabel(line));
  }
  return out;
}

const MAX_LABEL_WORDS = 6;
const MAX_HEADLINE_WORDS = 20;

/**
 * Another story's headline as scraping leaves it: one line, no full stop or colon at its end (a teaser's
 * "…" is allowed). Under "Latest", "Related" or "Read also" such lines were a list of links, and become
 * one, so that they go with their label as they do in HTML.
 */
function isHeadlineLike(line: string): boolean {
  const words = wordCount(line);
  return words >= 3 && words <= MAX_HEADLINE_WORDS && (!/[.:;,]$/u.test(line) || /(\.\.\.|…)$/u.test(line));
}

function looksLikeHeading(line: Line, next: Line | undefined): boolean {
  const words = wordCount(line.text);
  return (
    !line.item && words > 0 && words <= MAX_HEADING_WORDS && !/[.!?:;,…"”»)]$/u.test(line.text) &&
    next !== undefined && !next.item && wordCount(next.text) > words * 2
  );
}

/**
 * The headline: among the first lines, one that the page repeats (scraped pages print it more than once),
 * else the first line of a headline's length.
 */
export function titleOf(lines: readonly string[]): string {
  const head = lines.slice(0, TITLE_WINDOW).filter((l) => wordCount(l) >= 3 && wordCount(l) <= 40 && !/(\.\.\.|…)$/u.test(l));
  const count = new Map<string, number>();
  for (const l of lines) count.set(normalize(l), (count.get(normalize(l)) ?? 0) + 1);
  return head.find((l) => (count.get(normalize(l)) ?? 0) > 1) ?? head[0] ?? lines[0] ?? '';
}

/** Builds the article in `doc` (not attached to it) and returns it with the headline found in the text. */
export function textToArticle(doc: Document, text: string): { root: Element; title: string } {
  const lines = readLines(text);
  const root = doc.createElement('article');
  let list: Element | null = null;
  lines.forEach((line, i) => {
    if (line.item) {
      const tag = line.ordered ? 'OL' : 'UL';
      if (!list || list.tagName !== tag) list = root.appendChild(doc.createElement(tag.toLowerCase()));
      list.appendChild(doc.createElement('li')).textContent = line.text;
      return;
    }
    list = null;
    const tag = looksLikeHeading(line, lines[i + 1]) ? 'h2' : 'p';
    root.appendChild(doc.createElement(tag)).textContent = line.text;
  });
  return { root, title: titleOf(lines.filter((l) => !l.item).map((l) => l.text)) };
}
