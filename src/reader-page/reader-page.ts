/**
 * Reader mode's document: an extension page (reader.html) in a frame over the article. It asks the
 * content script that opened it for the page's snapshot, through the extension's messaging (never the page's
 * DOM), has the engine's document clean it in a frame of its own (src/platform/read-page.ts), shows the article
 * with its toolbar, saves typography changes, and asks to be closed on Esc or the close button. Being another
 * origin, nothing here is reachable from the page: not the DOM, styles, keys, selection or clipboard events.
 *
 * `pending`: the frame was opened hidden on a site the reader always reads in reader mode. It judges the clean
 * page (src/reader/article-check.ts): an article is shown as usual and the frame asks to be shown; anything else
 * (no article, a front page, a problem) is not shown at all, and the frame asks to be closed.
 */
import { EngineFrame } from '../platform/engine-frame.ts';
import { localise, t, uiLanguage } from '../platform/i18n.ts';
import { ANSWER_TIME_LIMIT_MS, askReaderHost, type ArticleReply, type CleanReply, type ProblemReply } from '../platform/messages.ts';
import { requiredElement } from '../platform/page-elements.ts';
import { readPage, type SnapshotSource } from '../platform/read-page.ts';
import { loadSettings, saveSettings, watchSettings } from '../platform/settings.ts';
import type { Settings } from '../platform/settings-schema.ts';
import { applyAppearance } from '../reader/appearance.ts';
import { looksLikeArticle } from '../reader/article-check.ts';
import { renderArticle, renderPageText, showRemovalInPlace, type ArticleView } from '../reader/article-view.ts';
import { applyArticleDirection } from '../reader/direction.ts';
import { forbidRemoteLoads, resultWithoutImages } from '../reader/images.ts';
import { renderProblem } from '../reader/problem-view.ts';
import { renderRemovals } from '../reader/removals-view.ts';
import { renderToolbar, type ReaderToolbar } from '../reader/reader-toolbar.ts';
import { attachReadingMemory } from '../reader/reading-memory.ts';
import { articleLanguage } from '../reader/listen/language.ts';
import { renderListenControls, type ListenControls } from '../reader/listen/listen-controls.ts';
import { readableSegments } from '../reader/listen/segments.ts';
import { withTimeLimit } from '../reader/time-limit.ts';

export async function startReaderPage(doc: Document, session: string, pending = false): Promise<void> {
  localise(doc);
  const root = requiredElement(doc, 'root');
  const page = requiredElement(doc, 'page');
  // Opened first, so that the engine's document loads while the page is read.
  const engine = EngineFrame.open(doc);
  let settings = await loadSettings();
  applyAppearance(root, settings);
  if (!settings.loadImages) forbidRemoteLoads(doc);

  let listen: ListenControls | null = null;
  const close = () => {
    // Reading aloud stops with reader mode, before the frame goes.
    listen?.stop();
    void askReaderHost({ type: 'reader-close', session }).catch(() => undefined);
  };
  doc.defaultView?.addEventListener('pagehide', () => listen?.stop());
  // Keys work from the start, so Esc leaves while a slow page is still being read.
  let escapePressed = false;
  doc.addEventListener('keydown', (event) => {
    if (event.key === 'Escape') escapePressed = true;
    if (listen?.handleKey(event)) return;
    onKey(event, root);
  });
  // Closed when Esc is released, not pressed: the frame then goes away after the whole key press reached it,
  // so the release does not land on the page as a stray keyup.
  doc.addEventListener('keyup', (event) => {
    if (event.key !== 'Escape' || !escapePressed) return;
    escapePressed = false;
    event.preventDefault();
    close();
  });
  // Hidden, it takes no focus: the reader is on the page meanwhile.
  if (!pending) root.focus({ preventScroll: true });
  const host: SnapshotSource = {
    snapshot: () => askReaderHost({ type: 'reader-snapshot', session }),
    part: (id, index) => askReaderHost({ type: 'reader-snapshot-part', session, id, index }),
  };
  const reply: CleanReply =
    (await withTimeLimit(readPage(host, engine, settings), ANSWER_TIME_LIMIT_MS).catch(
      (error: unknown): ProblemReply => ({ ok: false, problem: 'failed', detail: error instanceof Error ? error.message : String(error) }),
    )) ?? { ok: false, problem: 'failed', detail: t('readerStale') };
  if (pending && !(reply.ok && looksLikeArticle(reply.url, reply.result))) {
    await askReaderHost({ type: 'reader-verdict', session, article: false }).catch(() => undefined);
    return;
  }

  let removals: HTMLElement | null = null;
  const toolbar: ReaderToolbar = renderToolbar(doc, settings, reply.ok ? reply.result.removed.length : 0, {
    onChange: (changes) => void change(changes),
    onClose: close,
    onToggleRemoved: () => toggleRemovals(),
  });
  const change = async (changes: Partial<Settings>) => {
    // Show the change at once; storage confirms it (and tells other tabs) a moment later.
    show({ ...settings, ...changes });
    show(await saveSettings(changes));
  };
  const show = (next: Settings) => {
    settings = next;
    applyAppearance(root, next);
    toolbar.update(next);
  };
  const toggleRemovals = () => {
    if (!removals || !toolbar.removedButton) return;
    const open = removals.hidden;
    removals.hidden = !open;
    toolbar.removedButton.setAttribute('aria-expanded', String(open));
    if (open) removals.scrollIntoView({ block: 'start' });
  };

  root.insertBefore(toolbar.element, page);
  if (reply.ok) {
    const shown = fillArticle(doc, page, settings.loadImages ? reply : { ...reply, result: resultWithoutImages(reply.result) });
    removals = shown.removals;
    listen = listenInToolbar(doc, toolbar, shown.view, reply);
  } else fillProblem(doc, page, reply);
  watchSettings(show);
  // Shown only now, with the article in place: the content script then focuses the frame.
  if (pending) await askReaderHost({ type: 'reader-verdict', session, article: true }).catch(() => undefined);
  // Again: the content script focuses the frame once it answered, which leaves the frame's body focused.
  root.focus({ preventScroll: true });
}

