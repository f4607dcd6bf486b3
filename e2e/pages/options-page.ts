/** The options page as a reader uses it. */
import type { Locator, Page } from 'playwright';
import { artifact, type LoadedExtension } from '../support/extension.ts';

export class OptionsPage {
  private constructor(readonly page: Page) {}

  static async open(ext: LoadedExtension): Promise<OptionsPage> {
    const page = await ext.context.newPage();
    await page.goto(`chrome-extension://${ext.id}/options.html`);
    const options = new OptionsPage(page);
    // Filled in once settings are read: the font size output shows a value.
    await page.locator('#font-size-value').filter({ hasText: /px/ }).waitFor();
    return options;
  }

  theme(label: string): Locator {
    return this.page.getByRole('group', { name: 'Theme' }).getByLabel(label, { exact: true });
  }

  typeface(label: string): Locator {
    return this.page.getByRole('group', { name: 'Typeface' }).getByLabel(label, { exact: true });
  }

  get fontSize(): Locator {
    return this.page.getByLabel('Text size');
  }

  get width(): Locator {
    return this.page.getByLabel('Width');
  }

  get lineSpacing(): Locator {
    return this.page.getByLabel('Line spacing');
  }

  removal(category: string): Locator {
    return this.page.getByRole('checkbox', { name: new RegExp(`^${category}`) });
  }

  get sites(): Locator {
    return this.page.getByRole('textbox', { name: 'Sites' });
  }

  get sitesError(): Locator {
    return this.page.locator('#sites-error');
  }

  /** Waits for the "Saved." confirmation of the last change. */
  /** "Load images" (on by default). */
  get loadImages(): Locator {
    return this.page.getByRole('checkbox', { name: 'Load images' });
  }

  async saved(): Promise<void> {
    await this.page.locator('#saved').filter({ hasText: 'Saved.' }).waitFor();
  }

  async setFontSize(px: number): Promise<void> {
    await this.fontSize.fill(String(px));
    await this.saved();
  }

  async setSites(text: string): Promise<void> {
    await this.sites.fill(text);
    await this.sites.blur();
    await this.saved();
  }

  async shortcut(command: string): Promise<string> {
    return (await this.page.locator(`#shortcuts dd[data-command="${command}"]`).innerText()).trim();
  }

  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: artifact(name), fullPage: true, caret: 'initial' });
  }
}
