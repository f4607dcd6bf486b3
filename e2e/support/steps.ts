/**
 * The steps most tests begin with, as a person takes them: click ReadOnce's button on a page, read the popup,
 * open reader mode from it.
 */
import { PopupPage } from '../pages/popup-page.ts';
import { ReaderPage } from '../pages/reader-page.ts';
import type { Page } from 'playwright';
import { clickToolbarButton, tabIdOf, type LoadedExtension } from './extension.ts';

export { step } from './step.ts';

/** Waits `ms`: for what the page or the reader does on its own clock (a fade-in, a handler, a lazy load). */
export const settle = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/** A real toolbar click on `page` (which grants activeTab), then the popup for that tab. */
export async function openPopupOn(ext: LoadedExtension, page: Page): Promise<PopupPage> {
  await clickToolbarButton(ext, page);
  return PopupPage.open(ext, await tabIdOf(ext, page));
}

/** The popup on `page`, once it shows the article, then reader mode opened from it over `page`. */
export async function openReaderFromPopup(ext: LoadedExtension, page: Page): Promise<{ popup: PopupPage; reader: ReaderPage; closeAll: () => Promise<void> }> {
  const popup = await openPopupOn(ext, page);
  await popup.waitForArticle();
  await popup.openReaderMode();
  const reader = await ReaderPage.opened(page);
  return {
    popup,
    reader,
    closeAll: async () => {
      await reader.detach();
      await popup.close();
      await page.close();
    },
  };
}
