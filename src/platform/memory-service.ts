/**
 * The reading memory lives in the background: IndexedDB in the extension's own origin. Reader mode runs in a
 * frame over a web page, where the browser denies (or partitions) storage to a third-party frame, so the
 * popup and the reader both ask the background, which also knows for sure whether the asking tab is in a
 * private window. Sketches travel as base64: runtime messages are JSON.
 */
import type { Runtime } from 'webextension-polyfill';
import { fromBase64, toBase64 } from '../core/memory/fingerprint.ts';
import type { Fingerprint, ReadingMemory, RememberedArticle, Sighting } from '../core/memory/types.ts';
import { browser } from './browser.ts';
import { loadMemorySettings } from './memory-settings.ts';
import { openMemoryStore, type IdbReadingMemory } from './memory-store.ts';

const DAY_MS = 24 * 3600 * 1000;

export type MemoryRequest =
  | { type: 'memory-lookup'; tabId?: number; fingerprints: string[] }
  | { type: 'memory-record'; tabId?: number; article: Omit<RememberedArticle, 'fingerprints'> & { fingerprints: string[] } };

export interface MemoryReplies {
  'memory-lookup': { sightings: Sighting[][]; message: string | null };
  'memory-record': { recorded: boolean };
}

/** In the popup or the reader: the memory, through the background. `tabId`: the tab the article is in, when known. */
export class RemoteReadingMemory implements ReadingMemory {
  /** The background's note when the stored memory was unreadable and started anew. */
  message: string | null = null;

  constructor(private readonly tabId?: number) {}

  async lookup(fingerprints: readonly Fingerprint[]): Promise<Sighting[][]> {
    const reply = (await browser.runtime.sendMessage({ type: 'memory-lookup', ...this.tab(), fingerprints: fingerprints.map(toBase64) } satisfies MemoryRequest)) as MemoryReplies['memory-lookup'];
    this.message = reply.message;
    return reply.sightings;
  }

  async record(article: RememberedArticle): Promise<void> {
    const request: MemoryRequest = { type: 'memory-record', ...this.tab(), article: { ...article, fingerprints: article.fingerprints.map(toBase64) } };
    const reply = (await browser.runtime.sendMessage(request)) as MemoryReplies['memory-record'];
    if (!reply.recorded) throw new Error('the reading memory did not record this article');
  }

  private tab(): { tabId?: number } {
    return this.tabId === undefined ? {} : { tabId: this.tabId };
  }
}

/** In the background: answers the popup's and the reader's memory requests. */
export function serveReadingMemory(): void {
  let opening: Promise<{ store: IdbReadingMemory; message: string | null }> | null = null;
  const store = () => (opening ??= openMemoryStore());
  // A background that wakes (an MV3 service worker is stopped when idle) starts loading the index at once, so
  // the popup's first lookup, which awaits it, waits less.
  void loadMemorySettings()
    .then(async (settings) => (settings.remember === 'on' ? (await store()).store.load() : undefined))
    .catch(() => undefined);
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    if (!isMemoryRequest(message) || !fromOwnPage(sender)) return undefined;
    return answer(message, sender, store).catch((error: unknown) => {
      // A store that failed is opened anew at the next request.
      opening = null;
      throw error;
    });
  });
}

async function answer(
  request: MemoryRequest,
  sender: Runtime.MessageSender,
  store: () => Promise<{ store: IdbReadingMemory; message: string | null }>,
): Promise<MemoryReplies[MemoryRequest['type']]> {
  const settings = await loadMemorySettings();
  const off = settings.remember !== 'on' || (await inPrivateWindow(request.tabId, sender));
  if (request.type === 'memory-lookup') {
    if (off) return { sightings: request.fingerprints.map(() => []), message: null };
    const opened = await store();
    await opened.store.forgetBefore(Date.now() - settings.days * DAY_MS);
    const fingerprints = request.fingerprints.map((f) => fromBase64(f) ?? new Uint8Array(0));
    const reply = { sightings: await opened.store.lookup(fingerprints), message: opened.message };
    opened.message = null;
    return reply;
  }
  if (off) return { recorded: false };
  const { article } = request;
  const fingerprints = article.fingerprints.map((f) => fromBase64(f)).filter((f): f is Uint8Array => f !== null);
  await (await store()).store.record({ url: article.url, title: article.title, site: article.site, time: article.time, fingerprints });
  return { recorded: true };
}

/** Private windows are never recorded nor looked up; a tab that cannot be found counts as private. */
async function inPrivateWindow(tabId: number | undefined, sender: Runtime.MessageSender): Promise<boolean> {
  if (tabId === undefined) return sender.tab?.incognito ?? true;
  try {
    return (await browser.tabs.get(tabId)).incognito || sender.tab?.incognito === true;
  } catch {
    return true;
  }
}

function fromOwnPage(sender: Runtime.MessageSender): boolean {
  if (sender.id !== browser.runtime.id || !sender.url) return false;
  return /^(chrome|moz)-extension:$/u.test(new URL(sender.url).protocol);
}

function isMemoryRequest(value: unknown): value is MemoryRequest {
  if (value === null || typeof value !== 'object') return false;
  const m = value as Record<string, unknown>;
  if (m.tabId !== undefined && typeof m.tabId !== 'number') return false;
  if (m.type === 'memory-lookup') return Array.isArray(m.fingerprints) && m.fingerprints.every((f) => typeof f === 'string');
  if (m.type !== 'memory-record' || m.article === null || typeof m.article !== 'object') return false;
  const a = m.article as Record<string, unknown>;
  return (
    typeof a.url === 'string' &&
    typeof a.title === 'string' &&
    typeof a.site === 'string' &&
    typeof a.time === 'number' &&
    Array.isArray(a.fingerprints) &&
    a.fingerprints.every((f) => typeof f === 'string')
  );
}
