/**
 * The engine's result and options: the one contract shared by the CLI, the extension and the tests.
 * `--format json` prints a CleanResult exactly.
 */
import type { ReadingMemoryNow, RepeatReport } from './memory/types.ts';

/** What a kept block is, in reading order. Images live in `html`, not here. */
export type BlockKind = 'heading' | 'paragraph' | 'list-item' | 'quote' | 'code' | 'table' | 'caption';

/**
 * A block's id: "b" + its index in reading order among all blocks, kept and removed ("b0", "b1", …), so the
 * same page always gives the same ids. The block's element carries it in `html` as data-ro-block="<id>".
 * A plain string, so ids read back from JSON or messages need no cast.
 */
export type BlockId = string;

export interface Block {
  id: BlockId;
  kind: BlockKind;
  text: string;
}

/**
 * The kinds of removal a reader can switch off in the options page.
 * boilerplate: skip links, related lists, share prompts, bylines, footers;
 * duplicates: exact and contained repeats, the repeated title;
 * teasers: truncated copies of a later block, "Read: …" cards;
 * summaries: key-point lists and standfirsts that restate the article.
 */
export type RemovalCategory = 'boilerplate' | 'duplicates' | 'teasers' | 'summaries';

export const REMOVAL_CATEGORIES: readonly RemovalCategory[] = ['boilerplate', 'duplicates', 'teasers', 'summaries'];

export interface Removal {
  /** The removed block's id; its element in `html` carries it too. */
  id: BlockId;
  /** The removed block's text. */
  text: string;
  /** The block's kind, so a viewer can show it in place as it was. */
  kind: BlockKind;
  /** Id of the rule that removed it, e.g. "truncated-teaser". */
  reason: string;
  category: RemovalCategory;
  /** A sentence a reader understands: why this block went. */
  explanation: string;
  /** For a duplicate, the text of the block it repeats (the copy that was kept). */
  duplicates?: string;
  /** The id of the kept block it stood after in reading order; null when no kept block came before it. */
  after: BlockId | null;
  /** The block as it was, sanitised like `html`, so a view can show it in place. */
  html: string;
}

/**
 * What kind of page the engine read: an article (Readability's pick, cleaned), or a page read whole by its
 * structure: a forum or Q&A thread (every post under its author line), a page built of sections, a listing of
 * cards, a product, documentation.
 */
export type PageType = 'article' | 'thread' | 'sections' | 'listing' | 'product' | 'docs';

export interface CleanResult {
  /** What kind of page this was read as. */
  pageType: PageType;
  title: string;
  byline: string | null;
  siteName: string | null;
  publishedTime: string | null;
  lang: string | null;
  excerpt: string | null;
  blocks: Block[];
  removed: Removal[];
  /**
   * The cleaned article as HTML, passed through the one sanitizer (sanitize.ts); images and captions kept.
   * Every kept block's element carries data-ro-block="<id>".
   */
  html: string;
  markdown: string;
  /** With `options.memory`: the kept blocks read before, where and when, and the share of the article they make. */
  readBefore?: RepeatReport;
}

export interface CleanOptions {
  /** The page's address, used to resolve relative links and images. */
  url?: string;
  /** Kinds of removal to leave undone. Default: none (all on). */
  keep?: readonly RemovalCategory[];
  /**
   * Needed by cleanText where there is no global `document` (Node): a Document to build the article in.
   * The Node entry supplies one.
   */
  document?: Document;
  /**
   * Refuse pages with more elements than this once page furniture is left out (ReadOnceError "too-large").
   * Default DEFAULT_MAX_ELEMENTS (40 000).
   */
  maxElements?: number;
  /**
   * How the engine copies the page before reading it (the page itself is never changed): 'walk' (the default),
   * a JavaScript walk that copies only what it keeps, or 'clone', the DOM's own deep clone pruned in place.
   * Both give the same copy; the walk measured faster in jsdom and in Chromium (scripts/bench-chromium.ts --copy).
   * 'in-place' makes no copy: it prunes and reads the document given, which is changed. Only for a document
   * parsed for this one call (the CLI and batch mode do), never for a page a reader has open.
   */
  copy?: 'clone' | 'walk' | 'in-place';
  /**
   * false leaves `markdown` empty, for a caller that shows the article first and renders the Markdown only when
   * asked (markdownOf); Turndown is the largest part of a clean in the browser. Default true.
   */
  markdown?: boolean;
  /**
   * A reading memory to mark the result against (`result.readBefore`); `url` says which page this is. For a memory
   * that must be awaited (IndexedDB, a file), call `markRepeats(result, memory, url)` instead.
   */
  memory?: ReadingMemoryNow;
}

export type ReadOnceErrorCode = 'no-article' | 'too-large' | 'empty-input';

/** The failures a reader should see as a message, not a stack trace. */
export class ReadOnceError extends Error {
  constructor(
    readonly code: ReadOnceErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'ReadOnceError';
  }
}

/** A page, or its working copy, with more elements than a clean takes. */
export function tooLarge(elements: number, max: number): ReadOnceError {
  return new ReadOnceError('too-large', `This page is too large to clean (${elements.toLocaleString('en')} elements; the limit is ${max.toLocaleString('en')}).`);
}
