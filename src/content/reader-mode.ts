/**
 * Reader mode on the page: opens the reader frame, answers its request for the page with a fresh snapshot
 * (which the frame cleans in the engine's document), and closes it on request (the frame's Esc and close
 * button, the shortcut, the toggle). Everything the reader shows and does happens in the frame's own
 * extension document.
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
    const open = action === 'toggle' ? !this.isOpen : action === 'open';
    if (open && !this.isOpen) this.open(frame);
    if (!open) this.close();
    return { open: this.isOpen };
  }

  private open(frame: ReaderFrameRef): void {
    this.session = newSession();
    this.frame.open(frame.url, this.session, frame.label);
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
