/**
 * Every message between the extension's parts, typed in one place. Type names say the direction:
 * PopupToContent is what the popup asks the content script, BackgroundToContent what the service
 * worker asks it (keyboard command, context menu), ReaderFrameToContent what the reader frame asks it,
 * ToEngine what the popup and the reader frame ask the engine's own document (src/engine-page).
 * The content script answers with ContentReplies, the engine with EngineReply.
 *
 * The content script is called, not messaged: scripting.executeScript runs a one-line function in its
 * world that hands it the request and returns its answer. So the content script uses no extension API
 * at all, and a page that clobbers `chrome` or `browser` in that world (`<form name="chrome"><input
 * name="runtime">` does, in Chromium) cannot cut it off.
 *
 * The page's tab only takes a snapshot of its markup (src/content/snapshot.ts) and hands it over in parts;
 * the clean runs in the engine's document, off the page's main thread (src/platform/read-page.ts).
 */
import type { CleanResult, RemovalCategory } from '../core/types.ts';
import type { Runtime } from 'webextension-polyfill';
import { browser } from './browser.ts';
import { CONTENT_HANDLER_KEY } from './content-handler-key.ts';

/** Why there is no article to show, in the reader's terms. Each has its own message. */
export type PageProblem =
  | 'restricted' // a browser page or an add-on store: extensions may not read it
  | 'no-access' // the page was not opened with a click on ReadOnce (activeTab not granted)
  | 'loading' // the document is still being parsed
  | 'no-article' // ReadOnceError 'no-article'
  | 'too-large' // ReadOnceError 'too-large'
  | 'empty-input' // ReadOnceError 'empty-input'
  | 'timeout' // no answer within ANSWER_TIME_LIMIT_MS: the page is too slow to read
  | 'failed'; // anything else: the detail says what

/** How long the popup and the reader wait for the page's answer before they say it took too long. */
export const ANSWER_TIME_LIMIT_MS = 10_000;

export interface ArticleReply {
  ok: true;
  result: CleanResult;
  /** The page was text/plain and went through cleanText. */
  fromPlainText: boolean;
  /** The site is on the reader's keep-everything list, so nothing was removed. */
  keptEverything: boolean;
  /** The page's address: what the reading memory remembers it by. */
  url: string;
  /** The direction the page set for itself (src/content/page-direction.ts, read with the snapshot); null when it set none. */
  dir: 'ltr' | 'rtl' | null;
}

export interface ProblemReply {
  ok: false;
  problem: PageProblem;
  detail?: string;
  /** For 'no-article': the page's whole text, offered instead. */
  pageText?: string;
}

export type CleanReply = ArticleReply | ProblemReply;

/**
 * The page as the content script serialised it: its markup as it stands after the page's scripts ran (open
 * shadow roots as declarative templates), or, for a text/plain page, its text. Sent in parts (of at most
 * SNAPSHOT_PART_CHARS, src/content/snapshot.ts): a runtime message has a size limit (64 MiB in Chromium), and
 * each part is one short task on the page's main thread.
 */
export interface PageSnapshot {
  /** Names the snapshot when its other parts are asked for. */
  id: string;
  /** The page's address (location.href): what the reading memory remembers it by. */
  url: string;
  /** What the page's relative links resolve against (document.baseURI: its <base>, else its address). */
  baseUrl: string;
  /** document.contentType: 'text/plain' is read as scraped text. */
  contentType: string;
  /** The direction the live page set for itself (src/content/page-direction.ts): the parsed copy has no style to ask. */
  dir: 'ltr' | 'rtl' | null;
  /** How many parts the markup was cut into, and its length in UTF-16 code units. */
  parts: number;
  length: number;
  /** Elements in the page (its shadow roots not counted). */
  elements: number;
}

export type SnapshotReply = { ok: true; snapshot: PageSnapshot; part: string } | ProblemReply;
export type SnapshotPartReply = { ok: true; part: string } | ProblemReply;

export type ReaderAction = 'open' | 'close' | 'toggle';

export interface ReaderReply {
  /** Whether reader mode is on after the request. */
  open: boolean;
  /** A hidden frame was opened to judge the page (ReaderFrameRef.pending); its verdict comes later. */
  pending?: boolean;
}

/**
 * What a keyboard command or the context menu item did (src/background): reader mode's state, or why the
 * page could not be reached or did not answer (the reader sees the same reason on the toolbar button).
 */
export type ReaderOutcome = ({ ok: true } & ReaderReply) | ProblemReply;

/** What the content script needs to open the reader frame, which it cannot look up itself. */
export interface ReaderFrameRef {
  /** reader.html's address (per session in Chromium: use_dynamic_url). */
  url: string;
  /** The frame's accessible name. */
  label: string;
  /**
   * Open reader mode only if the page is an article (src/background/auto-open.ts): the frame opens hidden,
   * reads and judges the page, and sends its verdict ('reader-verdict'). Nothing is done if reader mode is open.
   */
  pending?: boolean;
}

/** The first part comes with the snapshot; `snapshot-part` asks for the others, by index (1 to parts - 1). */
export type SnapshotRequest = { type: 'snapshot' } | { type: 'snapshot-part'; id: string; index: number };
export type PopupToContent = SnapshotRequest | { type: 'reader'; action: 'open'; frame: ReaderFrameRef };
export type BackgroundToContent = { type: 'reader'; action: ReaderAction; frame: ReaderFrameRef };
/**
 * What the reader frame (reader.html, an extension page in a frame over the article) asks the content
 * script that opened it: the page's snapshot and its parts, or to be closed; a hidden frame, whether the page
 * is an article (show it) or not (close it). `session` names the frame, so a stale frame gets nothing. Sent by
 * the frame to the background, which passes it to the top frame of the sender's tab only.
 */
