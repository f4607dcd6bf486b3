/**
 * Content script entry, injected by scripting.executeScript on a user gesture only (activeTab).
 * Injected again on every gesture, so it starts once per page and answers requests from then on.
 */
import { startContentScript } from './start.ts';

const flag = '__readOnceContentScript';
const world = globalThis as typeof globalThis & { [flag]?: true };
if (!world[flag]) {
  world[flag] = true;
  startContentScript(document);
}
