/**
 * What the working copy costs Readability: the words Readability keeps when it reads the whole page that it
 * no longer keeps when it reads ReadOnce's working copy (workingCopy: no furniture, around the prose region).
 * Split in two: what goes with the furniture (menus, hidden elements, site header and footer; left out on
 * purpose) and what the region costs, measured against Readability on the page without its furniture.
 * Counted as a multiset of words, so a paragraph lost once counts even when a copy of it survives elsewhere.
 * Shared by test/prune.test.ts (fixture pages) and scripts/copy-loss.ts (the corpora).
 */
import { Readability } from '@mozilla/readability';
import { copyWithoutFurniture, showAsReaderSaw, workingCopy } from '../../src/core/working-copy/index.ts';

export interface CopyLoss {
  /** Words Readability keeps on the whole page. */
  whole: number;
  /** Of those, the words it does not keep on the working copy, furniture included. */
  lost: number;
  /**
   * The words Readability keeps on the page without its furniture (the whole body, no region) that it does not
   * keep on the working copy nor take as the title or byline, in page order: what the region cost the article.
   */
  content: string[];
}

const words = (text: string): string[] => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];

function read(doc: Document): { words: string[]; byline: string[]; title: string[] } {
  const parsed = new Readability(doc, { serializer: (el) => el, keepClasses: true }).parse();
  return {
    words: words((parsed?.content as Element | undefined)?.textContent ?? ''),
    byline: words(parsed?.byline ?? ''),
    title: words(parsed?.title ?? ''),
  };
}

/** The words of `from` that `kept` does not hold, as many times as they are missing. */
function missing(from: readonly string[], kept: readonly string[]): string[] {
  const left = new Map<string, number>();
  for (const w of kept) left.set(w, (left.get(w) ?? 0) + 1);
  const out: string[] = [];
  for (const w of from) {
    const n = left.get(w) ?? 0;
    if (n > 0) left.set(w, n - 1);
    else out.push(w);
  }
  return out;
}

export function copyLoss(doc: Document): CopyLoss {
  // The page as a reader saw it: React's streamed segments in place, a story under a modal's aria-hidden shown.
  const page = doc.cloneNode(true) as Document;
  showAsReaderSaw(page);
  const whole = read(page).words;
  const copy = workingCopy(doc);
  const onCopy = read(copy.doc);
  const unpruned = read(copyWithoutFurniture(doc).doc).words;
  const byline = copy.bylineHint && onCopy.byline.length === 0 ? words(copy.bylineHint) : onCopy.byline;
  return {
    whole: whole.length,
    lost: missing(whole, onCopy.words).length,
    content: missing(unpruned, [...onCopy.words, ...byline, ...onCopy.title]),
  };
}
