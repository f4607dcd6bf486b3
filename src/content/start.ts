/**
 * The content script's answers: the page's snapshot for the popup and the reader frame (src/content/snapshot.ts),
 * and reader mode for the popup, command and menu. Called through scripting.executeScript
 * (src/platform/messages.ts askContent), so nothing here touches an extension API: requests bring what they
 * need (the reader page's address). The clean itself runs in the engine's document, never here.
 */
import type { ContentReplies, ToContent } from '../platform/messages.ts';
import { ReaderMode } from './reader-mode.ts';
import { snapshotPart, takeSnapshot } from './snapshot.ts';

export type ContentHandler = (request: unknown) => Promise<ContentReplies[keyof ContentReplies] | null>;

const isPart = (message: { id?: unknown; index?: unknown }) => typeof message.id === 'string' && Number.isInteger(message.index);

function isRequest(value: unknown): value is ToContent {
  if (value === null || typeof value !== 'object') return false;
  const message = value as { type?: unknown; action?: unknown; session?: unknown; frame?: unknown; id?: unknown; index?: unknown; article?: unknown };
  switch (message.type) {
    case 'snapshot':
      return true;
    case 'snapshot-part':
      return isPart(message);
    case 'reader':
      return ['open', 'close', 'toggle'].includes(message.action as string) && typeof message.frame === 'object' && message.frame !== null;
    case 'reader-snapshot':
    case 'reader-close':
      return typeof message.session === 'string';
    case 'reader-snapshot-part':
      return typeof message.session === 'string' && isPart(message);
    case 'reader-verdict':
      return typeof message.session === 'string' && typeof message.article === 'boolean';
    default:
      return false;
  }
}

export function contentHandler(doc: Document): ContentHandler {
  const reader = new ReaderMode(doc);
  return async (request) => {
    // Validated here: the content script trusts no shape it did not check.
    if (!isRequest(request)) return null;
    switch (request.type) {
      case 'snapshot':
        return takeSnapshot(doc);
      case 'snapshot-part':
        return snapshotPart(request.id, request.index);
      case 'reader':
        return reader.run(request.action, request.frame);
      case 'reader-snapshot':
        return reader.snapshot(request.session);
      case 'reader-snapshot-part':
        return reader.isSession(request.session) ? snapshotPart(request.id, request.index) : null;
      case 'reader-verdict':
        return reader.verdict(request.session, request.article);
      case 'reader-close':
        return reader.closeFrom(request.session);
    }
  };
}
