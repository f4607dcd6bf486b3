/**
 * Every message between the extension's parts, typed in one place. Type names say the direction:
 * PopupToContent is what the popup asks the content script, BackgroundToContent what the service
 * worker asks it (keyboard command, context menu). The content script answers with ContentReplies.
 */
import type { CleanResult } from '../core/types.ts';
import type { Runtime } from 'webextension-polyfill';
import { browser } from './browser.ts';

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
}

export interface ProblemReply {
  ok: false;
  problem: PageProblem;
  detail?: string;
  /** For 'no-article': the page's whole text, offered instead. */
  pageText?: string;
}

export type CleanReply = ArticleReply | ProblemReply;

export type ReaderAction = 'open' | 'close' | 'toggle';

export interface ReaderReply {
  /** Whether reader mode is on after the request. */
  open: boolean;
}

export type PopupToContent = { type: 'clean' } | { type: 'reader'; action: 'open' };
export type BackgroundToContent = { type: 'reader'; action: ReaderAction };
/**
 * What the reader frame (reader.html, an extension page in a frame over the article) asks the content
 * script that opened it: the article, or to be closed. `session` names the frame, so a stale frame
 * gets nothing. Sent by the frame to the background, which relays it to its tab's top frame only.
 */
export type ReaderFrameToContent = { type: 'reader-content'; session: string } | { type: 'reader-close'; session: string };
export type ToContent = PopupToContent | BackgroundToContent | ReaderFrameToContent;

export interface ContentReplies {
  clean: CleanReply;
  reader: ReaderReply;
  /** null when the frame is not the one open (a stale or foreign session). */
  'reader-content': CleanReply | null;
  'reader-close': ReaderReply;
}
export type ContentReplyTo<M extends ToContent> = ContentReplies[M['type']];

export async function askContent<M extends ToContent>(tabId: number, message: M): Promise<ContentReplyTo<M>> {
  return (await browser.tabs.sendMessage(tabId, message)) as ContentReplyTo<M>;
}

function isToContent(value: unknown): value is ToContent {
  if (value === null || typeof value !== 'object') return false;
  const message = value as { type?: unknown; action?: unknown };
  if (message.type === 'clean') return true;
  if (message.type === 'reader-content' || message.type === 'reader-close') return isReaderFrameMessage(value);
  return message.type === 'reader' && ['open', 'close', 'toggle'].includes(message.action as string);
}

function isReaderFrameMessage(value: unknown): value is ReaderFrameToContent {
  if (value === null || typeof value !== 'object') return false;
  const message = value as { type?: unknown; session?: unknown };
  return (message.type === 'reader-content' || message.type === 'reader-close') && typeof message.session === 'string';
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
 */
export function relayReaderFrameRequests(): void {
  browser.runtime.onMessage.addListener((message: unknown, sender: Runtime.MessageSender) => {
    if (!isReaderFrameMessage(message)) return undefined;
    const tabId = sender.tab?.id;
    if (sender.id !== browser.runtime.id || tabId === undefined || !isReaderPageUrl(sender.url)) return undefined;
    return browser.tabs.sendMessage(tabId, message, { frameId: 0 });
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

export type ContentRequestHandler = (message: ToContent) => Promise<ContentReplies[keyof ContentReplies]>;

/** In the content script: answer requests from the popup and the background. */
export function answerContentRequests(handler: ContentRequestHandler): void {
  browser.runtime.onMessage.addListener((message: unknown) => {
    // Returning undefined leaves other listeners (none today) free to answer; a promise answers.
    if (!isToContent(message)) return undefined;
    return handler(message);
  });
}
