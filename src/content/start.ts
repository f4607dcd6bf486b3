/**
 * The content script's answers: a clean for the popup, reader mode for the popup, command and menu, and
 * the article for the reader frame. Called through scripting.executeScript (src/platform/messages.ts
 * askContent), so nothing here touches an extension API: requests bring what they need (settings, the
 * reader page's address).
 */
import type { ContentReplies, ToContent } from '../platform/messages.ts';
import { parseSettings } from '../platform/settings-schema.ts';
import { cleanPage } from './clean-page.ts';
import { ReaderMode } from './reader-mode.ts';

export type ContentHandler = (request: unknown) => Promise<ContentReplies[keyof ContentReplies] | null>;

function isRequest(value: unknown): value is ToContent {
  if (value === null || typeof value !== 'object') return false;
  const message = value as { type?: unknown; action?: unknown; session?: unknown; frame?: unknown };
  switch (message.type) {
    case 'clean':
      return true;
    case 'reader':
      return ['open', 'close', 'toggle'].includes(message.action as string) && typeof message.frame === 'object' && message.frame !== null;
    case 'reader-content':
    case 'reader-close':
      return typeof message.session === 'string';
    default:
      return false;
  }
}

export function contentHandler(doc: Document): ContentHandler {
  const reader = new ReaderMode(doc);
  return async (request) => {
    if (!isRequest(request)) return null;
    switch (request.type) {
      case 'clean':
        // Validated again here: the content script trusts no shape it did not check.
        return cleanPage(doc, parseSettings(request.settings));
      case 'reader':
        return reader.run(request.action, request.frame);
      case 'reader-content':
        return reader.content(request.session, parseSettings(request.settings));
      case 'reader-close':
        return reader.closeFrom(request.session);
    }
  };
}
