/**
 * The popup as a reader uses it. It is opened as a tab (`popup.html?tabId=N`) after a real toolbar
 * click granted activeTab, which acts on the same tab as the popup window does and is easier to drive.
 */
import type { Locator, Page } from 'playwright';
import type { LoadedExtension } from '../support/extension.ts';
import { artifact } from '../support/extension.ts';
import { step } from '../support/step.ts';

/** What counts as one block on screen: the engine's block elements, outermost only. */
const BLOCKS = 'h1, h2, h3, h4, h5, h6, p, li, blockquote, pre, table, figcaption, dt, dd';

export class PopupPage {
  private constructor(readonly page: Page) {}

  static async open(ext: LoadedExtension, tabId: number): Promise<PopupPage> {
    return step(`open the popup on tab ${tabId}`, 20_000, async () => {
      const page = await ext.context.newPage();
      await page.setViewportSize({ width: 480, height: 580 });
      await page.goto(`chrome-extension://${ext.id}/popup.html?tabId=${tabId}`);
      return new PopupPage(page);
    });
  }

  get article(): Locator {
    return this.page.locator('#content .ro-article');
  }

  get problem(): Locator {
    return this.page.locator('#content .ro-problem');
  }

  async waitForArticle(): Promise<void> {
    await step('wait for the article in the popup', 16_000, () => this.article.waitFor({ timeout: 15_000 }));
  }

  async title(): Promise<string> {
    return step("read the popup's title", 10_000, async () => (await this.page.locator('#content .ro-title').innerText()).trim());
  }

  /** The article's blocks as the reader sees them, in order; removed blocks shown in place excluded. */
  async blocks(): Promise<string[]> {
    return step("read the popup's blocks", 10_000, () => this.page.evaluate((selector) => {
      const body = document.querySelector('#content .ro-body');
      if (!body) return [];
      return [...body.querySelectorAll(selector)]
        .filter((el) => !el.closest('.ro-removed') && !el.parentElement?.closest(selector))
        .map((el) => (el.textContent ?? '').replace(/\s+/g, ' ').trim())
        .filter((text) => text !== '');
    }, BLOCKS));
  }

  get removedButton(): Locator {
    return this.page.locator('#removed-toggle');
  }

  async openRemovedList(): Promise<void> {
    await step('open the list of removals', 15_000, async () => {
      if ((await this.removedButton.getAttribute('aria-expanded')) !== 'true') await this.removedButton.click();
      await this.page.locator('#removed-panel').waitFor();
    });
  }

  /** Texts in the "Removed" list, in list order. */
  async removedTexts(): Promise<string[]> {
    return step('read the removals', 10_000, async () => (await this.page.locator('#removed-panel .ro-removal-text').allInnerTexts()).map((t) => t.replace(/\s+/g, ' ').trim()));
  }

  /** Category headings of the list, e.g. "Boilerplate · 5". */
  async removedCategories(): Promise<string[]> {
    return step("read the removals' categories", 10_000, () => this.page.locator('#removed-panel .ro-removal-category > h3').allTextContents());
  }

  async showInPlace(text: string): Promise<void> {
    await step(`show "${text.slice(0, 40)}" in place`, 15_000, () => this.page.locator('#removed-panel .ro-removal', { hasText: text }).first().getByRole('button').click());
  }

  /** Texts of removed blocks currently shown in place, with the kept block that follows each. */
  async shownInPlace(): Promise<{ text: string; next: string | null }[]> {
    return step('read the removals shown in place', 10_000, () => this.page.evaluate(() =>
      [...document.querySelectorAll('#content .ro-body .ro-removed')].map((el) => {
        let next = el.nextElementSibling;
        while (next?.classList.contains('ro-removed')) next = next.nextElementSibling;
        return {
          text: (el.querySelector('.ro-removed-text')?.textContent ?? '').trim(),
          next: next ? (next.textContent ?? '').replace(/\s+/g, ' ').trim() : null,
        };
      }),
    ));
  }

  /**
   * Clicks a copy button and returns what went to the clipboard. Headless Chromium grants no clipboard
   * read to extension origins, so the page's writeText is observed on its way through.
   */
  async copy(button: 'copy-markdown' | 'copy-text'): Promise<{ text: string; status: string }> {
    return step(`press ${button} and read the clipboard`, 15_000, () => this.copyNow(button));
  }

  private async copyNow(button: 'copy-markdown' | 'copy-text'): Promise<{ text: string; status: string }> {
    await this.page.evaluate(() => {
      const clipboard = navigator.clipboard;
      const write = clipboard.writeText.bind(clipboard);
      (window as unknown as { copied?: string }).copied = undefined;
      clipboard.writeText = (text: string) => {
        (window as unknown as { copied?: string }).copied = text;
        return write(text);
      };
    });
    await this.page.locator(`#${button}`).click();
    const status = this.page.locator('#status');
    await status.filter({ hasText: /./ }).waitFor();
    return {
      text: await this.page.evaluate(() => (window as unknown as { copied?: string }).copied ?? ''),
      status: (await status.textContent()) ?? '',
    };
  }

  async openReaderMode(): Promise<void> {
    await step('press "Reader mode" in the popup', 15_000, () => this.page.locator('#open-reader').click());
  }

  async screenshot(name: string): Promise<void> {
    await step(`screenshot ${name}`, 15_000, () => this.page.screenshot({ path: artifact(name), caret: 'initial' }));
  }

  async close(): Promise<void> {
    if (!this.page.isClosed()) await step('close the popup', 10_000, () => this.page.close());
  }
}
