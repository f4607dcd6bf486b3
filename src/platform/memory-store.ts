/**
 * The reading memory on this device: IndexedDB in the extension's own origin, never storage.sync, never sent
 * anywhere. One record per article: url, title, site, time and its blocks' sketches (SKETCH_SIZE bytes each),
 * never text. A multi-entry index on the sketches' band keys finds the candidates of a lookup without reading
 * any other article, so a lookup costs the same at 100 or 20,000 articles.
 */
import { MIN_SIMILARITY, SKETCH_SIZE, bandKeys, similarity } from '../core/memory/fingerprint.ts';
import type { Fingerprint, ReadingMemory, RememberedArticle, Sighting } from '../core/memory/types.ts';

const DB_NAME = 'readonce-memory';
const DB_VERSION = 1;
const STORE = 'articles';
/**
 * Articles kept at most; the oldest go first. Chromium reports about 1.35 KB stored per paragraph (the 64-byte
 * sketch, its 16 band keys in the record and in the multi-entry index, IndexedDB's overhead; scripts/
 * bench-memory.ts), some 27 KB per article of 20: 10,000 articles stay under 300 MB, and a reader of 30 articles
 * a day reaches the limit after most of a year.
 */
export const STORE_MAX_ARTICLES = 10_000;
/** Candidates read per band key at most: a block every article of a site prints would otherwise read them all. */
const MAX_PER_KEY = 32;
const MAX_SIGHTINGS = 8;

interface StoredArticle {
  id?: number;
  url: string;
  title: string;
  site: string;
  time: number;
  /** The blocks' sketches one after another. */
  sketches: Uint8Array;
  /** Every band key of every sketch (multi-entry index "bands"). */
  bands: number[];
}

export interface StoreStats {
  articles: number;
  blocks: number;
  /** Sites with their article counts, most first. */
  sites: { site: string; articles: number }[];
  /** What the browser says this extension stores on the device (IndexedDB with its indexes, and the rest), if it says. */
  usageBytes: number | null;
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error('IndexedDB request failed'));
  });
}

function done(tx: IDBTransaction): Promise<void> {
  return new Promise((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onabort = () => reject(tx.error ?? new Error('IndexedDB transaction aborted'));
    tx.onerror = () => reject(tx.error ?? new Error('IndexedDB transaction failed'));
  });
}

/**
 * Opens (or creates) the store. A database of another version is deleted and made anew: a reading memory can
 * always be rebuilt by reading, and a popup must never stop on it. `message` says when that happened.
 */
export async function openMemoryStore(factory: IDBFactory = globalThis.indexedDB, maxArticles = STORE_MAX_ARTICLES): Promise<{ store: IdbReadingMemory; message: string | null }> {
  try {
    return { store: new IdbReadingMemory(await openDb(factory), maxArticles), message: null };
  } catch (error) {
    await request(factory.deleteDatabase(DB_NAME)).catch(() => undefined);
    const db = await openDb(factory);
    const why = error instanceof Error ? error.message : String(error);
    return { store: new IdbReadingMemory(db, maxArticles), message: `The reading memory could not be opened (${why}); it starts empty.` };
  }
}

function openDb(factory: IDBFactory): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const req = factory.open(DB_NAME, DB_VERSION);
    req.onupgradeneeded = (event) => {
      const db = req.result;
      // Older versions (none yet) are dropped whole: what they hold is rebuilt by reading.
      if (event.oldVersion > 0) for (const name of [...db.objectStoreNames]) db.deleteObjectStore(name);
      const store = db.createObjectStore(STORE, { keyPath: 'id', autoIncrement: true });
      store.createIndex('url', 'url', { unique: true });
      store.createIndex('site', 'site');
      store.createIndex('time', 'time');
      store.createIndex('bands', 'bands', { multiEntry: true });
    };
    req.onsuccess = () => {
      // A database of this version without the store (an upgrade that never finished) is as good as corrupt.
      if (req.result.objectStoreNames.contains(STORE)) return resolve(req.result);
      req.result.close();
      reject(new Error('the reading memory has no article store'));
    };
    req.onerror = () => reject(req.error ?? new Error('IndexedDB open failed'));
    req.onblocked = () => reject(new Error('the reading memory is open in an older version elsewhere'));
  });
}

export class IdbReadingMemory implements ReadingMemory {
  constructor(
    private readonly db: IDBDatabase,
    readonly maxArticles = STORE_MAX_ARTICLES,
  ) {}

  close(): void {
    this.db.close();
  }

