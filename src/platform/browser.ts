/** The one import of webextension-polyfill: every other module reaches the browser through src/platform. */
import browser from 'webextension-polyfill';

export { browser };
export type { Runtime, Tabs, Menus, Commands, Storage } from 'webextension-polyfill';
