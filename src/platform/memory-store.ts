/**
 * The reading memory on this device: IndexedDB in the extension's own origin, never storage.sync, never sent
 * anywhere. One record per article: url, title, site, time and its blocks' sketches in one ArrayBuffer
 * (SKETCH_SIZE bytes each), never text. Lookups are answered by the in-memory band index (InMemoryReadingMemory),
 * built from one read of the whole store the first time a lookup needs it (a service worker wakes with nothing
 * in memory) and written through afterwards: IndexedDB keeps no band index, which would cost a round trip per
 * band key (320 per article) and some 1.3 KB per paragraph.
 */
import { SKETCH_SIZE } from '../core/memory/fingerprint.ts';
import { InMemoryReadingMemory, type ArticleInfo } from '../core/memory/in-memory.ts';
import type { Fingerprint, ReadingMemory, RememberedArticle, Sighting } from '../core/memory/types.ts';

const DB_NAME = 'readonce-memory';
/** 1: sketches as a Uint8Array with their band keys in a multi-entry index. 2: sketches only, index in memory. */
const DB_VERSION = 2;
const STORE = 'articles';
/**
 * Articles kept at most; the oldest go first. IndexedDB stores about 113 bytes per paragraph (scripts/
 * bench-memory.ts), some 23 MB at 10,000 articles of 20; the background holds their index in memory, about 240
 * bytes per paragraph with the sketch (some 47 MB), and builds it when it wakes (1.8 s at 10,000 articles in
 * Chromium on a loaded machine, 15 s at 100,000): the limit keeps both that memory and that wait small.
 */
export const STORE_MAX_ARTICLES = 10_000;
/** Another instance (the options page, the background) changed the store: an index in memory is rebuilt. */
const CHANNEL = 'readonce-memory-changed';

interface StoredArticle {
  id?: number;
  url: string;
  title: string;
  site: string;
  time: number;
  /** The blocks' sketches one after another. */
  sketches: ArrayBuffer;
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
 * Opens (or creates) the store. A memory of version 1 is moved to the compact layout in place, nothing lost
 * (`migrated`: how many articles moved, else null); a database of another version, or one that cannot be
 * opened or moved, is deleted and made anew: a reading memory can always be rebuilt by reading, and a popup
 * must never stop on it. `message` says when that happened (the popup and the options page show a note).
 */
export async function openMemoryStore(
  factory: IDBFactory = globalThis.indexedDB,
  maxArticles = STORE_MAX_ARTICLES,
): Promise<{ store: IdbReadingMemory; message: string | null; migrated: number | null }> {
  try {
    const { db, migrated } = await openDb(factory);
    return { store: new IdbReadingMemory(db, maxArticles), message: null, migrated };
  } catch (error) {
    await request(factory.deleteDatabase(DB_NAME)).catch(() => undefined);
    const { db } = await openDb(factory);
    const why = error instanceof Error ? error.message : String(error);
    return { store: new IdbReadingMemory(db, maxArticles), message: `The reading memory could not be opened (${why}); it starts empty.`, migrated: null };
  }
}

function openDb(factory: IDBFactory): Promise<{ db: IDBDatabase; migrated: number | null }> {
  return new Promise((resolve, reject) => {
    const req = factory.open(DB_NAME, DB_VERSION);
    let migrated: number | null = null;
    req.onupgradeneeded = (event) => {
      const db = req.result;
      if (event.oldVersion === 1 && db.objectStoreNames.contains(STORE)) {
        // Version 1 held the same articles with their band keys: those go, the sketches stay. A failure
        // aborts the upgrade, and the memory starts empty with a message.
        const store = req.transaction!.objectStore(STORE);
        for (const name of ['bands', 'site']) if (store.indexNames.contains(name)) store.deleteIndex(name);
        migrated = 0;
        const cursor = store.openCursor();
        cursor.onsuccess = () => {
          const at = cursor.result;
          if (!at) return;
          const { id, url, title, site, time, sketches } = at.value as Omit<StoredArticle, 'sketches'> & { sketches: Uint8Array | ArrayBuffer };
          const bytes = sketches instanceof ArrayBuffer ? sketches : sketches.slice().buffer;
          at.update({ id, url, title, site, time, sketches: bytes } satisfies StoredArticle);
          migrated!++;
          at.continue();
        };
        return;
      }
      // Any other version is dropped whole: what it holds is rebuilt by reading.
      for (const name of [...db.objectStoreNames]) db.deleteObjectStore(name);
      const store = db.createObjectStore(STORE, { keyPath: 'id', autoIncrement: true });
      store.createIndex('url', 'url', { unique: true });
      store.createIndex('time', 'time');
    };
    req.onsuccess = () => {
      // A database of this version without the store (an upgrade that never finished) is as good as corrupt.
      if (req.result.objectStoreNames.contains(STORE)) return resolve({ db: req.result, migrated });
      req.result.close();
      reject(new Error('the reading memory has no article store'));
    };
    req.onerror = () => reject(req.error ?? new Error('IndexedDB open failed'));
    req.onblocked = () => reject(new Error('the reading memory is open in an older version elsewhere'));
  });
}

/** The sketches of a stored article, SKETCH_SIZE bytes each. */
function sketchesOf(article: StoredArticle): Fingerprint[] {
  const bytes = new Uint8Array(article.sketches);
  const out: Fingerprint[] = [];
  for (let at = 0; at + SKETCH_SIZE <= bytes.length; at += SKETCH_SIZE) out.push(bytes.subarray(at, at + SKETCH_SIZE));
  return out;
}

export class IdbReadingMemory implements ReadingMemory {
  /** The band index of every stored article, once a lookup has needed it; null until then or once stale. */
  private index: Promise<InMemoryReadingMemory> | null = null;
  /** The earliest time in the index: forgetting what is older than the retention costs nothing when none is. */
  private oldest = Infinity;
  private readonly channel: BroadcastChannel | null;

