/** Builds extension targets for a test through the same script `npm run build` uses. */
import { execFile } from 'node:child_process';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

export const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '../..');

/**
 * Runs scripts/build.mjs for the named targets (e.g. 'firefox-test') and returns their folders.
 * A child process, because build.mjs is plain JavaScript that the type checker does not follow.
 */
export async function buildTargets(...targets: string[]): Promise<Record<string, string>> {
  await promisify(execFile)(process.execPath, [join(ROOT, 'scripts/build.mjs'), ...targets], {
    cwd: ROOT,
    timeout: 60_000,
  });
  const dirs: Record<string, string> = {};
  for (const target of targets) dirs[target] = join(ROOT, 'dist', target);
  return dirs;
}
