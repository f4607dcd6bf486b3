#!/usr/bin/env node
/**
 * npm start: builds the extension, serves the bundled sample page (the seed article) on 127.0.0.1 and
 * opens Debian's Chromium with ReadOnce loaded on it, its popup open.
 *
 * With a display it stays open until you close the browser. Without one (SSH, CI) it runs headless,
 * writes screenshots of the popup and of reader mode to a folder it prints, and prints the cleaned
 * article with what was removed and why.
 */
import { createServer } from 'node:http';
import { mkdir, mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, extname, join, normalize, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from './build.mjs';
import { clickToolbarButton, launchChromiumWithExtension } from './chromium-extension.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const SAMPLES = join(ROOT, 'test', 'fixtures');
const SAMPLE_PAGE = '/seed/page-inline.html';
const SHOTS = join(ROOT, 'test-results', 'start');
const headless = !process.env.DISPLAY && !process.env.WAYLAND_DISPLAY;

const TYPES = { '.html': 'text/html; charset=utf-8', '.txt': 'text/plain; charset=utf-8', '.css': 'text/css' };

function serve(root) {
  const server = createServer(async (request, response) => {
    const file = normalize(join(root, decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname)));
    if (!file.startsWith(root)) return void response.writeHead(403).end();
    try {
      const body = await readFile(file);
      response.writeHead(200, { 'content-type': TYPES[extname(file)] ?? 'application/octet-stream' }).end(body);
    } catch {
      response.writeHead(404).end('Not found');
    }
  });
  return new Promise((done) => server.listen(0, '127.0.0.1', () => done(server)));
}

const out = await build(['chrome']);
const extension = out.chrome;
const server = await serve(SAMPLES);
const url = `http://127.0.0.1:${server.address().port}${SAMPLE_PAGE}`;
const profile = await mkdtemp(join(tmpdir(), 'readonce-start-'));
const { context, worker, id: extensionId } = await launchChromiumWithExtension(profile, extension, {
  headless,
  // Ctrl+C is ours: close the browser, then remove the temporary profile.
  handleSIGINT: false,
  handleSIGTERM: false,
  viewport: headless ? { width: 1280, height: 800 } : null,
});
const cleanup = async () => {
  server.close();
  await rm(profile, { recursive: true, force: true });
};

const page = context.pages()[0] ?? (await context.newPage());
await page.goto(url);
console.log(`ReadOnce ${extensionId} loaded from ${extension.replace(ROOT + '/', '')}; sample page: ${url}`);

if (!headless) {
  await clickToolbarButton(context, extensionId, page.url());
  console.log('The popup is open. Try reader mode (Alt+Shift+Y) and the context menu; close the browser (or Ctrl+C) to stop.');
  await new Promise((done) => {
    context.on('close', done);
    for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => void context.close().then(done, done));
  });
  await cleanup();
  process.exit(0);
}

await clickToolbarButton(context, extensionId, page.url());
const tabId = await worker.evaluate(async (want) => (await chrome.tabs.query({})).find((t) => t.url === want)?.id, url);
const popup = await context.newPage();
await popup.setViewportSize({ width: 480, height: 580 });
await popup.goto(`chrome-extension://${extensionId}/popup.html?tabId=${tabId}`);
await popup.locator('#content .ro-article, #content .ro-problem').first().waitFor({ timeout: 20_000 });
await mkdir(SHOTS, { recursive: true });
await popup.screenshot({ path: join(SHOTS, 'popup.png') });

const article = await popup.evaluate(() => {
  const text = (el) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();
  const body = document.querySelector('#content .ro-body');
  const selector = 'h1, h2, h3, h4, h5, h6, p, li, blockquote, pre, figcaption';
  return {
    problem: text(document.querySelector('#content .ro-problem')),
    site: text(document.querySelector('.ro-site')),
    title: text(document.querySelector('.ro-title')),
    meta: text(document.querySelector('.ro-meta')),
    blocks: body ? [...body.querySelectorAll(selector)].filter((el) => !el.parentElement?.closest(selector)).map(text) : [],
    removed: [...document.querySelectorAll('#removed-panel .ro-removal')].map((li) => ({
      rule: text(li.closest('.ro-removal-reason')?.querySelector('.ro-removal-rule')),
      text: text(li.querySelector('.ro-removal-text')),
    })),
  };
});

await popup.locator('#open-reader').click();
await page.bringToFront();
// Reader mode is reader.html in a frame over the page; wait until that frame shows the article or a message.
await page.waitForSelector('iframe[src*="/reader.html"]', { timeout: 10_000 });
for (let tries = 0; tries < 100; tries++) {
  const frame = page.frames().find((f) => f.url().includes('/reader.html'));
  if (frame && (await frame.locator('.ro-article, .ro-problem').count().catch(() => 0)) > 0) break;
  await page.waitForTimeout(100);
}
await page.waitForTimeout(300); // the reader fades in
await page.screenshot({ path: join(SHOTS, 'reader.png') });
await context.close();
await cleanup();

if (article.problem) {
  console.log(`\n${article.problem}`);
} else {
  console.log(`\n${article.site}\n${article.title}\n${article.meta}\n`);
  for (const block of article.blocks) console.log(`${block}\n`);
  console.log(`Removed ${article.removed.length}:`);
  for (const { rule, text } of article.removed) console.log(`  - [${rule}] ${text.length > 100 ? text.slice(0, 99) + '…' : text}`);
}
console.log(`\nScreenshots: ${SHOTS}/popup.png, ${SHOTS}/reader.png`);
