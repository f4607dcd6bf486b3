/**
 * The popup: reads the page at once (the click granted activeTab), shows the clean article with its
 * removals, and offers reader mode, copying and the options.
 */
import { markdownOf } from '../core/markdown-of.ts';
import type { CleanResult } from '../core/types.ts';
import { EngineFrame } from '../platform/engine-frame.ts';
import { readerFrameRef } from '../platform/extension-url.ts';
import { localise, t, uiLanguage } from '../platform/i18n.ts';
import { ANSWER_TIME_LIMIT_MS, askContent, type ArticleReply, type CleanReply, type ProblemReply, type SnapshotReply } from '../platform/messages.ts';
import { requiredElement } from '../platform/page-elements.ts';
import { readPage } from '../platform/read-page.ts';
import { loadSettings } from '../platform/settings.ts';
import type { Settings } from '../platform/settings-schema.ts';
import { isRestrictedUrl, openOptionsPage, problemFromInjectionError, snapshotTab, targetTab, type TabRef } from '../platform/tabs.ts';
import { applyAppearance } from '../reader/appearance.ts';
import { renderArticle, renderPageText, showRemovalInPlace } from '../reader/article-view.ts';
import { applyArticleDirection } from '../reader/direction.ts';
import { articleAsText } from '../reader/format.ts';
import { forbidRemoteLoads, resultWithoutImages } from '../reader/images.ts';
import { renderProblem } from '../reader/problem-view.ts';
import { renderRemovals } from '../reader/removals-view.ts';
import { attachReadingMemory, copyNewButton } from '../reader/reading-memory.ts';
import { articleLanguage } from '../reader/listen/language.ts';
import { renderListenControls } from '../reader/listen/listen-controls.ts';
import { readableSegments } from '../reader/listen/segments.ts';
import { withTimeLimit } from '../reader/time-limit.ts';
import { attachAutoOpenToggle } from './auto-open-toggle.ts';
import { copyToClipboard } from './clipboard.ts';
import { ANSWER_MARK, READ_MARK } from '../platform/read-marks.ts';

const LOADING_RETRY_MS = 400;
const LOADING_GIVE_UP_MS = 20_000;

interface PopupElements {
  root: HTMLElement;
  content: HTMLElement;
  status: HTMLElement;
  openReader: HTMLButtonElement;
  copyMarkdown: HTMLButtonElement;
  copyText: HTMLButtonElement;
  openOptions: HTMLButtonElement;
  settings: Settings;
  /** Where the clean runs: the engine's document, in a hidden frame of the popup. */
  engine: EngineFrame;
}

export async function startPopup(doc: Document, search: string): Promise<void> {
  localise(doc);
  const ui: PopupElements = {
    root: requiredElement(doc, 'root'),
    content: requiredElement(doc, 'content'),
    status: requiredElement(doc, 'status'),
    openReader: requiredElement(doc, 'open-reader'),
    copyMarkdown: requiredElement(doc, 'copy-markdown'),
    copyText: requiredElement(doc, 'copy-text'),
    openOptions: requiredElement(doc, 'open-options'),
    settings: await loadSettings(),
    engine: EngineFrame.inFrame(requiredElement(doc, 'engine')),
  };
  ui.openOptions.addEventListener('click', () => void openOptionsPage().then(() => window.close()));
  applyAppearance(ui.root, ui.settings, false);
  if (!ui.settings.loadImages) forbidRemoteLoads(doc);

  let tab: TabRef | null;
  try {
    tab = await targetTab(search);
  } catch (error) {
    showProblem(ui, { ok: false, problem: 'failed', detail: error instanceof Error ? error.message : String(error) });
    return;
  }
  if (!tab) {
    showProblem(ui, { ok: false, problem: 'restricted' });
    return;
  }
  void attachAutoOpenToggle(requiredElement<HTMLInputElement>(doc, 'auto-open'), tab, ui.status);
  await readTab(ui, tab, Date.now());
}

async function readTab(ui: PopupElements, tab: TabRef, startedAt: number): Promise<void> {
  ui.status.textContent = t('reading');
  ui.content.setAttribute('aria-busy', 'true');
  performance.mark(READ_MARK);
  // A page too slow to serialise or to clean gets "took too long", not a silent wait.
  const reply = await withTimeLimit(cleanTab(ui, tab), ANSWER_TIME_LIMIT_MS);
  performance.mark(ANSWER_MARK);
  ui.content.removeAttribute('aria-busy');
  ui.status.textContent = '';
  if (reply.ok) {
    showArticle(ui, tab, reply);
    return;
  }
  showProblem(ui, reply, () => void readTab(ui, tab, Date.now()));
  if (reply.problem === 'loading' && Date.now() - startedAt < LOADING_GIVE_UP_MS) {
    setTimeout(() => void readTab(ui, tab, startedAt), LOADING_RETRY_MS);
  }
}

