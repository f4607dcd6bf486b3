/**
 * `web-ext lint` (Mozilla's addons-linter, the same checks addons.mozilla.org runs on upload) on a
 * built Firefox folder, and the attribution of each warning to the module it comes from.
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import webExt, { type LintMessage, type LintResult } from 'web-ext';

export type { LintMessage, LintResult };

export async function lintFirefoxBuild(sourceDir: string): Promise<LintResult> {
  return webExt.cmd.lint(
    { sourceDir, output: 'none', boring: true, metadata: false, pretty: false, selfHosted: false, warningsAsErrors: false },
    { shouldExitProgram: false },
  );
}

/**
 * esbuild (unminified) opens each bundled module with a comment naming its source path, relative to the
 * working directory: `  // src/x.ts`, `  // node_modules/x/y.js`, or `  // ../../elsewhere/node_modules/x/y.js`
 * when node_modules is a symlink. Returns the path from node_modules/ (or src/) on, or null.
 */
function moduleOfMarker(text: string): string | null {
  const marker = /^\s*\/\/ (\S+)\s*$/.exec(text)?.[1];
  if (!marker) return null;
  const packageAt = marker.lastIndexOf('node_modules/');
  if (packageAt >= 0) return marker.slice(packageAt);
  return marker.startsWith('src/') ? marker : null;
}

export interface Attribution {
  /** The bundled module the flagged line belongs to, e.g. node_modules/dompurify/dist/purify.es.mjs. */
  module: string | null;
  /** The flagged line, whitespace squashed. */
  line: string;
}

const squash = (text: string) => text.replace(/\s+/g, ' ').trim();

/** Which source module of the bundle a linter message points into. */
export async function attribute(buildDir: string, message: LintMessage): Promise<Attribution> {
  if (!message.file || !message.line) return { module: null, line: '' };
  const lines = (await readFile(join(buildDir, message.file), 'utf8')).split('\n');
  const flagged = squash(lines[message.line - 1] ?? '');
  for (let i = message.line - 1; i >= 0; i--) {
    const module = moduleOfMarker(lines[i] ?? '');
    if (module) return { module, line: flagged };
  }
  return { module: null, line: flagged };
}

/** True when `line` appears, as written, in the module's own source: the library code is unmodified. */
export async function lineIsFromSource(root: string, module: string, line: string): Promise<boolean> {
  const source = squash(await readFile(join(root, module), 'utf8'));
  return line !== '' && source.includes(line);
}
