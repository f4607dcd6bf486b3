/**
 * `readonce`: the engine on the command line. Reads a file or stdin (HTML or scraped text), prints the
 * article once as text, Markdown, HTML or JSON. Exit 0 on success, 1 when no article is found, 2 on bad
 * usage or unreadable input; errors are one line on stderr, never a stack trace.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { type CleanResult, ReadOnceError, cleanHtml, cleanText } from '../node/index.ts';
import { decode, looksLikeHtml } from './input.ts';
import { formatResult, FORMATS, type Format } from './format.ts';

const INPUTS = ['auto', 'html', 'text'] as const;
type InputKind = (typeof INPUTS)[number];

const HELP = `Usage: readonce [FILE|-] [options]
       readonce batch [PATH...] [options]   many pages on every core (readonce batch --help)
       readonce sketch [PATH...] [options]  a corpus on many machines: sketch each shard (the map),
       readonce memory build SKETCHES...    one memory of all shards (the reduce), then
                                            readonce batch --memory MEMORY on each shard

Prints the article in FILE (or stdin, when FILE is - or missing) once: without page furniture,
repeated blocks, teasers and restating summaries.

Options:
  --url URL                    the page's address, to resolve relative links and images
  --format json|text|markdown|html
                               text (default): the title, a blank line, then the blocks
                                     but captions, one paragraph each
                               json: title, byline, siteName, publishedTime, lang, excerpt,
                                     blocks (with ids), removed (with reasons, their own html
                                     and the id of the kept block before each), html, markdown
  --input auto|html|text       what FILE holds (default auto: HTML when it looks like markup)
  -h, --help                   show this help
  -v, --version                show the version

Exit status: 0 success, 1 no article found, 2 bad usage or unreadable input.
`;

class UsageError extends Error {}

function pick<T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${name} must be one of ${allowed.join(', ')} (got "${value}")`);
}

function readInput(file: string | undefined): Buffer {
  try {
    return readFileSync(file === undefined || file === '-' ? 0 : file);
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    const what = file === undefined || file === '-' ? 'standard input' : file;
    throw new UsageError(code === 'ENOENT' ? `no such file: ${what}` : code === 'EISDIR' ? `${what} is a directory` : `cannot read ${what} (${code ?? 'error'})`);
  }
}

export function run(argv: string[], out: (s: string) => void, err: (s: string) => void, version: string): number {
  try {
    const { values, positionals } = parseArgs({
      args: argv,
      allowPositionals: true,
      options: {
        url: { type: 'string' },
        format: { type: 'string' },
        input: { type: 'string' },
        help: { type: 'boolean', short: 'h' },
        version: { type: 'boolean', short: 'v' },
      },
    });
    if (values.help) return out(HELP), 0;
    if (values.version) return out(`${version}\n`), 0;
    if (positionals.length > 1) throw new UsageError('give one FILE at most');
    const format: Format = pick('format', values.format, FORMATS, 'text');
    const inputKind: InputKind = pick('input', values.input, INPUTS, 'auto');
    if (values.url !== undefined && !URL.canParse(values.url)) throw new UsageError(`--url is not an absolute URL: ${values.url}`);

    const raw = readInput(positionals[0]);
    const html = inputKind === 'html' || (inputKind === 'auto' && looksLikeHtml(raw));
    const source = decode(raw, html);
    if (source.trim() === '') throw new UsageError('the input is empty');
    const options = values.url ? { url: values.url } : {};
    const result: CleanResult = html ? cleanHtml(source, options) : cleanText(source, options);
    out(formatResult(result, format));
    return 0;
  } catch (e) {
    if (e instanceof ReadOnceError) {
      err(`readonce: ${e.message}\n`);
      return e.code === 'no-article' ? 1 : 2;
    }
    const code = (e as { code?: unknown }).code;
    if (e instanceof UsageError || (typeof code === 'string' && code.startsWith('ERR_PARSE_ARGS'))) {
      err(`readonce: ${(e as Error).message}\nTry 'readonce --help'.\n`);
      return 2;
    }
    err(`readonce: could not clean this input: ${e instanceof Error ? e.message : String(e)}\n`);
    return 2;
  }
}
