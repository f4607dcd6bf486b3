/**
 * Content script entry, injected by scripting.executeScript on a user gesture only (activeTab).
 * Injected again on every gesture, so it starts once per page; from then on the extension calls its
 * handler (src/platform/messages.ts askContent).
 *
 * The handler sits under a symbol on this isolated world's global. An element's id or name
 * (`<div id="__readOnceContentScript">`) shows up as a string-keyed property of window and could fake a
 * string key, but can never shadow a symbol, and page scripts cannot reach this world's global object.
 */
import { CONTENT_HANDLER_KEY } from '../platform/content-handler-key.ts';
import { contentHandler } from './start.ts';

const key = Symbol.for(CONTENT_HANDLER_KEY);
if (!Object.prototype.hasOwnProperty.call(globalThis, key)) {
  Object.defineProperty(globalThis, key, { value: contentHandler(document) });
}
