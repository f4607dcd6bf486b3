/**
 * Table tests for the cleaning rules: build an Article from an HTML snippet the way clean.ts does (minus
 * Readability), apply one rule, or the whole RULES pipeline when a rule reads what earlier rules did, and
 * compare what the rule removed with what the case says it should. A case with `removed: []` is a
 * must-not-remove case: the page pattern it cites is content, not cruft.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { Article, type Metadata } from '../../src/core/article.ts';
import { splitBlocks } from '../../src/core/blocks.ts';
import { applyRules } from '../../src/core/rules/index.ts';
import type { Rule } from '../../src/core/rules/rule.ts';
import type { PageType } from '../../src/core/types.ts';
import { parseHtml } from '../../src/node/index.ts';

export const DEFAULT_TITLE = 'Harbour council approves new ferry budget after a long night';

export interface RuleCase {
  /** What the case shows, as a test name. */
  title: string;
  /** The article's body as a news site serves it (Readability's output, roughly). */
  html: string;
  /** Texts (white space collapsed) this rule removes, in reading order; [] for a must-not-remove case. */
  removed: string[];
  /** The real page or pattern the case comes from, and why it matters. */
  why: string;
  /** For a duplicate rule: the text of the block each removal names as the copy that stays, in order. */
  duplicates?: string[];
  /** The page's headline (default DEFAULT_TITLE). */
  pageTitle?: string;
  /** Metadata Readability found (e.g. the byline), when the rule reads it. */
  meta?: Partial<Metadata>;
  /** Run every rule in RULES order and look at this rule's removals: for rules that read earlier ones. */
  pipeline?: boolean;
  /** A known gap in the rule: the case is reported, not failed. */
  todo?: string;
  /** The kind of page the article was read from (default an article): rules that suit one kind ask. */
  pageType?: PageType;
}

export interface Removed {
  text: string;
  reason: string;
  explanation: string;
  duplicates?: string;
}

export interface Outcome {
  article: Article;
  /** Everything removed, by any rule that ran, in reading order. */
  removed: Removed[];
  /** Texts of the blocks still kept, in reading order. */
  kept: string[];
}

/** The article clean.ts would build from `html` if Readability returned it as is. */
export function articleFrom(html: string, pageTitle = DEFAULT_TITLE, meta: Partial<Metadata> = {}, pageType: PageType = 'article'): Article {
  const doc = parseHtml(`<!doctype html><html><head><title>${pageTitle}</title></head><body>${html}</body></html>`);
  const root = doc.body;
  const full: Metadata = { title: pageTitle, byline: null, siteName: null, publishedTime: null, lang: null, excerpt: null, ...meta };
  return new Article(root, splitBlocks(root), full, pageType);
}

function outcome(article: Article): Outcome {
  const removed: Removed[] = [];
  const kept: string[] = [];
  for (const block of article.blocks) {
    if (!block.removal) {
      kept.push(block.text);
      continue;
    }
    const { reason, explanation, duplicates } = block.removal;
    removed.push({ text: block.text, reason, explanation, ...(duplicates ? { duplicates: duplicates.text } : {}) });
  }
  return { article, removed, kept };
}

/** Applies one rule alone to the snippet. */
export function applyRule(rule: Rule, html: string, pageTitle?: string, meta?: Partial<Metadata>, pageType?: PageType): Outcome {
  const article = articleFrom(html, pageTitle, meta, pageType);
  rule.apply(article);
  return outcome(article);
}

/** Applies every rule in RULES order, as clean.ts does (applyRules). */
export function applyAll(html: string, pageTitle?: string, meta?: Partial<Metadata>, pageType?: PageType): Outcome {
  const article = articleFrom(html, pageTitle, meta, pageType);
  applyRules(article);
  return outcome(article);
}

/** The texts a given rule removed. */
export function removedBy(result: Outcome, rule: Rule): string[] {
  return result.removed.filter((r) => r.reason === rule.id).map((r) => r.text);
}

/** One test per case: the rule removes exactly `removed` (no more, no less), each with an explanation. */
export function testRule(rule: Rule, cases: readonly RuleCase[]): void {
  describe(`rule ${rule.id}`, () => {
    it('has removing and must-not-remove cases, each with a distinct title and a why', () => {
      assert.ok(cases.some((c) => c.removed.length > 0), 'no case where the rule removes something');
      assert.ok(cases.some((c) => c.removed.length === 0), 'no must-not-remove case');
      assert.equal(new Set(cases.map((c) => c.title)).size, cases.length, 'duplicate case titles');
      for (const c of cases) assert.ok(c.why.trim().length >= 20, `case "${c.title}" needs a why`);
    });
    for (const c of cases) {
      it(c.title, c.todo ? { todo: c.todo } : {}, () => {
        const result = c.pipeline ? applyAll(c.html, c.pageTitle, c.meta, c.pageType) : applyRule(rule, c.html, c.pageTitle, c.meta, c.pageType);
        assert.deepEqual(removedBy(result, rule), c.removed, `why this case exists: ${c.why}`);
        const mine = result.removed.filter((x) => x.reason === rule.id);
        for (const r of mine) assert.ok(r.explanation.length > 0, `removal of "${r.text}" has no explanation`);
        if (c.duplicates) assert.deepEqual(mine.map((r) => r.duplicates), c.duplicates, 'each copy names the block that stays');
      });
    }
  });
}

/**
 * Paragraphs of running text (≥ 20 words each, no links), from an ordinary local-news story: rules that look
 * for "where the story is" need some story around the block under test.
 */
export const STORY = [
  'The harbour council approved the new ferry budget late on Tuesday after a six-hour meeting in which residents from both islands queued to speak against the fare rises.',
  'Under the plan, the council will buy two electric ferries from a shipyard in Gdansk and retire the oldest boat in the fleet, which has broken down eleven times this year.',
  'Councillor Maria Lopes, who chairs the transport committee, said the fare rise was the only way to pay for the new boats without cutting the night service to the outer island.',
  'Opponents said they would ask the regional court to review the vote, arguing that the council had not published the shipyard contract before the meeting as the law requires.',
  'The first of the new ferries is due to enter service in the spring of next year, and the second a year later, if the shipyard keeps to the schedule it has promised.',
];

/** STORY's paragraphs as HTML, or some of them. */
export function story(from = 0, to = STORY.length): string {
  return STORY.slice(from, to)
    .map((p) => `<p>${p}</p>`)
    .join('\n');
}
