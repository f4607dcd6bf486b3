/**
 * Content script entry, injected by scripting.executeScript on a user gesture only (activeTab).
 * Injected again on every gesture, so it starts once per page and answers requests from then on.
 *
 * The mark that it runs is a symbol-keyed property of this isolated world's global: an element's id
 * (`<div id="__readOnceContentScript">`) shows up as a named property of window and could fake a string
 * key, but can never shadow a symbol, and page scripts cannot reach this world's global object.
 */
import { startContentScript } from './start.ts';

const STARTED = Symbol.for('readonce.contentScript');
const world = globalThis as typeof globalThis & { [STARTED]?: true };
if (!Object.prototype.hasOwnProperty.call(world, STARTED)) {
  Object.defineProperty(world, STARTED, { value: true });
  startContentScript(document);
}
