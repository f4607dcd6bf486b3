/**
 * The extension's IndexedDB store (fake-indexeddb in Node): it answers lookups as the in-memory index does,
 * holds no text, is bounded, forgets by site, by age and whole, and a broken database never stops a popup.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { IDBFactory, IDBKeyRange } from 'fake-indexeddb';
import { fingerprint } from '../src/core/memory/fingerprint.ts';
import { InMemoryReadingMemory } from '../src/core/memory/in-memory.ts';
import type { RememberedArticle } from '../src/core/memory/types.ts';
import { openMemoryStore } from '../src/platform/memory-store.ts';
import { parseMemorySettings } from '../src/platform/memory-settings-schema.ts';

Object.assign(globalThis, { IDBKeyRange });

const words = (n: number, i: number) => Array.from({ length: 18 }, (_, w) => `w${(n * 131 + i * 17 + w * 7) % 1009}v${n}`).join(' ');
const article = (n: number, time = n, site = `site${n % 3}.example`): RememberedArticle => ({
  url: `https://${site}/story/${n}`,
  title: `Story ${n}`,
  site,
  time,
  fingerprints: Array.from({ length: 4 }, (_, i) => fingerprint(`Paragraph ${i} of story ${n}: ${words(n, i)}`)),
});

test('lookups agree with the in-memory index, near-duplicates included', async () => {
  const { store, message } = await openMemoryStore(new IDBFactory());
  assert.equal(message, null);
  const memory = new InMemoryReadingMemory();
  for (let n = 0; n < 12; n++) {
    await store.record(article(n));
    memory.recordNow(article(n));
  }
  const edited = fingerprint(`Paragraph 1 of story 5: ${words(5, 1).replace(/^\S+/u, 'changed')}`);
  const probe = [...article(3).fingerprints, edited, fingerprint('nothing like anything read before at all, not one pair of these words')];
  assert.deepEqual(await store.lookup(probe), memory.lookupNow(probe));
  const found = await store.lookup(probe);
  assert.equal(found[4]![0]!.url, 'https://site2.example/story/5');
  assert.ok(found[4]![0]!.similarity < 1);
  assert.deepEqual(found[5], []);
  store.close();
});

test('what is stored: url, title, site, time and the sketches in one buffer; no band keys, no text', async () => {
  const factory = new IDBFactory();
  const { store } = await openMemoryStore(factory);
  await store.record(article(1));
  store.close();
  const db = await new Promise<IDBDatabase>((resolve) => {
    const req = factory.open('readonce-memory');
    req.onsuccess = () => resolve(req.result);
  });
  const rows = await new Promise<unknown[]>((resolve) => {
    const req = db.transaction('articles').objectStore('articles').getAll();
    req.onsuccess = () => resolve(req.result);
  });
  db.close();
  assert.equal(rows.length, 1);
  const row = rows[0] as Record<string, unknown>;
  assert.deepEqual(Object.keys(row).sort(), ['id', 'site', 'sketches', 'time', 'title', 'url']);
  assert.ok(row.sketches instanceof ArrayBuffer && row.sketches.byteLength === 4 * 64);
  assert.deepEqual(new Uint8Array(row.sketches as ArrayBuffer).subarray(64, 128), article(1).fingerprints[1]);
  assert.ok(!JSON.stringify(row).includes('Paragraph'));
});

test('a woken background loads the index from IndexedDB before its first lookup; writes go through', async () => {
  const factory = new IDBFactory();
  const first = (await openMemoryStore(factory)).store;
  for (let n = 0; n < 6; n++) await first.record(article(n, 100 + n));
  first.close();
  // A new instance, as after the service worker was stopped: its first lookup awaits the load.
  const { store } = await openMemoryStore(factory);
  assert.deepEqual((await store.lookup(article(4).fingerprints)).map((s) => s[0]?.url), Array(4).fill('https://site1.example/story/4'));
  await store.record(article(7, 200));
  assert.equal((await store.lookup([article(7).fingerprints[2]!]))[0]![0]!.time, 200);
  assert.equal(await store.forgetBefore(102), 2);
  assert.equal(await store.forgetBefore(102), 0);
  assert.deepEqual(await store.lookup([article(0).fingerprints[0]!, article(2).fingerprints[0]!]), [[], [{ url: 'https://site2.example/story/2', title: 'Story 2', site: 'site2.example', time: 102, similarity: 1 }]]);
  store.close();
});

test('forgetting in another instance (the options page) reaches the background’s index', async () => {
  const factory = new IDBFactory();
  const background = (await openMemoryStore(factory)).store;
  const options = (await openMemoryStore(factory)).store;
  for (let n = 0; n < 6; n++) await background.record(article(n, 100 + n));
  assert.equal((await background.lookup([article(1).fingerprints[0]!]))[0]!.length, 1);
  assert.equal(await options.forgetSite('site1.example'), 2);
  await new Promise((resolve) => setTimeout(resolve, 50)); // the channel's message is delivered as a task
  assert.deepEqual(await background.lookup([article(1).fingerprints[0]!, article(2).fingerprints[0]!]).then((s) => s.map((l) => l.length)), [0, 1]);
  await options.clear();
  await new Promise((resolve) => setTimeout(resolve, 50));
  assert.deepEqual(await background.lookup([article(2).fingerprints[0]!]), [[]]);
  background.close();
  options.close();
});

test('a memory of version 1 (band keys in a multi-entry index) moves to the compact layout, nothing lost', async () => {
  const factory = new IDBFactory();
  const old = article(3);
  const bytes = new Uint8Array(old.fingerprints.length * 64);
  old.fingerprints.forEach((f, i) => bytes.set(f, i * 64));
  await new Promise<void>((resolve) => {
    const req = factory.open('readonce-memory', 1);
    req.onupgradeneeded = () => {
      const store = req.result.createObjectStore('articles', { keyPath: 'id', autoIncrement: true });
      store.createIndex('url', 'url', { unique: true });
      store.createIndex('site', 'site');
      store.createIndex('time', 'time');
      store.createIndex('bands', 'bands', { multiEntry: true });
      store.add({ url: old.url, title: old.title, site: old.site, time: old.time, sketches: bytes, bands: [1, 2, 3] });
    };
    req.onsuccess = () => {
      req.result.close();
      resolve();
    };
  });
  const { store, message, migrated } = await openMemoryStore(factory);
  assert.deepEqual([message, migrated], [null, 1]);
  assert.deepEqual((await store.lookup(old.fingerprints)).map((s) => s[0]?.url), Array(4).fill(old.url));
  assert.deepEqual((await store.stats()).blocks, 4);
  store.close();
});

test('bounded: the oldest go first; the same url recorded again replaces it', async () => {
  const { store } = await openMemoryStore(new IDBFactory(), 5);
  await store.load(); // as in the background: records go through to the index in memory
  for (let n = 0; n < 8; n++) await store.record(article(n, 100 + n));
  await store.record({ ...article(6, 500), title: 'Story 6, updated' });
  const stats = await store.stats();
  assert.equal(stats.articles, 5);
  const hits = async (n: number) => (await store.lookup(article(n).fingerprints)).every((s) => s.length > 0);
  assert.deepEqual(await Promise.all([0, 1, 2, 3, 4, 5, 6, 7].map(hits)), [false, false, false, true, true, true, true, true]);
  const sighting = (await store.lookup([article(6).fingerprints[0]!]))[0]![0]!;
  assert.deepEqual([sighting.title, sighting.time], ['Story 6, updated', 500]);
  // The limit dropped the oldest (times 100-102): a retention check past them finds nothing, and learns the
  // earliest time left, so the next checks skip IndexedDB.
  const oldest = () => (store as unknown as { oldest: number }).oldest;
  assert.equal(oldest(), 100);
  assert.equal(await store.forgetBefore(103), 0);
  assert.equal(oldest(), 103);
  assert.equal(await store.forgetBefore(104), 1);
  assert.equal(oldest(), 104);
  store.close();
});

test('forget a site (and its subdomains), forget what is older than the retention, forget everything', async () => {
  const { store } = await openMemoryStore(new IDBFactory());
  for (let n = 0; n < 9; n++) await store.record(article(n, 1000 + n));
  await store.record(article(20, 2000, 'news.site1.example'));
  assert.equal(await store.forgetSite('site1.example'), 4);
  let stats = await store.stats();
  assert.equal(stats.articles, 6);
  assert.deepEqual(stats.sites.map((s) => s.site).sort(), ['site0.example', 'site2.example']);
  assert.equal(await store.forgetBefore(1005), 3); // 1000, 1002, 1003 (1001 and 1004 were on site1)
  stats = await store.stats();
  assert.equal(stats.articles, 3);
  assert.equal(stats.blocks, 12);
  await store.clear();
  assert.equal((await store.stats()).articles, 0);
  assert.deepEqual(await store.lookup(article(8).fingerprints), [[], [], [], []]);
  store.close();
});

test('a database left in a newer version is dropped with a message, never a throw', async () => {
  const factory = new IDBFactory();
  await new Promise<void>((resolve) => {
    const req = factory.open('readonce-memory', 99);
    req.onupgradeneeded = () => req.result.createObjectStore('something-else');
    req.onsuccess = () => {
      req.result.close();
      resolve();
    };
  });
  const { store, message } = await openMemoryStore(factory);
  assert.match(message ?? '', /could not be opened/u);
  await store.record(article(1));
  assert.equal((await store.stats()).articles, 1);
  store.close();
});

test('memory settings: ask until answered, each value validated on its own', () => {
  assert.deepEqual(parseMemorySettings(undefined), { remember: 'ask', days: 90 });
  assert.deepEqual(parseMemorySettings({ remember: 'on', days: 365 }), { remember: 'on', days: 365 });
  assert.deepEqual(parseMemorySettings({ remember: 'yes', days: 365 }), { remember: 'ask', days: 365 });
  assert.deepEqual(parseMemorySettings({ remember: 'off', days: '30' }), { remember: 'off', days: 90 });
  assert.deepEqual(parseMemorySettings('junk'), { remember: 'ask', days: 90 });
});

test('a database of this version without its store (an upgrade that never finished) is made anew', async () => {
  const factory = new IDBFactory();
  await new Promise<void>((resolve) => {
    const req = factory.open('readonce-memory', 2);
    req.onsuccess = () => {
      req.result.close();
      resolve();
    };
  });
  const { store, message } = await openMemoryStore(factory);
  assert.match(message ?? '', /no article store/u);
  await store.record(article(2));
  assert.equal((await store.stats()).articles, 1);
  store.close();
});
