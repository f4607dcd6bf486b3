/**
 * The reading memory in a view (the popup or reader mode): asks once (the popup only), folds what was read
 * before, and records the article once it has been read. Never on a keep-everything site, never before the
 * reader said yes; the background, which holds the memory, refuses private windows. Whatever fails here leaves
 * the article as it is.
 */
import { markRepeats, rememberedArticle } from '../core/memory/mark.ts';
import type { RepeatReport } from '../core/memory/types.ts';
import type { CleanResult } from '../core/types.ts';
import { t, uiLanguage } from '../platform/i18n.ts';
import { loadMemorySettings, saveMemorySettings } from '../platform/memory-settings.ts';
import { RemoteReadingMemory } from '../platform/memory-service.ts';
import type { ArticleView } from './article-view.ts';
import { foldRepeats, onlyWhatIsNew } from './fold-view.ts';
import { trackReading } from './reading-tracker.ts';

export interface MemoryHost {
  view: ArticleView;
  result: CleanResult;
  /** The page's address. */
  url: string;
  /** The tab the article is in, when the view is not in it (the popup): a private window's tab is never recorded. */
  tabId?: number;
  /** The site is on the keep-everything list: nothing removed, nothing folded, nothing recorded. */
  keptEverything: boolean;
  /** What the reader scrolls to read the article. */
  scroller: HTMLElement;
  /** The popup asks for consent; reader mode never does (the popup asks). */
  askConsent: boolean;
  /** Offers "Copy only what's new" when some of the article was read before. */
  offerCopyNew?: (onlyNew: () => { markdown: string; text: string }) => void;
}

export interface AttachedMemory {
  report: RepeatReport | null;
  /** Stops tracking (the view goes away). */
  stop(): void;
}

/** Never rejects: the article stays as it is when the memory cannot be used. */
export async function attachReadingMemory(host: MemoryHost): Promise<AttachedMemory> {
  const none: AttachedMemory = { report: null, stop: () => undefined };
  try {
    if (host.keptEverything || !/^https?:/u.test(host.url)) return none;
    const settings = await loadMemorySettings();
    if (settings.remember === 'off') return none;
    if (settings.remember === 'ask') {
      if (!host.askConsent || !(await askConsent(host.view))) return none;
    }
    return await fold(host);
  } catch (error) {
    console.warn('ReadOnce: the reading memory is unavailable', error);
    return none;
  }
}

async function fold(host: MemoryHost): Promise<AttachedMemory> {
  const store = new RemoteReadingMemory(host.tabId);
  const doc = host.view.body.ownerDocument;
  const now = Date.now();
  const report = await markRepeats(host.result, store, host.url);
  if (store.message) host.view.body.before(Object.assign(doc.createElement('p'), { className: 'ro-note', textContent: t('memoryReset') }));
  if (report.repeats.length > 0) {
    foldRepeats(host.view, report, now, uiLanguage());
    host.offerCopyNew?.(() => onlyWhatIsNew(doc, host.result, report));
  }
  const stop = trackReading(doc, host.scroller, () => void record(store, host));
  return { report, stop };
}

async function record(store: RemoteReadingMemory, host: MemoryHost): Promise<void> {
  try {
    // Asked again at the moment of recording: the reader may have turned it off in the meantime.
    if ((await loadMemorySettings()).remember !== 'on') return;
    await store.record(rememberedArticle(host.result, host.url, Date.now()));
    host.view.element.dataset.remembered = 'true';
  } catch (error) {
    console.warn('ReadOnce: could not remember this article', error);
  }
}

/** The question, asked once, above the article: resolves true on "Yes", false on "Not now". */
function askConsent(view: ArticleView): Promise<boolean> {
  const doc = view.body.ownerDocument;
  const box = doc.createElement('aside');
  box.className = 'ro-memory-consent';
  box.setAttribute('role', 'group');
  box.setAttribute('aria-label', t('memoryConsentLabel'));
  const question = Object.assign(doc.createElement('p'), { textContent: t('memoryConsent') });
  const yes = Object.assign(doc.createElement('button'), { type: 'button', className: 'ro-button ro-primary', textContent: t('memoryConsentYes') });
  const no = Object.assign(doc.createElement('button'), { type: 'button', className: 'ro-button', textContent: t('memoryConsentNo') });
  yes.id = 'memory-consent-yes';
  no.id = 'memory-consent-no';
  box.append(question, yes, ' ', no);
  view.element.before(box);
  return new Promise((resolve) => {
    const answer = (on: boolean) => {
      box.remove();
      void saveMemorySettings({ remember: on ? 'on' : 'off' }).then(() => resolve(on));
    };
    yes.addEventListener('click', () => answer(true));
    no.addEventListener('click', () => answer(false));
  });
}

/** The "Copy only what's new" button, for a view's toolbar. */
export function copyNewButton(doc: Document, onClick: () => void): HTMLButtonElement {
  const button = Object.assign(doc.createElement('button'), { type: 'button', className: 'ro-button', id: 'copy-new', textContent: t('copyNew') });
  button.addEventListener('click', onClick);
  return button;
}
