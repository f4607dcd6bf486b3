/**
 * `npm run package` writes the two store zips with what the extension loads and nothing else:
 * manifest.json at the root, every file the build wrote, no source maps, sources or tests.
 */
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, relative, sep } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { promisify } from 'node:util';
import { ROOT } from './firefox/build-target.ts';
import { zipEntries, type ZipEntry } from './packaging/zip-entries.ts';
import { TEST_LIMIT } from './support/step.ts';

interface Manifest {
  version: string;
  background: { service_worker?: string; scripts?: string[] };
  browser_specific_settings?: { gecko?: { id?: string; data_collection_permissions?: unknown } };
  host_permissions?: string[];
  permissions?: string[];
  optional_host_permissions?: string[];
  web_accessible_resources?: { resources: string[]; matches: string[]; use_dynamic_url?: boolean }[];
  sandbox?: { pages: string[] };
  content_security_policy?: { extension_pages: string; sandbox?: string };
}

async function filesIn(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath, entry.name)).split(sep).join('/'))
    .sort();
}

const filesOf = (entries: ZipEntry[]) => entries.map((e) => e.name).filter((name) => !name.endsWith('/')).sort();

function manifestOf(entries: ZipEntry[]): Manifest {
  const entry = entries.find((e) => e.name === 'manifest.json');
  assert.ok(entry, 'manifest.json sits at the root of the zip');
  return JSON.parse(entry.read().toString('utf8')) as Manifest;
}

const NOT_FOR_STORES = /\.map$|\.tsx?$|\.test\.|(^|\/)(e2e|test|src|node_modules)\/|(^|\/)\./;

describe('npm run package', { timeout: 120_000 }, () => {
  let outDir: string;
  let version: string;

  before(async () => {
    outDir = await mkdtemp(join(tmpdir(), 'readonce-packages-'));
    // --no-build: package the builds `npm test` made, without rebuilding dist/chrome under other tests' feet.
    await promisify(execFile)(process.execPath, [join(ROOT, 'scripts/package.mjs'), '--no-build', '--out-dir', outDir], {
      cwd: ROOT,
      timeout: 100_000,
    });
    version = (JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
  });

  after(async () => {
    if (outDir) await rm(outDir, { recursive: true, force: true });
  });

  it('writes exactly the two store zips', TEST_LIMIT, async () => {
    assert.deepEqual((await readdir(outDir)).sort(), [`readonce-chrome-${version}.zip`, `readonce-firefox-${version}.zip`]);
  });

  for (const browser of ['chrome', 'firefox'] as const) {
    it(`the ${browser} zip holds the dist/${browser} build and nothing a store must not get`, TEST_LIMIT, async () => {
      const entries = await zipEntries(join(outDir, `readonce-${browser}-${version}.zip`));
      const files = filesOf(entries);
      assert.deepEqual(files, await filesIn(join(ROOT, 'dist', browser)));
      assert.deepEqual(files.filter((name) => NOT_FOR_STORES.test(name)), []);
      assert.equal(manifestOf(entries).version, version);
    });
  }

  it('the browser differences are in the manifests, and the store builds grant no hosts', TEST_LIMIT, async () => {
    const chrome = manifestOf(await zipEntries(join(outDir, `readonce-chrome-${version}.zip`)));
    const firefox = manifestOf(await zipEntries(join(outDir, `readonce-firefox-${version}.zip`)));
    assert.deepEqual(chrome.background, { service_worker: 'background.js' });
    assert.equal(chrome.browser_specific_settings, undefined);
    assert.deepEqual(firefox.background, { scripts: ['background.js'] });
    assert.equal(firefox.browser_specific_settings?.gecko?.id, 'readonce@readonce.app');
    assert.deepEqual(firefox.browser_specific_settings?.gecko?.data_collection_permissions, { required: ['none'] });
    // Only the firefox-test build (never packaged) may read 127.0.0.1 without a click.
    assert.equal(chrome.host_permissions, undefined);
    assert.equal(firefox.host_permissions, undefined);
    // The permissions the stores list: the same four as ever, and a site's origin asked for only when the reader
    // turns "Always use reader mode on this site" on.
    for (const manifest of [chrome, firefox]) {
      assert.deepEqual(manifest.permissions, ['activeTab', 'scripting', 'storage', 'contextMenus']);
      assert.deepEqual(manifest.optional_host_permissions, ['http://*/*', 'https://*/*']);
    }
    // Pages may frame reader.html (reader mode) and the engine's document it frames (Chromium loads no extension
    // page in a frame inside a web page unless it is web-accessible), nothing else; Chromium gives them a
    // per-session address.
    assert.deepEqual(chrome.web_accessible_resources, [{ resources: ['reader.html', 'engine.html'], matches: ['<all_urls>'], use_dynamic_url: true }]);
    assert.deepEqual(firefox.web_accessible_resources, [{ resources: ['reader.html', 'engine.html'], matches: ['<all_urls>'] }]);
    // Chromium: the engine's document is sandboxed (no extension API, nothing loads); Firefox has no sandboxed pages.
    assert.deepEqual(chrome.sandbox, { pages: ['engine.html'] });
    assert.match(chrome.content_security_policy?.sandbox ?? '', /^sandbox allow-scripts; default-src 'none'; /u);
    assert.equal(firefox.sandbox, undefined);
    assert.equal(firefox.content_security_policy?.sandbox, undefined);
  });

  it('the store builds carry no test hook: the command handlers are not on the background\'s global', TEST_LIMIT, async () => {
    for (const browser of ['chrome', 'firefox'] as const) {
      const entries = await zipEntries(join(outDir, `readonce-${browser}-${version}.zip`));
      const background = entries.find((e) => e.name === 'background.js')?.read().toString('utf8') ?? '';
      assert.match(background, /runCommand/, `${browser}: the handlers are in the bundle`);
      assert.doesNotMatch(background, /readOnce\s*:|globalThis\.readOnce|test-hooks/, `${browser}: no test hook`);
    }
  });
});
