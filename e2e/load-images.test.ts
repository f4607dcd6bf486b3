/**
 * The "Load images" option. Off, the popup and reader mode make no network request at all on an
 * image-heavy page: counted where the requests would land (the test site's own request log) and, for the
 * popup, by the browser's own network events (CDP Network.requestWillBeSent). On, the same steps fetch the
 * article's images: the counting does see them.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { ReaderPage } from './pages/reader-page.ts';
import { withExtension } from './support/extension.ts';
import { startPageServer } from './support/server.ts';
import { openPopupOn, settle } from './support/steps.ts';
import { articlePage } from '../test/hostile/xss-vectors.ts';
import { TEST_LIMIT } from './support/step.ts';

const IMAGES = 24;

function imageHeavyPage(): string {
  const figures = Array.from(
    { length: IMAGES },
    (_, i) =>
      `<figure><img src="/img/photo-${i}.png" srcset="/img/photo-${i}-2x.png 2x" width="640" height="360" alt="Harbour photo ${i}"><figcaption>The harbour works, photo ${i} of ${IMAGES}, taken on the morning the council voted.</figcaption></figure>\n<p>Paragraph ${i}: engineers walked the sea wall again and counted the cracked blocks that the budget will pay to replace this year.</p>`,
  ).join('\n');
  return articlePage([]).replace('</article>', `${figures}\n</article>`);
}

const suite = withExtension(async () => {
  const server = await startPageServer();
  server.pages.set('/photos.html', imageHeavyPage());
  return server;
});

/** Opens the popup and then reader mode on the photo page; returns what was fetched once ReadOnce started. */
async function readWith(loadImages: boolean): Promise<{ site: string[]; popupNetwork: string[]; alt: number }> {
  await suite.ext.worker.evaluate((value) => chrome.storage.sync.set({ loadImages: value }), loadImages);
  const page = await suite.ext.context.newPage();
  await page.goto(suite.server.url('/photos.html'), { waitUntil: 'load' });
  await settle(500);
  suite.server.reset(); // the page's own images are the page's business; from here on, only ReadOnce counts

  const popup = await openPopupOn(suite.ext, page);
  const popupNetwork: string[] = [];
  const cdp = await popup.page.context().newCDPSession(popup.page);
  cdp.on('Network.requestWillBeSent', (event: { request: { url: string } }) => {
    if (!/^(chrome-extension|data):/.test(event.request.url)) popupNetwork.push(event.request.url);
  });
  await cdp.send('Network.enable');
  await popup.waitForArticle();
  await popup.page.mouse.move(200, 300);
  for (let i = 0; i < 10; i++) await popup.page.mouse.wheel(0, 800);
  await settle(800);
  const alt = await popup.page.locator('#content .ro-body span[role=img]').count();

  await popup.openReaderMode();
  const reader = await ReaderPage.opened(page);
  await page.bringToFront();
  await page.mouse.move(640, 400);
  for (let i = 0; i < 12; i++) await page.mouse.wheel(0, 800);
  await settle(1000);
  if (loadImages === false) await reader.screenshot('reader-load-images-off.png');
  await reader.pressEscape();
  await reader.waitUntilClosed();
  await cdp.detach().catch(() => undefined);
  await popup.close();
  await page.close();
  return { site: [...suite.server.requests], popupNetwork, alt };
}

describe('load images', () => {
  it('off: the popup and the reader make no network request at all, and show alt text', TEST_LIMIT, async () => {
    const { site, popupNetwork, alt } = await readWith(false);
    console.log(`# load images off: ${site.length} requests to the site, ${popupNetwork.length} in the popup's network events`);
    assert.deepEqual(site, []);
    assert.deepEqual(popupNetwork, []);
    assert.equal(alt, IMAGES, 'each image is shown as its alt text');
  });

  it('on (the default): the same steps fetch the article\'s images, so the counting above sees requests', TEST_LIMIT, async () => {
    const { site, popupNetwork, alt } = await readWith(true);
    const images = site.filter((path) => path.startsWith('/img/'));
    console.log(`# load images on: ${images.length} image requests to the site, ${popupNetwork.length} in the popup's network events`);
    assert.ok(images.length > 0);
    assert.ok(popupNetwork.length > 0);
    assert.equal(alt, 0);
    await suite.ext.worker.evaluate(() => chrome.storage.sync.clear());
  });
});