export type ReaderFrameToContent =
  | { type: 'reader-snapshot'; session: string }
  | { type: 'reader-snapshot-part'; session: string; id: string; index: number }
  | { type: 'reader-verdict'; session: string; article: boolean }
  | { type: 'reader-close'; session: string };
export type ToContent = PopupToContent | BackgroundToContent | ReaderFrameToContent;

export interface ContentReplies {
  snapshot: SnapshotReply;
  'snapshot-part': SnapshotPartReply;
  reader: ReaderReply;
  /** null when the frame is not the one open (a stale or foreign session). */
  'reader-snapshot': SnapshotReply | null;
  'reader-snapshot-part': SnapshotPartReply | null;
  /** null when the frame is not the hidden one open. */
  'reader-verdict': ReaderReply | null;
  'reader-close': ReaderReply;
}
export type ContentReplyTo<M extends ToContent> = ContentReplies[M['type']];


/** Asks the content script in the tab's top frame (inject it first: injectContentScript). */
export async function askContent<M extends ToContent>(tabId: number, message: M): Promise<ContentReplyTo<M>> {
  const [injection] = await browser.scripting.executeScript({
    target: { tabId, frameIds: [0] },
    injectImmediately: true,
    // Serialised and run in the content script's world: it may use nothing from this module.
    func: ((key: string, request: unknown) => {
      const handler = (globalThis as unknown as Record<symbol, unknown>)[Symbol.for(key)];
      return typeof handler === 'function' ? (handler as (r: unknown) => unknown)(request) : null;
    }) as () => void,
    args: [CONTENT_HANDLER_KEY, message],
  });
  const reply = injection?.result as ContentReplyTo<M> | null | undefined;
  if (reply === undefined || (reply === null && !(message.type.startsWith('reader-snapshot') || message.type === 'reader-verdict'))) {
    throw new Error('ReadOnce is not running in this page; open it again.');
  }
  return reply as ContentReplyTo<M>;
}

function isReaderFrameMessage(value: unknown): value is ReaderFrameToContent {
  if (value === null || typeof value !== 'object') return false;
  const message = value as { type?: unknown; session?: unknown; id?: unknown; index?: unknown; article?: unknown };
  if (typeof message.session !== 'string') return false;
  if (message.type === 'reader-snapshot-part') return typeof message.id === 'string' && Number.isInteger(message.index);
  if (message.type === 'reader-verdict') return typeof message.article === 'boolean';
  return message.type === 'reader-close' || message.type === 'reader-snapshot';
}

/** The page the reader frame shows, as the manifest's web_accessible_resources lists it. */
export const READER_PAGE = 'reader.html';

/** In the reader frame: ask the content script of the tab the frame is in (through the background). */
export async function askReaderHost<M extends ReaderFrameToContent>(message: M): Promise<ContentReplyTo<M>> {
  return (await browser.runtime.sendMessage(message)) as ContentReplyTo<M>;
}

/**
 * In the background: pass the reader frame's requests to the content script of the frame's tab, top frame
 * only. Only reader.html of this extension is listened to; content scripts and other pages are not.
 * `onVerdict` hears what became of a hidden frame's verdict: shown as reader mode, or closed.
 */
export function relayReaderFrameRequests(onVerdict?: (tabId: number, shown: boolean) => void): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    if (!isReaderFrameMessage(message)) return undefined;
    const tabId = sender.tab?.id;
    if (sender.id !== browser.runtime.id || tabId === undefined || !isReaderPageUrl(sender.url)) return undefined;
    const reply = askContent(tabId, message);
    if (message.type === 'reader-verdict' && onVerdict) {
      void reply.then((done) => done && onVerdict(tabId, (done as ReaderReply).open), () => undefined);
    }
    return reply;
  });
}

function isReaderPageUrl(url: string | undefined): boolean {
  if (!url) return false;
  try {
    const parsed = new URL(url);
    // Chromium's use_dynamic_url gives the frame another host than runtime.id: check scheme and path.
    return /^(chrome|moz)-extension:$/.test(parsed.protocol) && parsed.pathname === '/' + READER_PAGE;
  } catch {
    return false;
  }
}

/**
 * What the popup and the reader frame ask the engine's document (engine.html, src/engine-page): clean this
 * snapshot. `keep` lists the removal kinds the reader leaves undone (all of them on a site they keep whole).
 * Nothing else of the settings goes there: in the reader, that document sits in a frame the page could
 * navigate to one of its own.
 */
export interface EngineRequest {
  type: 'clean';
  /** Names the answer. */
  id: number;
  snapshot: Pick<PageSnapshot, 'url' | 'baseUrl' | 'contentType' | 'dir'> & { markup: string };
  keep: RemovalCategory[];
  keptEverything: boolean;
}
/** Asks the engine's document whether it is listening (it may have loaded before its host could hear it say so). */
export interface EngineHello {
  type: 'hello';
}
export type ToEngine = EngineRequest | EngineHello;

/** The engine's answer to request `id`, signed with the token its document was opened with. */
export interface EngineReply {
  type: 'cleaned';
  id: number;
  token: string;
  reply: CleanReply;
}

/** The engine's document is listening: said once it has loaded, and again to each hello. */
export interface EngineReady {
  type: 'ready';
  token: string;
}
export type FromEngine = EngineReply | EngineReady;
