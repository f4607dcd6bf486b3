/**
 * A site on 127.0.0.1 whose pages a test writes on the fly (path -> HTML), with a log of every request
 * it was sent: the browser's own network traffic, counted where it lands. /img/<name>.png answers with
 * a small PNG for any name, so a test can tell which images were fetched.
 */
import { createServer, type Server } from 'node:http';

/** A 1x1 transparent PNG. */
const PNG = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==', 'base64');

export interface PageServer {
  origin: string;
  url: (path: string) => string;
  pages: Map<string, string>;
  /** Paths requested since the last reset, in order. */
  requests: string[];
  reset: () => void;
  close: () => Promise<void>;
}

export async function startPageServer(): Promise<PageServer> {
  const pages = new Map<string, string>();
  const state = { requests: [] as string[] };
  const server: Server = createServer((request, response) => {
    const path = new URL(request.url ?? '/', 'http://x').pathname;
    state.requests.push(path);
    if (path.startsWith('/img/')) return void response.writeHead(200, { 'content-type': 'image/png', 'cache-control': 'no-store' }).end(PNG);
    const body = pages.get(path);
    if (body === undefined) return void response.writeHead(404, { 'content-type': 'text/plain' }).end('Not found');
    response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' }).end(body);
  });
  await new Promise<void>((done) => server.listen(0, '127.0.0.1', done));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  const origin = `http://127.0.0.1:${address.port}`;
  return {
    origin,
    url: (path) => origin + path,
    pages,
    get requests() {
      return state.requests;
    },
    reset: () => {
      state.requests = [];
    },
    close: () => new Promise<void>((done) => server.close(() => done())),
  } as PageServer;
}
