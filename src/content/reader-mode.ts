/**
 * Reader mode on the page: opens the reader frame, answers its request for the page with a fresh snapshot
 * (which the frame cleans in the engine's document), and closes it on request (the frame's Esc and close
 * button, the shortcut, the toggle). Everything the reader shows and does happens in the frame's own
 * extension document.
 *
 * On a site the reader chose to always read in reader mode, the background opens the frame hidden
 * (ReaderFrameRef.pending): the frame reads the page as it always does, judges whether it is an article, and
 * says so (verdict): shown if it is, closed if not. So the judgement runs in the engine's document too; the
 * page's thread only takes the snapshot.
 */
import type { ReaderAction, ReaderFrameRef, ReaderReply, SnapshotReply } from '../platform/messages.ts';
import { dom } from './page-dom.ts';
import { ReaderFrame } from './reader-frame.ts';
import { takeSnapshot } from './snapshot.ts';

function newSession(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return [...bytes].map((b) => b.toString(16).padStart(2, '0')).join('');
}

/**
 * A hidden frame that has not given its verdict by then is closed: its reader.html answers within its own 10 s
 * limit (ANSWER_TIME_LIMIT_MS) once loaded, so only a frame that did not load in 10 s gets here. Shorter than
 * the background's wait for the verdict (VERDICT_LIMIT_MS, src/background/auto-open.ts), so a frame the
 * background gave up on is never shown later.
 */
const PENDING_LIMIT_MS = 20_000;

export class ReaderMode {
  private readonly frame: ReaderFrame;
  private session: string | null = null;

  constructor(private readonly doc: Document) {
    this.frame = new ReaderFrame(doc);
  }

  get isOpen(): boolean {
    return this.frame.isOpen;
  }

  run(action: ReaderAction, frame: ReaderFrameRef): ReaderReply {
    if (frame.pending) {
      // Reader mode already there (shown or being judged) is left as it is.
      if (action !== 'open' || this.isOpen) return { open: this.isOpen };
      this.open(frame, true);
      return { open: true, pending: true };
    }
    // A hidden frame is not reader mode yet: the shortcut or a click opens it for real, in a fresh frame.
    const shown = this.isOpen && !this.frame.isHidden;
    const open = action === 'toggle' ? !shown : action === 'open';
    if (open && !shown) this.open(frame, false);
    if (!open) this.close();
    return { open: this.isOpen };
  }

  private open(frame: ReaderFrameRef, hidden: boolean): void {
    const session = newSession();
    this.session = session;
    this.frame.open(frame.url, session, frame.label, hidden);
    if (hidden) {
      setTimeout(() => {
        if (this.session === session && this.frame.isHidden) this.close();
      }, PENDING_LIMIT_MS);
    } else {
      this.listenForEscape();
    }
  }

  /**
   * The hidden frame's judgement of the page: an article is shown as reader mode, anything else closed. null
   * when `session` is not the hidden frame open.
   */
  verdict(session: string, article: boolean): ReaderReply | null {
    if (!this.isSession(session) || !this.frame.isHidden) return null;
    if (!article) {
      this.close();
      return { open: false };
    }
    this.frame.show();
    this.listenForEscape();
    return { open: true };
  }

  /** Only while the reader is shown: a hidden frame leaves the page's keys alone. */
  private listenForEscape(): void {
    this.doc.defaultView?.addEventListener('keydown', this.onPageKey, true);
    this.doc.defaultView?.addEventListener('keyup', this.onPageKey, true);
  }

  /** Whether `session` names the frame that is open. */
  isSession(session: string): boolean {
    return this.isOpen && session === this.session;
  }

  /** The frame asks for the page once its document has loaded. */
  async snapshot(session: string): Promise<SnapshotReply | null> {
    if (!this.isSession(session)) return null;
    // The shortcut can come while the page is still arriving: read it once its document is complete.
    if (dom.readyState(this.doc) === 'loading') {
      await new Promise((done) => EventTarget.prototype.addEventListener.call(this.doc, 'DOMContentLoaded', done, { once: true }));
    }
    const reply = await takeSnapshot(this.doc);
    this.frame.focus();
    return reply;
  }

  closeFrom(session: string): ReaderReply {
    if (session === this.session) this.close();
    return { open: this.isOpen };
  }

  close(): void {
    this.session = null;
    this.doc.defaultView?.removeEventListener('keydown', this.onPageKey, true);
    this.doc.defaultView?.removeEventListener('keyup', this.onPageKey, true);
    this.frame.close();
  }

  /**
   * Esc reaches the frame when focus is in it (the usual case). This one catches it when the page has focus: on
   * its press, or on its release when focus went from the frame to the page in between, so that the frame, which
   * closes on the release, never heard it (measured: 3 presses in 8 in headless Chromium beside a busy core, the
   * frame taking focus for the keydown and losing it at once). Only a real key counts: a page script can
   * dispatch a synthetic Escape.
   */
  private readonly onPageKey = (event: KeyboardEvent): void => {
    if (event.key === 'Escape' && event.isTrusted && this.isOpen) {
      event.preventDefault();
      this.close();
    }
  };
}
