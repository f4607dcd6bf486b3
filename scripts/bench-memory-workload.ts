/**
 * The reading-memory workload of scripts/bench-memory.ts, one code for Node and for a Chromium page (bundled by
 * esbuild there): a memory of `size` synthetic articles, then lookups of articles half read before, half not.
 * Pure (no Node or browser API) but for the clock it is given.
 */
import { memoryWords, sketchWords } from '../src/core/memory/fingerprint.ts';
import { InMemoryReadingMemory } from '../src/core/memory/in-memory.ts';
import type { Fingerprint } from '../src/core/memory/types.ts';
import { openMemoryStore } from '../src/platform/memory-store.ts';

export interface WorkloadResult {
  lookupMs: number;
  recordMs: number;
  fingerprintMs: number;
  blocks: number;
  indexBytes: number;
  found: number;
  probed: number;
}

/** A deterministic generator (mulberry32), so every run and both engines build the same memory. */
function random(seed: number): () => number {
  return () => {
    seed = (seed + 0x6d2b79f5) | 0;
    let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PASSES = 5;

// Skewed like a language: a few words are everywhere, most are rare.
const VOCABULARY = Array.from({ length: 20_000 }, (_, i) => `w${i.toString(36)}`);

export function runWorkload(size: number, blocksPerArticle: number, lookups: number, now: () => number): WorkloadResult {
  const next = random(size);
  const paragraph = () => Array.from({ length: 15 + Math.floor(next() * 50) }, () => VOCABULARY[Math.floor(next() ** 2 * VOCABULARY.length)]!);
  const article = (): Fingerprint[] => Array.from({ length: blocksPerArticle }, () => sketchWords(paragraph()));
  const memory = new InMemoryReadingMemory({ maxArticles: size });
  const probes: Fingerprint[][] = [];
  const every = Math.max(1, Math.floor(size / lookups));
  let recordMs = 0;
  for (let i = 0; i < size; i++) {
    const fingerprints = article();
    if (i % every === 0) probes.push(probes.length % 2 ? fingerprints : article());
    const start = now();
    memory.recordNow({ url: `https://example.com/${i}`, title: `Article ${i}`, site: 'example.com', time: i, fingerprints });
    recordMs += now() - start;
  }
  const texts = Array.from({ length: 50 }, () => Array.from({ length: blocksPerArticle }, () => paragraph().join(' ')));
  const sketching = now();
  for (const text of texts) for (const block of text) sketchWords(memoryWords(block));
  const fingerprintMs = (now() - sketching) / texts.length;
  for (const probe of probes) memory.lookupNow(probe); // warm-up: the first size would pay for compiling the lookup
  // The median of PASSES timed passes: one pass is at the mercy of a busy machine.
  let found = 0;
  const passes: number[] = [];
  for (let pass = 0; pass < PASSES; pass++) {
    found = 0;
    const start = now();
    for (const probe of probes) found += memory.lookupNow(probe).filter((s) => s.length > 0).length;
    passes.push((now() - start) / probes.length);
  }
  const lookupMs = passes.sort((x, y) => x - y)[Math.floor(PASSES / 2)]!;
  const { blocks } = memory.stats();
  return { lookupMs, recordMs: recordMs / size, fingerprintMs, blocks, indexBytes: memory.tableBytes(), found, probed: probes.length * blocksPerArticle };
}

export interface IdbWorkloadResult {
  /** Per article looked up, as the background answers: the retention check, then the lookup in the index. */
  lookupMs: number;
  /** Per article recorded, written through to IndexedDB and the index. */
  recordMs: number;
  /** A woken background: opening the database, loading every article into the index, the first lookup. */
  coldMs: number;
  storedBytesPerBlock: number;
  found: number;
  probed: number;
}

/**
 * The extension's own path: the IndexedDB store (src/platform/memory-store.ts) with `size` articles, in a page
 * of a real origin, as the background uses it: records written through to the loaded index, then a cold start
 * (the store closed and opened again, as when a stopped service worker wakes) up to its first answer, then
 * lookups each preceded by the retention check the background makes.
 */
export async function runIdbWorkload(size: number, blocksPerArticle: number, lookups: number, now: () => number): Promise<IdbWorkloadResult> {
  const next = random(size);
  const paragraph = () => Array.from({ length: 15 + Math.floor(next() * 50) }, () => VOCABULARY[Math.floor(next() ** 2 * VOCABULARY.length)]!);
  const article = (): Fingerprint[] => Array.from({ length: blocksPerArticle }, () => sketchWords(paragraph()));
  const opened = await openMemoryStore(indexedDB, size);
  let store = opened.store;
  await store.clear();
  await store.load();
  const probes: Fingerprint[][] = [];
  const every = Math.max(1, Math.floor(size / lookups));
  let recordMs = 0;
  for (let i = 0; i < size; i++) {
    const fingerprints = article();
    if (i % every === 0) probes.push(probes.length % 2 ? fingerprints : article());
    const start = now();
    await store.record({ url: `https://example.com/${i}`, title: `Article ${i}`, site: 'example.com', time: i, fingerprints });
    recordMs += now() - start;
  }
  // What the browser says the origin stores now, over the blocks recorded: the sketches, the url and time
  // indexes and IndexedDB's own overhead (an estimate, and the only measure a page has).
  const usage = (await navigator.storage.estimate()).usage ?? 0;
  store.close();
  const waking = now();
  store = (await openMemoryStore(indexedDB, size)).store;
  await store.forgetBefore(0);
  await store.lookup(probes[0]!);
  const coldMs = now() - waking;
  // The median of PASSES timed passes, as for the index alone.
  let found = 0;
  const passes: number[] = [];
  for (let pass = 0; pass < PASSES; pass++) {
    found = 0;
    const start = now();
    for (const probe of probes) {
      await store.forgetBefore(0);
      found += (await store.lookup(probe)).filter((s) => s.length > 0).length;
    }
    passes.push((now() - start) / probes.length);
  }
  const lookupMs = passes.sort((x, y) => x - y)[Math.floor(PASSES / 2)]!;
  await store.clear();
  store.close();
  return { lookupMs, recordMs: recordMs / size, coldMs, storedBytesPerBlock: usage / (size * blocksPerArticle), found, probed: probes.length * blocksPerArticle };
}
