/**
 * The engine's document (engine.html, src/engine-page) in a hidden frame of the popup or the reader frame:
 * the clean runs there, in the extension's process, never on the page's main thread. Requests go by
 * postMessage; an answer counts only when it comes from that frame and carries the token the frame was opened
 * with. (In the reader, the page around could navigate the frame to a document of its own: that document
 * would not know the token.)
 */
import { extensionUrl } from './extension-url.ts';
import type { CleanReply, EngineReply, EngineRequest } from './messages.ts';

export const ENGINE_PAGE = 'engine.html';

function randomToken(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function isReply(value: unknown): value is EngineReply {
  if (value === null || typeof value !== 'object') return false;
  const r = value as Partial<EngineReply>;
  return r.type === 'cleaned' && Number.isInteger(r.id) && typeof r.token === 'string' && typeof r.reply === 'object' && r.reply !== null;
}

export class EngineFrame {
  private readonly frame: HTMLIFrameElement;
  private readonly token = randomToken();
  private readonly loaded: Promise<void>;
  private readonly waiting = new Map<number, (reply: CleanReply) => void>();
  private lastId = 0;

  /** Opens the frame at once, so that it loads while the page is read. */
  constructor(doc: Document) {
    const frame = doc.createElement('iframe');
    frame.hidden = true;
    frame.setAttribute('aria-hidden', 'true');
    frame.tabIndex = -1;
    frame.src = `${extensionUrl(ENGINE_PAGE)}#${this.token}`;
    this.loaded = new Promise((done) => frame.addEventListener('load', () => done(), { once: true }));
    doc.defaultView?.addEventListener('message', (event) => this.receive(event));
    (doc.body ?? doc.documentElement).append(frame);
    this.frame = frame;
  }

  /** The engine's answer for `request`. */
  async clean(request: Omit<EngineRequest, 'type' | 'id'>): Promise<CleanReply> {
    await this.loaded;
    const target = this.frame.contentWindow;
    if (!target) return { ok: false, problem: 'failed', detail: "the engine's frame is gone" };
    const id = ++this.lastId;
    const answer = new Promise<CleanReply>((done) => this.waiting.set(id, done));
    const message: EngineRequest = { type: 'clean', id, ...request };
    // Its origin is opaque in Chromium (a sandboxed page), so no origin can be named; the token authenticates.
    target.postMessage(message, '*');
    return answer;
  }

  private receive(event: MessageEvent<unknown>): void {
    if (event.source !== this.frame.contentWindow || !isReply(event.data) || event.data.token !== this.token) return;
    const done = this.waiting.get(event.data.id);
    this.waiting.delete(event.data.id);
    done?.(event.data.reply);
  }
}
