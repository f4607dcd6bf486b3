/**
 * The background's memory service (browser APIs mocked, fake-indexeddb): private windows are never recorded
 * nor looked up, nothing before the reader said yes, and only the extension's own pages are answered.
 */
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import 'fake-indexeddb/auto';
import { fingerprint, toBase64 } from '../src/core/memory/fingerprint.ts';

type Listener = (message: unknown, sender: unknown) => Promise<unknown> | undefined;
let listener: Listener;
const stored: Record<string, unknown> = {};
const tabs: Record<number, { id: number; incognito: boolean }> = { 1: { id: 1, incognito: false }, 2: { id: 2, incognito: true } };

before(async () => {
  const g = globalThis as Record<string, unknown>;
  g.chrome ??= { runtime: { id: 'readonce-test' } };
  g.browser = {
    runtime: { id: 'readonce-test', onMessage: { addListener: (l: Listener) => (listener = l) } },
    storage: { local: { get: async (key: string) => ({ [key]: stored[key] }), set: async (v: Record<string, unknown>) => Object.assign(stored, v) } },
    tabs: { get: async (id: number) => tabs[id] ?? Promise.reject(new Error('No tab with id')) },
  };
  const { serveReadingMemory } = await import('../src/platform/memory-service.ts');
  serveReadingMemory();
});

const POPUP = { id: 'readonce-test', url: 'chrome-extension://abc/popup.html?tabId=1' };
const LEDE = 'Several thousand teachers wearing red surrounded the Indiana Statehouse on Tuesday to call for better pay and more respect.';
const record = (tabId: number | undefined, url = 'https://a.example/story') => ({
  type: 'memory-record',
  ...(tabId === undefined ? {} : { tabId }),
  article: { url, title: 'A', site: 'a.example', time: Date.now(), fingerprints: [toBase64(fingerprint(LEDE))] },
});
const lookup = (tabId: number | undefined) => ({ type: 'memory-lookup', ...(tabId === undefined ? {} : { tabId }), fingerprints: [toBase64(fingerprint(LEDE))] });

test('before the reader says yes, nothing is recorded', async () => {
  assert.deepEqual(await listener(record(1), POPUP), { recorded: false });
  stored.readingMemory = { remember: 'off', days: 90 };
  assert.deepEqual(await listener(record(1), POPUP), { recorded: false });
});

test('a private window is never recorded nor looked up; an unknown tab counts as private', async () => {
  stored.readingMemory = { remember: 'on', days: 90 };
  assert.deepEqual(await listener(record(2, 'https://a.example/private'), POPUP), { recorded: false });
  assert.deepEqual(await listener(record(99), POPUP), { recorded: false });
  // The reader frame asks without a tab id: its own tab decides.
  assert.deepEqual(await listener(record(undefined), { id: 'readonce-test', url: 'chrome-extension://abc/reader.html', tab: { id: 2, incognito: true } }), { recorded: false });
  assert.deepEqual(await listener(record(1), POPUP), { recorded: true });
  const normal = (await listener(lookup(1), POPUP)) as { sightings: { url: string }[][] };
  assert.deepEqual(normal.sightings[0]!.map((s) => s.url), ['https://a.example/story']);
  const inPrivate = (await listener(lookup(2), POPUP)) as { sightings: unknown[][] };
  assert.deepEqual(inPrivate.sightings, [[]]);
});

test('only the extension’s own pages are answered, and only well-formed requests', () => {
  assert.equal(listener(record(1), { id: 'readonce-test', url: 'https://evil.example/' }), undefined);
  assert.equal(listener(record(1), { id: 'another-extension', url: 'chrome-extension://other/page.html' }), undefined);
  assert.equal(listener({ type: 'memory-lookup', fingerprints: 'AAAA' }, POPUP), undefined);
  assert.equal(listener({ type: 'memory-record', article: { url: 'x' } }, POPUP), undefined);
});
