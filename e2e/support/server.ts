/**
 * The test sites, on 127.0.0.1 (an ephemeral port each), as a news site would serve them:
 * - startFixtureServer: the files of e2e/fixtures, then of test/fixtures. A path is looked up in each root in
 *   turn, so the pages the unit tests read too (the seed in test/fixtures/seed, the memory pairs in
 *   test/fixtures/memory) are served from their one copy.
 * - startPageServer: pages a test writes on the fly (path -> HTML), with a log of every request it was sent:
 *   the browser's own network traffic, counted where it lands.
 */
import { createServer, type RequestListener, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES = resolve(fileURLToPath(new URL('../fixtures/', import.meta.url)));
export const TEST_FIXTURES = resolve(fileURLToPath(new URL('../../test/fixtures/', import.meta.url)));

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

/** How long a /slow/ page keeps its second half back. */
export const SLOW_MS = 2500;

export interface FixtureServer {
  origin: string;
  url: (path: string) => string;
  close: () => Promise<void>;
}

/** Listens on 127.0.0.1 at a port the system picks. */
async function listen(handler: RequestListener): Promise<FixtureServer> {
  const server: Server = createServer(handler);
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  const origin = `http://127.0.0.1:${address.port}`;
  return {
    origin,
    url: (path) => origin + (path.startsWith('/') ? path : '/' + path),
    close: () => new Promise<void>((done) => server.close(() => done())),
  };
}

/** The file `path` names in the first of `roots` that has it; null when none does or it leaves its root. */
async function readFixture(roots: readonly string[], path: string): Promise<{ file: string; body: Buffer } | null> {
  for (const root of roots) {
    const file = normalize(join(root, path));
    if (!file.startsWith(root + sep)) continue;
    const body = await readFile(file).catch(() => null);
    if (body !== null) return { file, body };
  }
  return null;
}

/** `root` first (e2e/fixtures unless a test gives its own copy), then test/fixtures. */
export async function startFixtureServer(root = FIXTURES): Promise<FixtureServer> {
  const roots = [resolve(root), TEST_FIXTURES];
  return listen(async (request, response) => {
    let path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    // /generated/too-large.html: more elements than the engine reads at once (its default limit is 40 000 once
    // page furniture is left out, so these are visible, if empty).
    if (path === '/generated/too-large.html') {
      response.writeHead(200, { 'content-type': TYPES['.html']!, 'cache-control': 'no-store' });
      response.end(`<!DOCTYPE html><title>Every price, ever</title><h1>Every price, ever</h1><p>Prices below.</p><div>${'<i></i>'.repeat(45_000)}</div>`);
      return;
    }
    // /slow/<page>: the page's first half at once, the rest SLOW_MS later, so it is caught while loading.
    const slow = path.startsWith('/slow/');
    if (slow) path = path.slice('/slow'.length);
    const found = await readFixture(roots, path);
    if (found === null) return void response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
    response.writeHead(200, { 'content-type': TYPES[extname(found.file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
    if (!slow) return void response.end(found.body);
    const body = found.body.toString('utf8');
    const cut = body.indexOf('<p>Ukrainian officials');
    response.write(body.slice(0, cut));
    setTimeout(() => response.end(body.slice(cut)), SLOW_MS);
  });
}

/** A 1x1 transparent PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

export interface PageServer extends FixtureServer {
  /** The pages it serves, by path; a test adds its own before opening them. */
  pages: Map<string, string>;
  /** Paths requested since the last reset, in order. */
  readonly requests: string[];
  /** Requests for /hit/<n> and /xss/<n> since the last reset, e.g. "hit 12", "xss 3". */
  readonly hits: string[];
  reset: () => void;
}

/**
 * /img/<name>.png answers with a small PNG for any name, so a test can tell which images were fetched.
 * /hit/<n> and /xss/<n> answer 204 and are logged in `hits`: where a hostile page's payloads report that they
 * loaded or ran (204, so a navigation to one leaves the page where it is). /hit/<n>/x is not one: a
 * relative URL resolved against /hit/<n> is the page's own request.
 */
export async function startPageServer(): Promise<PageServer> {
  const pages = new Map<string, string>();
  let requests: string[] = [];
  let hits: string[] = [];
  const site = await listen((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    requests.push(path);
    const hit = /^\/(hit|xss)\/(\d+)$/u.exec(path);
    if (hit) {
      hits.push(`${hit[1]} ${hit[2]}`);
      return void response.writeHead(204, { 'cache-control': 'no-store' }).end();
    }
    if (path.startsWith('/img/')) return void response.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'no-store' }).end(PNG);
    const body = pages.get(path);
    if (body === undefined) return void response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(body);
  });
  return {
    ...site,
    pages,
    get requests() {
      return requests;
    },
    get hits() {
      return hits;
    },
    reset: () => {
      requests = [];
      hits = [];
    },
  };
}
