/**
 * The engine's document (engine.html), opened in a hidden frame by the popup and by the reader frame
 * (src/platform/engine-frame.ts): it cleans the page's snapshot that its parent posts it and posts back the
 * answer, signed with the token in its address. In Chromium it is a sandboxed page (manifest `sandbox`): an
 * opaque origin without extension APIs, in a process of its own, whose CSP lets nothing load; parsing the
 * page's markup there, Chromium checks no inline handler or style against the extension's CSP, which it does
 * in any document of an extension page, an inert DOMParser one included (e2e/hostile.test.ts counts the
 * console's CSP reports). Firefox checks none at parse time, and has no sandboxed pages: there it is a plain
 * extension page.
 */
import type { EngineReady, EngineReply, EngineRequest } from '../platform/messages.ts';
import { cleanSnapshot } from './clean-snapshot.ts';

const token = location.hash.slice(1);

function isRequest(value: unknown): value is EngineRequest {
  if (value === null || typeof value !== 'object') return false;
  const r = value as Partial<EngineRequest>;
  const s = r.snapshot as Partial<EngineRequest['snapshot']> | undefined;
  return (
    r.type === 'clean' && Number.isInteger(r.id) && Array.isArray(r.keep) && typeof r.keptEverything === 'boolean' &&
    typeof s === 'object' && s !== null && typeof s.url === 'string' && typeof s.baseUrl === 'string' &&
    typeof s.contentType === 'string' && typeof s.markup === 'string' && (s.dir === null || s.dir === 'ltr' || s.dir === 'rtl')
  );
}

const ready: EngineReady = { type: 'ready', token };

addEventListener('message', (event: MessageEvent<unknown>) => {
  // Only the extension page that opened this one asks. engine.html is web-accessible (Chromium loads no other
  // extension page in a frame inside a web page, as the reader frame is), so a page could open it too, and the
  // page around the reader could post here: neither is the extension's origin.
  if (event.source !== parent || event.origin !== location.origin) return;
  if ((event.data as { type?: unknown } | null)?.type === 'hello') {
    parent.postMessage(ready, '*');
    return;
  }
  if (!isRequest(event.data)) return;
  const request = event.data;
  const reply: EngineReply = { type: 'cleaned', id: request.id, token, reply: cleanSnapshot(window, request) };
  parent.postMessage(reply, '*');
});

// The parent may not hear this (the popup's frame is in its HTML and can load before the popup's script
// listens): it says hello then, and hears it again.
parent.postMessage(ready, '*');
