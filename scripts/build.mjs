#!/usr/bin/env node
// @ts-check
/**
 * Builds the extension: bundles every entry with esbuild and writes one folder per target.
 *
 *   node scripts/build.mjs                 dist/chrome, dist/firefox and dist/chrome-test (for e2e)
 *   node scripts/build.mjs firefox-test    also (or only) a named target, e.g. the test-only variant
 *
 * Browser differences live in TARGETS and nowhere else: a manifest overlay and the
 * __READONCE_BROWSER__ constant that src/platform/quirks.ts reads.
 */
import { build as esbuild } from 'esbuild';
import { cp, mkdir, readFile, rm, writeFile } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Extension ids stay fixed so storage survives reinstalls in Firefox. */
const GECKO = {
  id: 'readonce@readonce.app',
  strict_min_version: '142.0',
  data_collection_permissions: { required: ['none'] },
};

/**
 * The parts of manifest.json a target changes.
 * @typedef {{
 *   background: { service_worker?: string, scripts?: string[] },
 *   web_accessible_resources?: { resources: string[], matches: string[], use_dynamic_url?: boolean }[],
 *   sandbox?: { pages: string[] },
 *   content_security_policy: { extension_pages: string, sandbox?: string },
 *   browser_specific_settings?: { gecko: typeof GECKO },
 *   host_permissions?: string[],
 *   version?: string,
 * }} Manifest
 */

/**
 * @typedef {object} Target
 * @property {'chrome' | 'firefox'} browser  whose code paths the bundles carry (__READONCE_BROWSER__)
 * @property {string} outdir  relative to the repository
 * @property {Partial<Record<keyof typeof ENTRIES, string>>} [entries]  entry points that differ from ENTRIES
 * @property {(manifest: Manifest) => void} manifest  changes the shared manifest for this target
 */

/**
 * Each target: the browser its code is built for, where it goes, and how its manifest differs from the
 * shared manifest.json. Add a target here (e.g. a packaging or lint variant) and nothing else changes.
 * @type {Record<string, Target>}
 */
export const TARGETS = {
  chrome: {
    browser: 'chrome',
    outdir: 'dist/chrome',
    manifest(m) {
      // Chromium runs the service worker; "scripts" only earns a developer-mode warning there.
      delete m.background.scripts;
    },
  },
  /**
   * For automation only: the Chrome build whose background also puts the command and menu handlers on its
   * global (src/background/test-hooks.ts), since automation can press neither a shortcut nor a menu item.
   */
  'chrome-test': {
    browser: 'chrome',
    outdir: 'dist/chrome-test',
    entries: { background: 'src/background/test-hooks.ts' },
    manifest(m) {
      TARGETS.chrome?.manifest(m);
    },
  },
  /**
   * For the auto-open e2e test only: headless Chromium shows the optional-permission prompt but automation cannot
   * answer it, so this build is granted the one test host (localhost) up front, as the reader's "Allow" would.
   */
  'chrome-site-test': {
    browser: 'chrome',
    outdir: 'dist/chrome-site-test',
    entries: { background: 'src/background/test-hooks.ts' },
    manifest(m) {
      TARGETS.chrome?.manifest(m);
      m.host_permissions = ['http://localhost/*'];
    },
  },
  firefox: {
    browser: 'firefox',
    outdir: 'dist/firefox',
    manifest(m) {
      // Firefox runs background.scripts as an event page; it does not support service workers yet.
      delete m.background.service_worker;
      m.browser_specific_settings = { gecko: GECKO };
      // Firefox has no use_dynamic_url (Firefox ESR 153's manifest schema lacks it: an unknown key earns a
      // manifest warning). Its moz-extension:// host is a random UUID per installation instead.
      for (const entry of m.web_accessible_resources ?? []) delete entry.use_dynamic_url;
      // Firefox has no sandboxed extension pages (an unknown key earns a lint warning): engine.html is a plain
      // extension page there, where parsing the page's markup reports nothing (src/engine-page/index.ts).
      delete m.sandbox;
      delete m.content_security_policy.sandbox;
    },
  },
  /**
   * For automation only: headless Firefox cannot grant activeTab, so the test server's host is granted; and
   * the background exposes its command handlers as the chrome-test build does.
   */
  'firefox-test': {
    browser: 'firefox',
    outdir: 'dist/firefox-test',
    entries: { background: 'src/background/test-hooks.ts' },
    manifest(m) {
      TARGETS.firefox?.manifest(m);
      m.host_permissions = ['http://127.0.0.1/*'];
    },
  },
};

