/**
 * Reader mode: the article over the page, in a closed shadow root on one host element appended to
 * <html>. Nothing else on the page is touched, so closing it leaves the DOM, the scroll position and
 * typed input exactly as they were. Page CSS cannot reach in (closed root, host styles inline and
 * !important) and page scripts get no handle on it (closed root; key and pointer events stop at it).
 */
import type { ArticleReply, ProblemReply } from '../platform/messages.ts';
import { t } from '../platform/i18n.ts';
import type { Settings } from '../platform/settings-schema.ts';
import { applyAppearance } from './appearance.ts';
import articleCss from './article.css';
import { renderArticle, renderPageText, showRemovalInPlace, type ArticleView } from './article-view.ts';
import { renderProblem } from './problem-view.ts';
import readerCss from './reader.css';
import { renderRemovals } from './removals-view.ts';
import { renderToolbar, type ReaderToolbar } from './reader-toolbar.ts';

export const HOST_TAG = 'readonce-reader';

export type OverlayContent = { kind: 'article'; reply: ArticleReply } | { kind: 'problem'; reply: ProblemReply };

export interface OverlayHandlers {
  onChange: (changes: Partial<Settings>) => void;
  onClose: () => void;
}

/** Events that must not reach the page's own listeners while the reader uses the overlay. */
const CONTAINED_EVENTS = [
  'keydown', 'keyup', 'keypress', 'input', 'beforeinput', 'change', 'click', 'dblclick', 'auxclick',
  'mousedown', 'mouseup', 'pointerdown', 'pointerup', 'touchstart', 'touchend', 'focusin', 'focusout', 'wheel',
] as const;

const HOST_STYLE: [string, string][] = [
  ['all', 'initial'],
  ['display', 'block'],
  ['position', 'fixed'],
  ['inset', '0'],
  ['width', '100vw'],
  ['height', '100vh'],
  ['margin', '0'],
  ['padding', '0'],
  ['border', '0'],
  ['z-index', '2147483647'],
  ['visibility', 'visible'],
  ['opacity', '1'],
  ['transform', 'none'],
  ['filter', 'none'],
  ['pointer-events', 'auto'],
  ['contain', 'strict'],
];

function adoptStyles(doc: Document, shadow: ShadowRoot, css: string): void {
  try {
    const view = doc.defaultView;
    if (!view) throw new Error('no window');
    const sheet = new view.CSSStyleSheet();
    sheet.replaceSync(css);
    shadow.adoptedStyleSheets = [sheet];
  } catch {
    // Older engines, or a content-script world that may not adopt the page's sheets: a <style> instead.
    const style = doc.createElement('style');
    style.textContent = css;
    shadow.append(style);
  }
}

export class ReaderOverlay {
  private host: HTMLElement | null = null;
  private root: HTMLElement | null = null;
  private toolbar: ReaderToolbar | null = null;
  private removals: HTMLElement | null = null;
  private saved: { x: number; y: number; focus: Element | null } | null = null;

  constructor(
    private readonly doc: Document,
    private readonly handlers: OverlayHandlers,
  ) {}

  get isOpen(): boolean {
    return this.host !== null;
  }

  private readonly onWindowKey = (event: KeyboardEvent): void => {
    // Only the reader's own key press: a page script can dispatch a synthetic Escape on window.
    if (event.key === 'Escape' && this.isOpen && event.isTrusted) {
      event.preventDefault();
      event.stopImmediatePropagation();
      this.handlers.onClose();
    }
  };

