/**
 * The background of the test-only builds (dist/chrome-test, dist/firefox-test; scripts/build.mjs):
 * the real one, plus the handlers that commands.onCommand and contextMenus.onClicked call, on the
 * global, because automation can press neither a keyboard shortcut nor a context menu item.
 * Never part of dist/chrome or dist/firefox.
 */
import './index.ts';
import { autoOpenLog } from './auto-open.ts';
import { runCommand, runMenuItem } from './commands.ts';

Object.assign(globalThis, { readOnce: { runCommand, runMenuItem, autoOpenLog } });
