/** The reading memory: fingerprints, the in-memory index, and marking a result against a memory. */
export * from './types.ts';
export { MIN_SIMILARITY, MIN_WORDS, SKETCH_SIZE, fingerprint, similarity } from './fingerprint.ts';
export { DEFAULT_MAX_ARTICLES, InMemoryReadingMemory, MEMORY_FORMAT_VERSION, type ArticleInfo, type MemoryJSON, type MemoryStats } from './in-memory.ts';
export { countedBlocks, markRepeats, markRepeatsNow, rememberedArticle, samePage, siteOf, type CountedBlock, type MarkableBlock } from './mark.ts';