  async record(article: RememberedArticle): Promise<void> {
    const sketches = article.fingerprints.filter((f) => f.length === SKETCH_SIZE);
    const bytes = new Uint8Array(sketches.length * SKETCH_SIZE);
    const bands = new Set<number>();
    sketches.forEach((sketch, i) => {
      bytes.set(sketch, i * SKETCH_SIZE);
      for (const key of bandKeys(sketch)) bands.add(key);
    });
    const record: StoredArticle = { url: article.url, title: article.title, site: article.site, time: article.time, sketches: bytes, bands: [...bands] };
    const tx = this.db.transaction(STORE, 'readwrite');
    const store = tx.objectStore(STORE);
    const finished = done(tx);
    const old = await request(store.index('url').getKey(article.url));
    if (old !== undefined) store.delete(old);
    store.add(record);
    const count = await request(store.count());
    if (count > this.maxArticles) {
      let excess = count - this.maxArticles;
      const cursor = store.index('time').openKeyCursor();
      cursor.onsuccess = () => {
        const at = cursor.result;
        if (!at || excess <= 0) return;
        store.delete(at.primaryKey);
        excess--;
        at.continue();
      };
    }
    await finished;
  }

  async lookup(fingerprints: readonly Fingerprint[]): Promise<Sighting[][]> {
    if (fingerprints.length === 0) return [];
    const tx = this.db.transaction(STORE, 'readonly');
    const store = tx.objectStore(STORE);
    const bands = store.index('bands');
    // Which fingerprints each candidate article may hold: all band reads go out at once.
    const candidates = new Map<number, Set<number>>();
    const reads: Promise<void>[] = [];
    fingerprints.forEach((sketch, i) => {
      if (sketch.length !== SKETCH_SIZE) return;
      for (const key of bandKeys(sketch)) {
        reads.push(
          request(bands.getAllKeys(key, MAX_PER_KEY)).then((ids) => {
            for (const id of ids as number[]) candidates.set(id, (candidates.get(id) ?? new Set()).add(i));
          }),
        );
      }
    });
    await Promise.all(reads);
    const articles = await Promise.all([...candidates.keys()].map((id) => request(store.get(id) as IDBRequest<StoredArticle | undefined>)));
    const out: Sighting[][] = fingerprints.map(() => []);
    articles.forEach((article) => {
      if (!article) return;
      for (const i of candidates.get(article.id!)!) {
        let best = 0;
        for (let at = 0; at + SKETCH_SIZE <= article.sketches.length; at += SKETCH_SIZE) best = Math.max(best, similarity(fingerprints[i]!, article.sketches, at));
        if (best >= MIN_SIMILARITY) out[i]!.push({ url: article.url, title: article.title, site: article.site, time: article.time, similarity: best });
      }
    });
    for (const list of out) list.sort((a, b) => b.similarity - a.similarity || a.time - b.time || (a.url < b.url ? -1 : a.url > b.url ? 1 : 0)).splice(MAX_SIGHTINGS);
    return out;
  }

  /** Forgets what was read on `site` (its subdomains too, as the keep-everything list counts them). Returns how many. */
  forgetSite(site: string): Promise<number> {
    return this.deleteWhere((article) => article.site === site || article.site.endsWith(`.${site}`));
  }

  /** Forgets what was read before `time` (ms since the epoch): how long to remember. Returns how many. */
  async forgetBefore(time: number): Promise<number> {
    const tx = this.db.transaction(STORE, 'readwrite');
    const store = tx.objectStore(STORE);
    const finished = done(tx);
    const keys = await request(store.index('time').getAllKeys(IDBKeyRange.upperBound(time, true)));
    for (const key of keys) store.delete(key);
    await finished;
    return keys.length;
  }

  async clear(): Promise<void> {
    const tx = this.db.transaction(STORE, 'readwrite');
    const finished = done(tx);
    tx.objectStore(STORE).clear();
    await finished;
  }

  async stats(): Promise<StoreStats> {
    const tx = this.db.transaction(STORE, 'readonly');
    const bySite = new Map<string, number>();
    let articles = 0;
    let blocks = 0;
    await new Promise<void>((resolve, reject) => {
      const cursor = tx.objectStore(STORE).openCursor();
      cursor.onerror = () => reject(cursor.error ?? new Error('IndexedDB cursor failed'));
      cursor.onsuccess = () => {
        const at = cursor.result;
        if (!at) return resolve();
        const article = at.value as StoredArticle;
        articles++;
        blocks += article.sketches.length / SKETCH_SIZE;
        bySite.set(article.site, (bySite.get(article.site) ?? 0) + 1);
        at.continue();
      };
    });
    const sites = [...bySite].map(([site, n]) => ({ site, articles: n })).sort((a, b) => b.articles - a.articles || (a.site < b.site ? -1 : 1));
    let usageBytes: number | null = null;
    try {
      usageBytes = (await globalThis.navigator?.storage?.estimate?.())?.usage ?? null;
    } catch {
      usageBytes = null;
    }
    return { articles, blocks, sites, usageBytes };
  }

  private async deleteWhere(test: (article: StoredArticle) => boolean): Promise<number> {
    const tx = this.db.transaction(STORE, 'readwrite');
    const finished = done(tx);
    let n = 0;
    const cursor = tx.objectStore(STORE).openCursor();
    cursor.onsuccess = () => {
      const at = cursor.result;
      if (!at) return;
      if (test(at.value as StoredArticle)) {
        at.delete();
        n++;
      }
      at.continue();
    };
    await finished;
    return n;
  }
}