  open(content: OverlayContent, settings: Settings): void {
    if (this.isOpen) this.close();
    const doc = this.doc;
    const view = doc.defaultView;
    this.saved = { x: view?.scrollX ?? 0, y: view?.scrollY ?? 0, focus: doc.activeElement };

    const host = doc.createElement(HOST_TAG);
    for (const [name, value] of HOST_STYLE) host.style.setProperty(name, value, 'important');
    const shadow = host.attachShadow({ mode: 'closed' });
    adoptStyles(doc, shadow, articleCss + '\n' + readerCss);
    for (const type of CONTAINED_EVENTS) {
      shadow.addEventListener(type, (event) => {
        if (type === 'keydown') this.onKey(event as KeyboardEvent, shadow);
        event.stopPropagation();
      });
    }

    const root = doc.createElement('div');
    root.className = 'ro-root ro-reader';
    root.setAttribute('role', 'dialog');
    root.setAttribute('aria-modal', 'true');
    root.setAttribute('aria-label', t('readerLabel'));
    root.tabIndex = -1;
    applyAppearance(root, settings);

    const removedCount = content.kind === 'article' ? content.reply.result.removed.length : 0;
    this.toolbar = renderToolbar(doc, settings, removedCount, {
      onChange: this.handlers.onChange,
      onClose: this.handlers.onClose,
      onToggleRemoved: () => this.toggleRemovals(),
    });
    const page = doc.createElement('main');
    page.className = 'ro-page';
    root.append(this.toolbar.element, page);

    if (content.kind === 'article') this.fillArticle(page, content.reply);
    else this.fillProblem(page, content.reply);

    shadow.append(root);
    this.host = host;
    this.root = root;
    (doc.documentElement ?? doc.body).append(host);
    view?.addEventListener('keydown', this.onWindowKey, true);
    root.focus({ preventScroll: true });
  }

  private onKey(event: KeyboardEvent, shadow: ShadowRoot): void {
    if (event.key === 'Escape') {
      event.preventDefault();
      this.handlers.onClose();
      return;
    }
    if (event.key !== 'Tab' || !this.root) return;
    // A modal dialog: Tab cycles through the overlay's controls and never reaches the page behind it.
    const focusable = [...this.root.querySelectorAll<HTMLElement>('button:not([disabled]), select, a[href], [tabindex="0"]')].filter(
      (el) => el.getClientRects().length > 0,
    );
    const first = focusable[0];
    const last = focusable[focusable.length - 1];
    if (!first || !last) return;
    const active = shadow.activeElement;
    if (event.shiftKey && (active === first || active === this.root)) {
      event.preventDefault();
      last.focus();
    } else if (!event.shiftKey && active === last) {
      event.preventDefault();
      first.focus();
    }
  }

  private fillArticle(page: HTMLElement, reply: ArticleReply): void {
    const doc = this.doc;
    const notes: string[] = [];
    if (reply.keptEverything) notes.push(t('keptEverything'));
    if (reply.fromPlainText) notes.push(t('plainTextSource'));
    const view: ArticleView = renderArticle(doc, reply.result, notes);
    const shown = new Map<number, HTMLElement>();
    if (reply.result.removed.length > 0) {
      this.removals = renderRemovals(doc, reply.result.removed, (index, show) => {
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
      this.removals.hidden = true;
      page.append(this.removals);
    }
    page.append(view.element);
  }

  private fillProblem(page: HTMLElement, reply: ProblemReply): void {
    const doc = this.doc;
    page.append(
      renderProblem(doc, reply, {
        onShowPageText: () => {
          page.replaceChildren(renderPageText(doc, reply.pageText ?? ''));
        },
      }),
    );
  }

  private toggleRemovals(): void {
    if (!this.removals || !this.toolbar?.removedButton) return;
    const show = this.removals.hidden;
    this.removals.hidden = !show;
    this.toolbar.removedButton.setAttribute('aria-expanded', String(show));
    if (show) this.removals.scrollIntoView({ block: 'start' });
  }

  update(settings: Settings): void {
    if (!this.root || !this.toolbar) return;
    applyAppearance(this.root, settings);
    this.toolbar.update(settings);
  }

  close(): void {
    const host = this.host;
    if (!host) return;
    const view = this.doc.defaultView;
    view?.removeEventListener('keydown', this.onWindowKey, true);
    host.remove();
    this.host = null;
    this.root = null;
    this.toolbar = null;
    this.removals = null;
    const saved = this.saved;
    this.saved = null;
    if (!saved || !view) return;
    const focus = saved.focus;
    if (focus && focus !== this.doc.body && focus.isConnected && 'focus' in focus) {
      (focus as HTMLElement).focus({ preventScroll: true });
    }
    if (view.scrollX !== saved.x || view.scrollY !== saved.y) view.scrollTo(saved.x, saved.y);
  }
}
