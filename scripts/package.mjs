#!/usr/bin/env node
/**
 * The two store packages, from fresh builds:
 *
 *   npm run package                 dist/readonce-firefox-<version>.zip  (addons.mozilla.org, via web-ext build)
 *                                   dist/readonce-chrome-<version>.zip   (Chrome Web Store, dist/chrome zipped)
 *   node scripts/package.mjs --out-dir DIR   the same, written to DIR
 *   node scripts/package.mjs --no-build      packages dist/chrome and dist/firefox as they are (building
 *                                            only a missing one), so tests leave other runs' builds alone
 *
 * Each zip holds what the extension loads and nothing else: the build writes no source maps and no
 * tests, and the check below refuses a package that would carry any, or sources, or dotfiles.
 * The Firefox build must also pass `web-ext lint` without errors.
 */
import { existsSync } from 'node:fs';
import { mkdir, readdir, readFile, rm } from 'node:fs/promises';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import webExt from 'web-ext';
import zipDir from 'zip-dir';
import { build, TARGETS } from './build.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');

/** Never in a store package: source maps, sources, tests, editor and OS litter. */
const FORBIDDEN = [/\.map$/, /\.tsx?$/, /\.test\./, /(^|\/)(e2e|test|tests|node_modules|src)\//, /(^|\/)\./, /\.zip$/, /\.xpi$/];

async function listFiles(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => relative(dir, join(entry.parentPath ?? entry.path, entry.name)).split(sep).join('/'))
    .sort();
}

/** Throws when a built folder holds anything a store package must not carry. */
async function checkContents(dir) {
  const files = await listFiles(dir);
  const bad = files.filter((file) => FORBIDDEN.some((pattern) => pattern.test(file)));
  if (bad.length > 0) throw new Error(`${relative(ROOT, dir)} holds files a store package must not carry:\n  ${bad.join('\n  ')}`);
  if (!files.includes('manifest.json')) throw new Error(`${relative(ROOT, dir)} has no manifest.json`);
  return files;
}

async function lintFirefox(dir) {
  const report = await webExt.cmd.lint(
    { sourceDir: dir, output: 'none', boring: true, metadata: false, pretty: false, selfHosted: false, warningsAsErrors: false },
    { shouldExitProgram: false },
  );
  for (const m of report.errors) console.error(`lint error ${m.code} ${m.file ?? ''}:${m.line ?? ''} ${m.message}`);
  if (report.errors.length > 0) throw new Error(`web-ext lint found ${report.errors.length} error(s) in ${relative(ROOT, dir)}`);
  return report;
}

async function packageFirefox(dir, outDir, version) {
  const filename = `readonce-firefox-${version}.zip`;
  // web-ext build: the packager AMO documents; it also applies its default ignores (dotfiles, archives).
  await webExt.cmd.build(
    { sourceDir: dir, artifactsDir: outDir, filename, overwriteDest: true },
    { showReadyMessage: false, shouldExitProgram: false },
  );
  return join(outDir, filename);
}

async function packageChrome(dir, outDir, version) {
  const file = join(outDir, `readonce-chrome-${version}.zip`);
  await rm(file, { force: true });
  // The Chrome Web Store wants manifest.json at the zip's root: zip the folder's contents.
  await zipDir(dir, { saveTo: file });
  return file;
}

const STORE_TARGETS = ['chrome', 'firefox'];

/** The store builds' folders: built afresh, or (fresh: false) as they are unless missing. */
async function storeBuilds(fresh) {
  if (fresh) return build(STORE_TARGETS);
  const missing = STORE_TARGETS.filter((name) => !existsSync(join(ROOT, TARGETS[name].outdir, 'manifest.json')));
  if (missing.length > 0) await build(missing);
  return Object.fromEntries(STORE_TARGETS.map((name) => [name, join(ROOT, TARGETS[name].outdir)]));
}

/** Builds chrome and firefox, checks them, writes both zips to `outDir`; returns their paths. */
export async function packageExtension(outDir = join(ROOT, 'dist'), { fresh = true } = {}) {
  const { version } = JSON.parse(await readFile(join(ROOT, 'package.json'), 'utf8'));
  const built = await storeBuilds(fresh);
  await mkdir(outDir, { recursive: true });
  const [chromeFiles, firefoxFiles] = [await checkContents(built.chrome), await checkContents(built.firefox)];
  const lint = await lintFirefox(built.firefox);
  const firefox = await packageFirefox(built.firefox, outDir, version);
  const chrome = await packageChrome(built.chrome, outDir, version);
  return { chrome, firefox, chromeFiles, firefoxFiles, lintWarnings: lint.warnings.length };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const at = process.argv.indexOf('--out-dir');
  const outDir = at > 0 && process.argv[at + 1] ? resolve(process.argv[at + 1]) : undefined;
  const started = Date.now();
  const out = await packageExtension(outDir, { fresh: !process.argv.includes('--no-build') });
  console.log(`firefox: ${relative(ROOT, out.firefox)} (${out.firefoxFiles.length} files; web-ext lint: 0 errors, ${out.lintWarnings} warnings)`);
  console.log(`chrome:  ${relative(ROOT, out.chrome)} (${out.chromeFiles.length} files)`);
  console.log(`in ${Date.now() - started} ms`);
}
