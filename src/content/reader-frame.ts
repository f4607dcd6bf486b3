/**
 * The reader's one element in the page: an <iframe> of the extension's reader.html, appended to <html>
 * with inline !important styles. A plain element, so there is no custom-element name for a page to
 * register first; the document inside is the extension's, so page scripts and CSS cannot read, restyle,
 * click or listen to it (another origin), and can at most cover or remove the frame. Closing removes the
 * frame and gives back focus and scroll position, so the page is left exactly as it was.
 *
 * A frame opened by itself on a chosen site (src/background/auto-open.ts) starts hidden: it reads and judges the
 * page while the reader goes on with it (it takes neither focus nor clicks), and is shown only for an article.
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

/** What a hidden frame changes of FRAME_STYLE: nothing of it is seen, and clicks go through it to the page. */
const HIDDEN_STYLE: [string, string][] = [
  ['visibility', 'hidden'],
  ['pointer-events', 'none'],
];

export class ReaderFrame {
  private frame: HTMLIFrameElement | null = null;
  private hidden = false;
  private saved: { x: number; y: number; focus: Element | null } | null = null;

  constructor(private readonly doc: Document) {}

  /** False too once the page took the frame out: the toggle then opens a fresh one instead of "closing" it. */
  get isOpen(): boolean {
    if (this.frame && !this.frame.isConnected) this.close();
    return this.frame !== null;
  }

  /** Whether the open frame is still hidden (opened by itself, not yet judged an article). */
  get isHidden(): boolean {
    return this.isOpen && this.hidden;
  }

  /**
   * Opens reader.html (at `url`) for `session` (the frame sends it back, so only this frame is answered).
   * `hidden`: to judge the page first (reader.html?pending tells the document so); show() shows it.
   */
  open(url: string, session: string, label: string, hidden = false): void {
    if (this.frame) this.close();
    const frame = this.doc.createElement('iframe');
    for (const [name, value] of FRAME_STYLE) frame.style.setProperty(name, value, 'important');
    if (hidden) for (const [name, value] of HIDDEN_STYLE) frame.style.setProperty(name, value, 'important');
    frame.setAttribute('title', label);
    frame.setAttribute('referrerpolicy', 'no-referrer');
    frame.src = `${url}${hidden ? '?pending' : ''}#${encodeURIComponent(session)}`;
    this.frame = frame;
    this.hidden = hidden;
    // A hidden frame saves nothing: the reader goes on with the page meanwhile, and closing it gives nothing back.
    if (!hidden) this.save();
    (this.doc.documentElement ?? this.doc.body).append(frame);
    // Keys go where focus is: into the reader at once, not to the page under it.
    if (!hidden) frame.focus({ preventScroll: true });
  }

  /** Shows a hidden frame: from here on it is reader mode as opened by a click. */
  show(): void {
    const frame = this.frame;
    if (!frame || !this.hidden) return;
    this.hidden = false;
    this.save();
    for (const [name, value] of FRAME_STYLE) frame.style.setProperty(name, value, 'important');
    frame.focus({ preventScroll: true });
  }

  /** Focus into the frame again once its document is ready to take it (not while it is hidden). */
  focus(): void {
    if (!this.hidden) this.frame?.focus({ preventScroll: true });
  }

  /** Where the reader was in the page, given back on close. */
  private save(): void {
    const view = this.doc.defaultView;
    this.saved = { x: view?.scrollX ?? 0, y: view?.scrollY ?? 0, focus: this.doc.activeElement };
  }

  close(): void {
    const frame = this.frame;
    if (!frame) return;
    this.frame = null;
    this.hidden = false;
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
