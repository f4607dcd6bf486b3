/** Stamped by scripts/build.mjs (esbuild `define`): the browser this bundle is built for. */
declare const __READONCE_BROWSER__: 'chrome' | 'firefox';
