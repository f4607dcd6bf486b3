/** ReadOnce's engine: give it a Document or scraped text, get the article once. */
export { cleanDocument, cleanText, DEFAULT_MAX_ELEMENTS } from './clean.ts';
export { markdownOf } from './markdown-of.ts';
export { RULES } from './rules/index.ts';
export * from './types.ts';
export { InMemoryReadingMemory, markRepeats, markRepeatsNow, rememberedArticle } from './memory/index.ts';
export type { Fingerprint, ReadingMemory, RememberedArticle, Repeat, RepeatReport, Sighting } from './memory/index.ts';
