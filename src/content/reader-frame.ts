/**
 * The reader's one element in the page: an <iframe> of the extension's reader.html, appended to <html>
 * with inline !important styles. A plain element, so there is no custom-element name for a page to
 * register first; the document inside is the extension's, so page scripts and CSS cannot read, restyle,
 * click or listen to it (another origin), and can at most cover or remove the frame. Closing removes the
 * frame and gives back focus and scroll position, so the page is left exactly as it was.
 */

const FRAME_STYLE: [string, string][] = [
  ['all', 'initial'],
  ['display', 'block'],
  ['position', 'fixed'],
  ['inset', '0'],
  ['width', '100vw'],
  ['height', '100vh'],
  ['max-width', 'none'],
  ['max-height', 'none'],
  ['margin', '0'],
  ['padding', '0'],
  ['border', '0'],
  ['z-index', '2147483647'],
  ['visibility', 'visible'],
  ['opacity', '1'],
  ['transform', 'none'],
  ['filter', 'none'],
  ['clip-path', 'none'],
  ['pointer-events', 'auto'],
  ['color-scheme', 'normal'],
  ['background', 'transparent'],
];

export class ReaderFrame {
  private frame: HTMLIFrameElement | null = null;
  private saved: { x: number; y: number; focus: Element | null } | null = null;

  constructor(private readonly doc: Document) {}

  /** False too once the page took the frame out: the toggle then opens a fresh one instead of "closing" it. */
  get isOpen(): boolean {
    if (this.frame && !this.frame.isConnected) this.close();
    return this.frame !== null;
  }

  /** Opens reader.html (at `url`) for `session` (the frame sends it back, so only this frame is answered). */
  open(url: string, session: string, label: string): void {
    if (this.frame) this.close();
    const doc = this.doc;
    const view = doc.defaultView;
    this.saved = { x: view?.scrollX ?? 0, y: view?.scrollY ?? 0, focus: doc.activeElement };
    const frame = doc.createElement('iframe');
    for (const [name, value] of FRAME_STYLE) frame.style.setProperty(name, value, 'important');
    frame.setAttribute('title', label);
    frame.setAttribute('referrerpolicy', 'no-referrer');
    frame.src = `${url}#${encodeURIComponent(session)}`;
    this.frame = frame;
    (doc.documentElement ?? doc.body).append(frame);
    // Keys go where focus is: into the reader at once, not to the page under it.
    frame.focus({ preventScroll: true });
  }

  /** Focus into the frame again once its document is ready to take it. */
  focus(): void {
    this.frame?.focus({ preventScroll: true });
  }

  close(): void {
    const frame = this.frame;
    if (!frame) return;
    this.frame = null;
    frame.remove();
    const saved = this.saved;
    this.saved = null;
    const view = this.doc.defaultView;
    if (!saved || !view) return;
    const focus = saved.focus;
    if (focus && focus !== this.doc.body && focus.isConnected && 'focus' in focus) {
      (focus as HTMLElement).focus({ preventScroll: true });
    } else if (this.doc.activeElement === null || this.doc.activeElement === this.doc.body) {
      view.focus();
    }
    if (view.scrollX !== saved.x || view.scrollY !== saved.y) view.scrollTo(saved.x, saved.y);
  }
}