/** The Listen control at the start of the toolbar, reading the article shown in `view`. */
function listenInToolbar(doc: Document, toolbar: ReaderToolbar, view: ArticleView, reply: ArticleReply): ListenControls {
  const scroller = requiredElement(doc, 'root');
  const listen = renderListenControls(doc, {
    segments: () => readableSegments(view, reply.result),
    lang: articleLanguage(reply.result.lang, reply.result.title + ' ' + (reply.result.blocks[0]?.text ?? ''), uiLanguage()),
    scroller,
    buttonClass: 'ro-tool',
    panel: 'always',
    speech: globalThis.speechSynthesis,
  });
  toolbar.element.prepend(listen.button, listen.panel);
  return listen;
}

function fillArticle(doc: Document, page: HTMLElement, reply: ArticleReply): { removals: HTMLElement | null; view: ArticleView } {
  const notes: string[] = [];
  if (reply.keptEverything) notes.push(t('keptEverything'));
  if (reply.fromPlainText) notes.push(t('plainTextSource'));
  const view: ArticleView = renderArticle(doc, reply.result, notes);
  applyArticleDirection(view.element, reply.dir, reply.result.lang);
  let removals: HTMLElement | null = null;
  const shown = new Map<number, HTMLElement>();
  if (reply.result.removed.length > 0) {
    removals = renderRemovals(doc, reply.result.removed, (index, show) => {
      const removal = reply.result.removed[index];
      if (!removal) return;
      if (show) {
        const marker = showRemovalInPlace(view, removal, index);
        shown.set(index, marker);
        marker.scrollIntoView({ block: 'center', behavior: 'smooth' });
      } else {
        shown.get(index)?.remove();
        shown.delete(index);
      }
    });
    removals.hidden = true;
  }
  page.replaceChildren(...(removals ? [removals] : []), view.element);
  const scroller = page.closest<HTMLElement>('#root') ?? page;
  void attachReadingMemory({ view, result: reply.result, url: reply.url, keptEverything: reply.keptEverything, scroller, askConsent: false });
  return { removals, view };
}

function fillProblem(doc: Document, page: HTMLElement, reply: ProblemReply): void {
  page.replaceChildren(
    renderProblem(doc, reply, {
      onShowPageText: () => page.replaceChildren(renderPageText(doc, reply.pageText ?? '')),
    }),
  );
}

/** Tab cycles through the reader's controls (a modal dialog), never out to the page around the frame. */
function onKey(event: KeyboardEvent, root: HTMLElement): void {
  if (event.key === 'Escape') {
    event.preventDefault();
    return;
  }
  if (event.key !== 'Tab') return;
  const focusable = [...root.querySelectorAll<HTMLElement>('button:not([disabled]), select, a[href], [tabindex="0"]')].filter(
    (el) => el.getClientRects().length > 0,
  );
  const first = focusable[0];
  const last = focusable[focusable.length - 1];
  if (!first || !last) return;
  const active = root.ownerDocument.activeElement;
  if (event.shiftKey && (active === first || active === root || !root.contains(active))) {
    event.preventDefault();
    last.focus();
  } else if (!event.shiftKey && (active === last || !root.contains(active))) {
    event.preventDefault();
    first.focus();
  }
}
