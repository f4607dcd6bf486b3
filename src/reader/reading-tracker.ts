/**
 * When an article counts as read, so the memory may record it: after the reader has stayed on it for a while
 * (DWELL_MS with the page visible) or has scrolled through a good part of it. A popup opened for a second,
 * or left in a background tab, records nothing.
 */

/** Seen long enough to have read the opening paragraphs. */
export const DWELL_MS = 20_000;
/** Scrolled this far through the article (share of what can be scrolled), after at least MIN_SCROLL_MS. */
export const SCROLLED_SHARE = 0.5;
const MIN_SCROLL_MS = 2_000;
const TICK_MS = 1_000;

export interface ReadingTrackerOptions {
  dwellMs?: number;
  scrolledShare?: number;
  /** The clock, in ms; the document's performance.now() by default. */
  now?: () => number;
}

/**
 * Calls `onRead` once, when the article in `scroller` has been read. Returns a function that stops tracking.
 * `doc` gives the visibility; time counts only while it is visible.
 */
export function trackReading(doc: Document, scroller: HTMLElement, onRead: () => void, options: ReadingTrackerOptions = {}): () => void {
  const win = doc.defaultView!;
  const dwellMs = options.dwellMs ?? DWELL_MS;
  const share = options.scrolledShare ?? SCROLLED_SHARE;
  const now = options.now ?? (() => win.performance.now());
  let seen = 0;
  let last = now();
  let scrolled = false;
  let finished = false;

  const tick = () => {
    const at = now();
    if (doc.visibilityState === 'visible') seen += at - last;
    last = at;
    if (seen >= dwellMs || (scrolled && seen >= MIN_SCROLL_MS)) finish(true);
  };
  const onScroll = () => {
    const room = scroller.scrollHeight - scroller.clientHeight;
    if (room > 0 && scroller.scrollTop / room >= share) scrolled = true;
    tick();
  };
  const onVisibility = () => tick();
  const timer = win.setInterval(tick, TICK_MS);
  // A document's scrolling element reports scroll events on the document, an element on itself.
  const target: EventTarget = scroller === doc.scrollingElement ? doc : scroller;
  target.addEventListener('scroll', onScroll, { passive: true });
  doc.addEventListener('visibilitychange', onVisibility);

  function finish(read: boolean): void {
    if (finished) return;
    finished = true;
    win.clearInterval(timer);
    target.removeEventListener('scroll', onScroll);
    doc.removeEventListener('visibilitychange', onVisibility);
    if (read) onRead();
  }
  return () => finish(false);
}
