/** The one import of webextension-polyfill: every other module reaches the browser through src/platform. */
import browser from 'webextension-polyfill';

export { browser };
