/**
 * The engine's document (engine.html, src/engine-page) in a hidden frame of the popup or the reader frame:
 * the clean runs there, in the extension's process (in Chromium a sandboxed process of its own), never on the
 * page's main thread. Requests go by postMessage; an answer counts only when it comes from that frame and
 * carries the token the frame was opened with. In the reader, the page around could navigate the frame to a
 * document of its own, which would not know the token; nothing can navigate the popup's frames, so the popup's
 * is in its HTML, where it starts loading before the popup's script has even been read, without one.
 */
import { extensionUrl } from './extension-url.ts';
import type { CleanReply, EngineHello, EngineRequest, FromEngine } from './messages.ts';

export const ENGINE_PAGE = 'engine.html';

function randomToken(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}

function isFromEngine(value: unknown): value is FromEngine {
  if (value === null || typeof value !== 'object') return false;
  const r = value as Partial<FromEngine>;
  if (typeof r.token !== 'string') return false;
  if (r.type === 'ready') return true;
  return r.type === 'cleaned' && Number.isInteger(r.id) && typeof r.reply === 'object' && r.reply !== null;
}

export class EngineFrame {
  private readonly ready: Promise<void>;
  private isReady: () => void = () => undefined;
  private readonly waiting = new Map<number, (reply: CleanReply) => void>();
  private lastId = 0;

  /** The engine document in `frame`, opened with `token` (its address's fragment). */
  private constructor(
    private readonly frame: HTMLIFrameElement,
    private readonly token: string,
  ) {
    this.ready = new Promise((done) => (this.isReady = done));
    frame.ownerDocument.defaultView?.addEventListener('message', (event) => this.receive(event));
    const hello: EngineHello = { type: 'hello' };
    frame.contentWindow?.postMessage(hello, '*');
  }

  /** Opens a frame of its own in `doc` at once, so that it loads while the page is read (the reader frame). */
  static open(doc: Document): EngineFrame {
    const token = randomToken();
    const frame = doc.createElement('iframe');
    frame.hidden = true;
    frame.setAttribute('aria-hidden', 'true');
    frame.tabIndex = -1;
    frame.src = `${extensionUrl(ENGINE_PAGE)}#${token}`;
    (doc.body ?? doc.documentElement).append(frame);
    return new EngineFrame(frame, token);
  }

  /** The frame of engine.html that an extension page no web page can reach holds in its HTML (the popup). */
  static inFrame(frame: HTMLIFrameElement): EngineFrame {
    return new EngineFrame(frame, '');
  }

  /** The engine's answer for `request`. */
  async clean(request: Omit<EngineRequest, 'type' | 'id'>): Promise<CleanReply> {
    await this.ready;
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
    const data = event.data;
    if (event.source !== this.frame.contentWindow || !isFromEngine(data) || data.token !== this.token) return;
    if (data.type === 'ready') {
      this.isReady();
      return;
    }
    const done = this.waiting.get(data.id);
    this.waiting.delete(data.id);
    done?.(data.reply);
  }
}
