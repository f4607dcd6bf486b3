// Injected right after content.js in the same scripting.executeScript call (src/platform/tabs.ts snapshotTab):
// asks the handler content.js installed for the page's snapshot. A file's last expression is what the call
// answers, and the browser waits for a promise, so one call injects and reads: one trip to the page's main
// thread instead of two. The key is CONTENT_HANDLER_KEY (src/platform/content-handler-key.ts; a unit test
// holds them equal).
globalThis[Symbol.for('readonce.contentScript')]({ type: 'snapshot' });