  constructor(
    private readonly db: IDBDatabase,
    readonly maxArticles = STORE_MAX_ARTICLES,
  ) {
    this.channel = typeof BroadcastChannel === 'function' ? new BroadcastChannel(CHANNEL) : null;
    if (this.channel) {
      this.channel.onmessage = () => (this.index = null);
      // In Node (tests, benches) an open channel would keep the process alive.
      (this.channel as { unref?: () => void }).unref?.();
    }
  }

  close(): void {
    this.channel?.close();
    this.db.close();
  }

  /**
   * Reads every stored article into the in-memory index, oldest first: one request. A lookup awaits it, so
   * the first lookup after a wake answers as every other one.
   */
  load(): Promise<InMemoryReadingMemory> {
    const loading = (this.index ??= (async () => {
      const tx = this.db.transaction(STORE, 'readonly');
      const rows = await request(tx.objectStore(STORE).index('time').getAll() as IDBRequest<StoredArticle[]>);
      const memory = new InMemoryReadingMemory({ maxArticles: this.maxArticles });
      memory.recordAll(rows.map((row) => ({ url: row.url, title: row.title, site: row.site, time: row.time, fingerprints: sketchesOf(row) })));
      this.oldest = rows.length > 0 ? rows[0]!.time : Infinity;
      return memory;
    })());
    // A load that failed is tried again at the next lookup.
    loading.catch(() => {
      if (this.index === loading) this.index = null;
    });
    return loading;
  }

  async record(article: RememberedArticle): Promise<void> {
    const sketches = article.fingerprints.filter((f) => f.length === SKETCH_SIZE);
    const bytes = new Uint8Array(sketches.length * SKETCH_SIZE);
    sketches.forEach((sketch, i) => bytes.set(sketch, i * SKETCH_SIZE));
    const record: StoredArticle = { url: article.url, title: article.title, site: article.site, time: article.time, sketches: bytes.buffer };
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
    // Written through once stored. The index drops its oldest at the same limit: articles come in time order.
    const index = this.index;
    if (!index) return;
    const memory = await index;
    if (this.index !== index) return;
    memory.recordNow({ ...article, fingerprints: sketches });
    this.oldest = Math.min(this.oldest, article.time);
  }

  async lookup(fingerprints: readonly Fingerprint[]): Promise<Sighting[][]> {
    if (fingerprints.length === 0) return [];
    return (await this.load()).lookupNow(fingerprints);
  }

  /** Forgets what was read on `site` (its subdomains too, as the keep-everything list counts them). Returns how many. */
  forgetSite(site: string): Promise<number> {
    return this.deleteWhere((article) => article.site === site || article.site.endsWith(`.${site}`));
  }

  /** Forgets what was read before `time` (ms since the epoch): how long to remember. Returns how many. */
  async forgetBefore(time: number): Promise<number> {
    // Asked before every lookup: with the index loaded, nothing to do is known without IndexedDB.
    if (this.index && this.oldest >= time) {
      await this.index;
      if (this.oldest >= time) return 0;
    }
    const tx = this.db.transaction(STORE, 'readwrite');
    const store = tx.objectStore(STORE);
    const finished = done(tx);
    const keys = await request(store.index('time').getAllKeys(IDBKeyRange.upperBound(time, true)));
    for (const key of keys) store.delete(key);
    await finished;
    await this.forgetInIndex((article) => article.time < time, keys.length);
    // Nothing that old after all: the limit had dropped the oldest. The earliest time is read again, so the
    // next lookups skip IndexedDB once more.
    if (keys.length === 0) await this.forgetInIndex(() => false, 0, true);
    return keys.length;
  }

  async clear(): Promise<void> {
    const tx = this.db.transaction(STORE, 'readwrite');
    const finished = done(tx);
    tx.objectStore(STORE).clear();
    await finished;
    await this.forgetInIndex(() => true, 1);
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
        blocks += Math.floor(article.sketches.byteLength / SKETCH_SIZE);
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

  private async deleteWhere(test: (article: ArticleInfo) => boolean): Promise<number> {
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
    await this.forgetInIndex(test, n);
    return n;
  }

  /**
   * After IndexedDB forgot `n` articles: the index here forgets them too, and any other instance (the
   * background's, when the options page forgot) rebuilds its own at its next lookup.
   */
  private async forgetInIndex(test: (article: ArticleInfo) => boolean, n: number, reread = false): Promise<void> {
    if (n === 0 && !reread) return;
    if (n > 0) this.channel?.postMessage('changed');
    const index = this.index;
    if (!index) return;
    try {
      const memory = await index;
      memory.forget(test);
      this.oldest = memory.articles().reduce((min, a) => Math.min(min, a.time), Infinity);
    } catch {
      // The load failed: the next lookup loads again.
    }
  }
}
