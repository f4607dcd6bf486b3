/**
 * The key (for Symbol.for) under which content.js puts its request handler on its world's global. Its own
 * module, free of extension APIs, because the content script imports it too.
 */
export const CONTENT_HANDLER_KEY = 'readonce.contentScript';
