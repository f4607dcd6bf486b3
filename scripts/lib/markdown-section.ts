/**
 * The measuring scripts write their own tables into the docs (`--markdown`): each owns a section of a Markdown
 * file between two marker comments, and replaces only that, stamped with when, on which commit and on what
 * machine it was measured. Nobody copies a figure by hand (issue 21).
 */
import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';

export const REPO = path.resolve(import.meta.dirname, '../..');
export const BENCHMARKS_MD = path.join(REPO, 'docs/benchmarks.md');
export const README_MD = path.join(REPO, 'README.md');

const begin = (name: string) => `<!-- BEGIN ${name}: written by the script, do not edit by hand -->`;
const end = (name: string) => `<!-- END ${name} -->`;
const NAME = /^[a-z][a-z0-9-]*$/u;

/**
 * `text` with the section `name` replaced by `body`. The markers stay; what lies outside them is untouched.
 * A section that is missing is appended at the end when `append` is set (a new script's first run), else it
 * is an error, as is a section whose markers are out of order or given twice.
 */
export function replaceSection(text: string, name: string, body: string, { append = false } = {}): string {
  if (!NAME.test(name)) throw new Error(`section name "${name}": lower-case letters, digits and dashes`);
  const open = begin(name);
  const close = end(name);
  const from = text.indexOf(open);
  const to = text.indexOf(close);
  const block = `${open}\n${body.trim()}\n${close}`;
  if (from === -1 && to === -1) {
    if (!append) throw new Error(`no section "${name}" (${open} … ${close})`);
    return `${text.replace(/\n*$/u, '')}\n\n${block}\n`;
  }
  if (from === -1 || to === -1 || to < from) throw new Error(`section "${name}": its markers are missing or out of order`);
  if (text.indexOf(open, from + 1) !== -1 || text.indexOf(close, to + 1) !== -1) throw new Error(`section "${name}" is given twice`);
  return text.slice(0, from) + block + text.slice(to + close.length);
}

/** Replaces the section `name` of the Markdown file `file` (see replaceSection). */
export function writeSection(file: string, name: string, body: string, options: { append?: boolean } = {}): void {
  writeFileSync(file, replaceSection(readFileSync(file, 'utf8'), name, asMarkdown(body), options));
}

function git(...args: string[]): string {
  try {
    return execFileSync('git', args, { cwd: REPO, encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] }).trim();
  } catch {
    return '';
  }
}

/**
 * The commit measured: its short hash, with "+dirty" when the tree has changes not committed. The docs the
 * scripts write are left out of that test, or the second script run in a row would call the first one's
 * tables a dirty tree.
 */
export function commitMeasured(): string {
  const hash = git('rev-parse', '--short', 'HEAD') || 'unknown commit';
  return git('status', '--porcelain', '--', '.', ':!docs', ':!README.md') === '' ? hash : `${hash}+dirty`;
}

/** When, on which commit and on what machine, in a few words. */
export function measuredOn(date = new Date()): string {
  const cpu = cpus();
  return `${date.toISOString().slice(0, 10)}, commit \`${commitMeasured()}\`, ${cpu[0]?.model.trim() ?? 'unknown CPU'} × ${cpu.length} cores, Node ${process.version}`;
}

/** The first line of every section: when, where, under what load, and the command that writes it again. */
export function provenance(command: string, date = new Date()): string {
  const load = loadavg().map((n) => n.toFixed(1)).join(', ');
  return `Measured ${measuredOn(date)}; load average ${load} at the end. Command: \`${command}\`.`;
}

/**
 * The command line a script was run with, as a reader would type it again. A corpus folder named as the
 * script's default (`defaultDir`: ../shared/eval-dev and the like) is left out, wherever it was given: the
 * same corpus, which the reader has at the default place.
 */
export function commandLine(script: string, args: readonly string[] = process.argv.slice(2), defaultDir?: string): string {
  const shown = defaultDir ? args.filter((a) => a.startsWith('-') || path.basename(path.resolve(a)) !== path.basename(defaultDir)) : args;
  return [script, ...(shown.length ? ['--', ...shown] : [])].join(' ');
}

/** Whether `dir` is the script's default corpus (`defaultDir`), by its folder's name wherever it lies. */
export function isDefaultCorpus(dir: string, defaultDir: string): boolean {
  return path.basename(path.resolve(dir)) === path.basename(defaultDir);
}

/**
 * A script's printed output as Markdown: its tables as they are, and each other line a paragraph of its own
 * (two lines printed one under the other would otherwise run together into one paragraph).
 */
export function asMarkdown(printed: string): string {
  const lines = printed.trim().split('\n');
  const isText = (line: string | undefined) => line !== undefined && line.trim() !== '' && !line.trimStart().startsWith('|');
  return lines.flatMap((line, i) => (isText(line) && isText(lines[i + 1]) ? [line, ''] : [line])).join('\n');
}

/** Lines printed as they come and kept, so that a script's tables can also go to a Markdown section. */
export class Report {
  readonly lines: string[] = [];

  line(text = ''): void {
    console.log(text);
    this.lines.push(text);
  }

  get text(): string {
    return this.lines.join('\n');
  }
}