/** What `npm run build` makes: the two store builds, and the Chrome build the e2e tests load. */
export const DEFAULT_TARGETS = ['chrome', 'firefox', 'chrome-test'];

const ENTRIES = {
  background: 'src/background/index.ts',
  content: 'src/content/index.ts',
  popup: 'src/popup/index.ts',
  options: 'src/options/index.ts',
  reader: 'src/reader-page/index.ts',
  engine: 'src/engine-page/index.ts',
};

/**
 * Copied as they are: [source, destination inside the target folder].
 * @type {[string, string][]}
 */
const STATIC_FILES = [
  ['src/popup/popup.html', 'popup.html'],
  ['src/popup/popup.css', 'popup.css'],
  ['src/options/options.html', 'options.html'],
  ['src/options/options.css', 'options.css'],
  ['src/reader/article.css', 'article.css'],
  ['src/reader-page/reader.html', 'reader.html'],
  ['src/engine-page/engine.html', 'engine.html'],
  ['src/content/ask-snapshot.js', 'ask-snapshot.js'],
  ['src/reader/reader.css', 'reader.css'],
  ['icons', 'icons'],
  ['_locales', '_locales'],
];

/**
 * @param {string} name  a key of TARGETS
 * @param {string} version  from package.json
 * @returns {Promise<string>} the output folder
 */
async function buildTarget(name, version) {
  const target = TARGETS[name];
  if (!target) throw new Error(`Unknown target "${name}". Known: ${Object.keys(TARGETS).join(', ')}`);
  const outdir = join(ROOT, target.outdir);
  await rm(outdir, { recursive: true, force: true });
  await mkdir(outdir, { recursive: true });

  await esbuild({
    entryPoints: Object.fromEntries(Object.entries({ ...ENTRIES, ...target.entries }).map(([out, src]) => [out, join(ROOT, src)])),
    outdir,
    bundle: true,
    format: 'iife',
    platform: 'browser',
    target: ['chrome120', 'firefox142'],
    // Readable bundles: store reviewers read them, and there is no remote code to hide.
    minify: false,
    sourcemap: false,
    legalComments: 'eof',
    charset: 'utf8',
    define: { __READONCE_BROWSER__: JSON.stringify(target.browser) },
    logLevel: 'warning',
  });

  for (const [from, to] of STATIC_FILES) await cp(join(ROOT, from), join(outdir, to), { recursive: true });

  const manifest = JSON.parse(await readFile(join(ROOT, 'manifest.json'), 'utf8'));
  manifest.version = version;
  target.manifest(manifest);
  await writeFile(join(outdir, 'manifest.json'), JSON.stringify(manifest, null, 2) + '\n');
  return outdir;
}

/**
 * Builds the named targets; returns their output folders by name.
 * @param {string[]} [names]
 * @returns {Promise<Record<string, string>>}
 */
export async function build(names = DEFAULT_TARGETS) {
  const { version } = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8'));
  /** @type {Record<string, string>} */
  const out = {};
  for (const name of names) out[name] = await buildTarget(name, version);
  return out;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const names = process.argv.slice(2);
  const started = Date.now();
  const out = await build(names.length > 0 ? names : DEFAULT_TARGETS);
  for (const [name, dir] of Object.entries(out)) console.log(`built ${name} -> ${dir.replace(ROOT + '/', '')}`);
  console.log(`in ${Date.now() - started} ms`);
}
