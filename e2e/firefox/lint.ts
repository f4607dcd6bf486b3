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

/** esbuild (unminified) opens each bundled module with a comment naming its source: `  // node_modules/x/y.js`. */
const MODULE_MARKER = /^\s*\/\/ ((?:node_modules|src)\/\S+)\s*$/;

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
    const marker = MODULE_MARKER.exec(lines[i] ?? '');
    if (marker?.[1]) return { module: marker[1], line: flagged };
  }
  return { module: null, line: flagged };
}

/** True when `line` appears, as written, in the module's own source: the library code is unmodified. */
export async function lineIsFromSource(root: string, module: string, line: string): Promise<boolean> {
  const source = squash(await readFile(join(root, module), 'utf8'));
  return line !== '' && source.includes(line);
}
