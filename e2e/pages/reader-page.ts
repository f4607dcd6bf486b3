/**
 * Reader mode on a page: reader.html in a frame over the article. The page's own scripts see only the
 * <iframe> element; the test drives the document inside it as a person would (Playwright reaches the
 * extension frame as DevTools does), with the real mouse and keyboard.
 */
import type { Frame, Locator, Page } from 'playwright';
import { artifact } from '../support/extension.ts';
import { step } from '../support/step.ts';

/** The reader's host element in the page, as page scripts can find it. */
export const READER_FRAME = 'iframe[src*="/reader.html"]';

/**
 * What the page's own scripts can learn of the reader's frame: run it in the page (`page.evaluate(readerFrameSeenByPage,
 * READER_FRAME)`, in Playwright or Puppeteer). UNREADABLE_FRAME is all they may get.
 */
export function readerFrameSeenByPage(selector: string): { tag: string; customElement: boolean; contentDocument: 'readable' | null; inside: string; text: string | null; childNodes: number } | null {
  const frame = document.querySelector<HTMLIFrameElement>(selector);
  if (!frame) return null;
  let inside = 'refused';
  try {
    inside = frame.contentWindow!.document.documentElement.outerHTML;
  } catch {
    // another origin: refused, as it must be
  }
  return {
    tag: frame.localName,
    customElement: customElements.get(frame.localName) !== undefined,
    contentDocument: frame.contentDocument === null ? null : 'readable',
    inside,
    text: frame.textContent,
    childNodes: frame.childNodes.length,
  };
}

/** A plain iframe of another origin, with nothing in it the page can read. */
export const UNREADABLE_FRAME = { tag: 'iframe', customElement: false, contentDocument: null, inside: 'refused', text: '', childNodes: 0 };

export class ReaderPage {
  constructor(readonly page: Page) {}

  /** Reader mode over `page`, once it shows an article or a message. */
  static async opened(page: Page): Promise<ReaderPage> {
    const reader = new ReaderPage(page);
    await reader.waitUntilOpen();
    return reader;
  }

  /** Whether the page holds the reader's frame (checked from the page, as its scripts would). */
  async isOpen(): Promise<boolean> {
    return step('ask the page whether the reader is open', 10_000, () => this.page.evaluate((selector) => document.querySelector(selector) !== null, READER_FRAME));
  }

  /** The reader's document, once it shows an article or a message. */
  async frame(): Promise<Frame> {
    return step('wait for reader mode to show an article or a message', 12_000, async () => {
      const deadline = Date.now() + 10_000;
      while (Date.now() < deadline) {
        const frame = this.page.frames().find((f) => /^(chrome|moz)-extension:\/\/[^/]+\/reader\.html/.test(f.url()));
        if (frame && (await frame.locator('.ro-article, .ro-problem').count().catch(() => 0)) > 0) return frame;
        await new Promise((done) => setTimeout(done, 100));
      }
      throw new Error('reader mode did not show an article or a message within 10 s');
    });
  }

  async waitUntilOpen(): Promise<void> {
    await step("wait for the reader's frame in the page", 11_000, () => this.page.waitForSelector(READER_FRAME, { state: 'attached', timeout: 10_000 }));
    await this.frame();
  }

  async waitUntilClosed(): Promise<void> {
    await step("wait for the reader's frame to leave the page", 11_000, () => this.page.waitForSelector(READER_FRAME, { state: 'detached', timeout: 10_000 }));
  }

  async locator(selector: string): Promise<Locator> {
    return (await this.frame()).locator(selector).first();
  }

  /** Computed style properties of the first element matching `selector` in the reader. */
  async style(selector: string, properties: string[]): Promise<Record<string, string>> {
    const target = await this.locator(selector);
    return step(`read the style of ${selector} in the reader`, 10_000, () => target.evaluate((node, props) => {
      const s = getComputedStyle(node);
      return Object.fromEntries(props.map((p) => [p, s.getPropertyValue(p)]));
    }, properties));
  }

  async text(selector: string): Promise<string> {
    const target = await this.locator(selector);
    return step(`read the text of ${selector} in the reader`, 10_000, async () => ((await target.textContent()) ?? '').replace(/\s+/g, ' ').trim());
  }

  async attribute(selector: string, name: string): Promise<string | null> {
    const target = await this.locator(selector);
    return step(`read ${name} of ${selector} in the reader`, 10_000, () => target.getAttribute(name));
  }

  /** outerHTML of `selector` in the reader. */
  async html(selector: string): Promise<string> {
    const target = await this.locator(selector);
    return step(`read the markup of ${selector} in the reader`, 10_000, () => target.evaluate((node) => node.outerHTML));
  }

  /** The tag name of the focused element inside the reader's document. */
  async focusedInReader(): Promise<string | null> {
    const frame = await this.frame();
    return step('ask the reader what has focus', 10_000, () => frame.evaluate(() => (document.hasFocus() ? (document.activeElement?.tagName ?? null) : null)));
  }

  /**
   * A real mouse click in the middle of the element. By coordinates rather than locator.click(), which
   * waits on the frame after the click, and a click on "close" removes the frame.
   */
  async click(selector: string): Promise<void> {
    const target = await this.locator(selector);
    await step(`click ${selector} in the reader`, 15_000, async () => {
      await target.scrollIntoViewIfNeeded();
      const box = await target.boundingBox();
      if (!box) throw new Error(`${selector} is not visible in the reader`);
      await this.page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
    });
  }

  /**
   * Esc, as a reader presses it. The reader closes on the key's release, and Chromium may then never acknowledge
   * the release to Playwright, whose frame is gone by then (a suite once waited 11 minutes here): the press counts
   * as done once it returned or the reader's frame left the page, whichever comes first.
   */
  async pressEscape(): Promise<void> {
    await step('press Escape over the reader', 10_000, () => {
      const pressed = this.page.keyboard.press('Escape');
      const closed = this.page.waitForSelector(READER_FRAME, { state: 'detached', timeout: 10_000 });
      // The loser of the race settles later, unheard.
      pressed.catch(() => undefined);
      closed.catch(() => undefined);
      return Promise.race([pressed, closed.then(() => undefined)]);
    });
  }

  async screenshot(name: string): Promise<void> {
    await step(`screenshot ${name}`, 15_000, () => this.page.screenshot({ path: artifact(name), caret: 'initial' }));
  }

  /** Nothing to let go of: kept so tests read the same whichever way the reader is reached. */
  async detach(): Promise<void> {}
}
