/** Serves e2e/fixtures on 127.0.0.1 (an ephemeral port): the pages the tests read, as a site would. */
import { createServer, type Server } from 'node:http';
import { readFile } from 'node:fs/promises';
import { extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const FIXTURES = resolve(fileURLToPath(new URL('../fixtures/', import.meta.url)));

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

export async function startFixtureServer(root = FIXTURES): Promise<FixtureServer> {
  const server: Server = createServer(async (request, response) => {
    let path = decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname);
    // /generated/too-large.html: more elements than the engine reads at once (its default limit is 40 000 once
    // page furniture is left out, so these are visible, if empty).
    if (path === '/generated/too-large.html') {
      response.writeHead(200, { 'content-type': TYPES['.html']!, 'cache-control': 'no-store' });
      response.end(`<!DOCTYPE html><title>Every price, ever</title><h1>Every price, ever</h1><p>Prices below.</p><div>${'<i></i>'.repeat(45_000)}</div>`);
      return;
    }
    // /slow/<page>: the page's first half at once, the rest SLOW_MS later, so it is caught while loading.
    if (path.startsWith('/slow/')) {
      path = path.slice('/slow'.length);
      const file = normalize(join(root, path));
      if (!file.startsWith(root)) return void response.writeHead(403).end();
      const body = await readFile(file, 'utf8').catch(() => null);
      if (body === null) return void response.writeHead(404).end();
      const cut = body.indexOf('<p>Ukrainian officials');
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'text/html', 'cache-control': 'no-store' });
      response.write(body.slice(0, cut));
      setTimeout(() => response.end(body.slice(cut)), SLOW_MS);
      return;
    }
    const file = normalize(join(root, path));
    if (!file.startsWith(root)) {
      response.writeHead(403).end();
      return;
    }
    try {
      const body = await readFile(file);
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream', 'cache-control': 'no-store' });
      response.end(body);
    } catch {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' }).end('Not found');
    }
  });
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