async function cleanTab(ui: PopupElements, tab: TabRef): Promise<CleanReply> {
  if (tab.url && isRestrictedUrl(tab.url)) return { ok: false, problem: 'restricted' };
  let first: SnapshotReply;
  try {
    first = await snapshotTab(tab.id);
  } catch (error) {
    return { ok: false, ...problemFromInjectionError(error) };
  }
  try {
    const source = {
      snapshot: async () => first,
      part: (id: string, index: number) => askContent(tab.id, { type: 'snapshot-part', id, index }),
    };
    return (await readPage(source, ui.engine, ui.settings)) ?? { ok: false, problem: 'failed', detail: 'the page gave no snapshot' };
  } catch (error) {
    return { ok: false, problem: 'failed', detail: error instanceof Error ? error.message : String(error) };
  }
}

function showProblem(ui: PopupElements, reply: ProblemReply, retry?: () => void): void {
  const doc = ui.content.ownerDocument;
  const box = renderProblem(doc, reply, {
    onShowPageText: () => {
      ui.content.replaceChildren(renderPageText(doc, reply.pageText ?? ''));
      ui.copyText.disabled = false;
      ui.copyText.onclick = () => void copy(ui, reply.pageText ?? '');
      ui.content.focus();
    },
    ...(retry ? { onRetry: retry } : {}),
  });
  ui.content.replaceChildren(box);
}

function showArticle(ui: PopupElements, tab: TabRef, reply: ArticleReply): void {
  const doc = ui.content.ownerDocument;
  const result: CleanResult = ui.settings.loadImages ? reply.result : resultWithoutImages(reply.result);
  const notes: string[] = [];
  if (reply.keptEverything) notes.push(t('keptEverything'));
  if (reply.fromPlainText) notes.push(t('plainTextSource'));
  const view = renderArticle(doc, result, notes);
  applyArticleDirection(view.element, reply.dir, result.lang);

  const removedButton = doc.createElement('button');
  removedButton.type = 'button';
  removedButton.id = 'removed-toggle';
  removedButton.className = 'ro-button ro-removed-toggle';
  removedButton.textContent = result.removed.length > 0 ? t('removedCount', String(result.removed.length)) : t('removedNone');
  removedButton.disabled = result.removed.length === 0;
  removedButton.setAttribute('aria-expanded', 'false');
  view.element.querySelector('.ro-header')?.append(removedButton);

  const shown = new Map<number, HTMLElement>();
  const panel = renderRemovals(doc, result.removed, (index, show) => {
    const removal = result.removed[index];
    if (!removal) return;
    if (show) {
      const marker = showRemovalInPlace(view, removal, index);
      shown.set(index, marker);
      marker.scrollIntoView({ block: 'center' });
    } else {
      shown.get(index)?.remove();
      shown.delete(index);
    }
  });
  panel.id = 'removed-panel';
  panel.hidden = true;
  removedButton.setAttribute('aria-controls', panel.id);
  removedButton.addEventListener('click', () => {
    panel.hidden = !panel.hidden;
    removedButton.setAttribute('aria-expanded', String(!panel.hidden));
    if (!panel.hidden) panel.scrollIntoView({ block: 'nearest' });
  });
  view.element.querySelector('.ro-header')?.after(panel);

  ui.content.replaceChildren(view.element);
  ui.content.scrollTop = 0;
  doc.title = `${result.title} · ${t('extName')}`;

  ui.openReader.disabled = false;
  ui.copyMarkdown.disabled = false;
  ui.copyText.disabled = false;
  ui.openReader.onclick = () => void openReader(ui, tab);
  ui.copyMarkdown.onclick = () => void copy(ui, markdownOf(result, doc));
  ui.copyText.onclick = () => void copy(ui, articleAsText(result));
  const listen = renderListenControls(doc, {
    segments: () => readableSegments(view, result),
    lang: articleLanguage(result.lang, result.title + ' ' + (result.blocks[0]?.text ?? ''), uiLanguage()),
    scroller: ui.content,
    buttonClass: 'ro-button',
    panel: 'when-listening',
    speech: globalThis.speechSynthesis,
  });
  ui.copyText.after(listen.button);
  ui.status.before(listen.panel);
  // Reading aloud stops when the popup goes.
  doc.defaultView?.addEventListener('pagehide', () => listen.stop());
  void attachReadingMemory({
    view, result, url: reply.url, tabId: tab.id, keptEverything: reply.keptEverything, scroller: ui.content, askConsent: true,
    offerCopyNew: (onlyNew) => ui.copyText.after(copyNewButton(doc, () => void copy(ui, onlyNew().markdown))),
  });
}

async function openReader(ui: PopupElements, tab: TabRef): Promise<void> {
  try {
    await askContent(tab.id, { type: 'reader', action: 'open', frame: readerFrameRef() });
    window.close();
  } catch (error) {
    ui.status.textContent = t('problemFailed', error instanceof Error ? error.message : String(error));
  }
}

async function copy(ui: PopupElements, text: string): Promise<void> {
  ui.status.textContent = (await copyToClipboard(ui.root.ownerDocument, text)) ? t('copied') : t('copyFailed');
}
