/**
 * Every message between the extension's parts, typed in one place. Type names say the direction:
 * PopupToContent is what the popup asks the content script, BackgroundToContent what the service
 * worker asks it (keyboard command, context menu). The content script answers with ContentReplies.
 */
import type { CleanResult } from '../core/types.ts';
import { browser } from './browser.ts';

/** Why there is no article to show, in the reader's terms. Each has its own message. */
export type PageProblem =
  | 'restricted' // a browser page or an add-on store: extensions may not read it
  | 'no-access' // the page was not opened with a click on ReadOnce (activeTab not granted)
  | 'loading' // the document is still being parsed
  | 'no-article' // ReadOnceError 'no-article'
  | 'too-large' // ReadOnceError 'too-large'
  | 'empty-input' // ReadOnceError 'empty-input'
  | 'failed'; // anything else: the detail says what

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
export type ToContent = PopupToContent | BackgroundToContent;

export interface ContentReplies {
  clean: CleanReply;
  reader: ReaderReply;
}
export type ContentReplyTo<M extends ToContent> = ContentReplies[M['type']];

export async function askContent<M extends ToContent>(tabId: number, message: M): Promise<ContentReplyTo<M>> {
  return (await browser.tabs.sendMessage(tabId, message)) as ContentReplyTo<M>;
}

function isToContent(value: unknown): value is ToContent {
  if (value === null || typeof value !== 'object') return false;
  const message = value as { type?: unknown; action?: unknown };
  if (message.type === 'clean') return true;
  return message.type === 'reader' && ['open', 'close', 'toggle'].includes(message.action as string);
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
