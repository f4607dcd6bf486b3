/**
 * Reader mode on a page. The overlay lives in a closed shadow root, which page scripts (and so
 * Playwright's locators) cannot reach; the test reaches it as DevTools does, through CDP with
 * `pierce: true`, and clicks with the real mouse.
 */
import type { CDPSession, Page } from 'playwright';
import { artifact } from '../support/extension.ts';

export const HOST_TAG = 'readonce-reader';

interface CdpNode {
  nodeId: number;
  nodeName: string;
  children?: CdpNode[];
  shadowRoots?: CdpNode[];
}

export class ReaderPage {
  private cdp: CDPSession | null = null;

  constructor(readonly page: Page) {}

  private async session(): Promise<CDPSession> {
    this.cdp ??= await this.page.context().newCDPSession(this.page);
    return this.cdp;
  }

  async isOpen(): Promise<boolean> {
    return this.page.evaluate((tag) => document.querySelector(tag) !== null, HOST_TAG);
  }

  async waitUntilOpen(): Promise<void> {
    await this.page.waitForFunction((tag) => document.querySelector(tag) !== null, HOST_TAG, { timeout: 10_000 });
  }

  async waitUntilClosed(): Promise<void> {
    await this.page.waitForFunction((tag) => document.querySelector(tag) === null, HOST_TAG, { timeout: 10_000 });
  }

  /** The node id of `selector` inside the overlay's shadow root. */
  private async find(selector: string): Promise<number> {
    const cdp = await this.session();
    const { root } = (await cdp.send('DOM.getDocument', { depth: -1, pierce: true })) as { root: CdpNode };
    const stack: CdpNode[] = [root];
    let shadow: CdpNode | undefined;
    while (stack.length > 0 && !shadow) {
      const node = stack.pop()!;
      if (node.nodeName === HOST_TAG.toUpperCase()) shadow = node.shadowRoots?.[0];
      stack.push(...(node.children ?? []));
    }
    if (!shadow) throw new Error('reader overlay is not open');
    const { nodeId } = await cdp.send('DOM.querySelector', { nodeId: shadow.nodeId, selector });
    if (!nodeId) throw new Error(`no ${selector} in the reader overlay`);
    return nodeId;
  }

  private async call<T>(selector: string, fn: string, args: unknown[] = []): Promise<T> {
    const cdp = await this.session();
    const nodeId = await this.find(selector);
    const { object } = await cdp.send('DOM.resolveNode', { nodeId });
    const { result } = await cdp.send('Runtime.callFunctionOn', {
      objectId: object.objectId!,
      functionDeclaration: fn,
      arguments: args.map((value) => ({ value })),
      returnByValue: true,
    });
    return result.value as T;
  }

  /** Computed style properties of the first element matching `selector` in the overlay. */
  async style(selector: string, properties: string[]): Promise<Record<string, string>> {
    return this.call(
      selector,
      'function (props) { const s = getComputedStyle(this); return Object.fromEntries(props.map((p) => [p, s.getPropertyValue(p)])); }',
      [properties],
    );
  }

  async text(selector: string): Promise<string> {
    return this.call(selector, 'function () { return this.textContent.replace(/\\s+/g, " ").trim(); }');
  }

  async attribute(selector: string, name: string): Promise<string | null> {
    return this.call(selector, 'function (name) { return this.getAttribute(name); }', [name]);
  }

  /** A real mouse click in the middle of the element. */
  async click(selector: string): Promise<void> {
    const cdp = await this.session();
    const nodeId = await this.find(selector);
    await cdp.send('DOM.scrollIntoViewIfNeeded', { nodeId });
    const { model } = await cdp.send('DOM.getBoxModel', { nodeId });
    const [x1, y1, , , x3, y3] = model.content;
    await this.page.mouse.click(((x1 ?? 0) + (x3 ?? 0)) / 2, ((y1 ?? 0) + (y3 ?? 0)) / 2);
  }

  async pressEscape(): Promise<void> {
    await this.page.keyboard.press('Escape');
  }

  async screenshot(name: string): Promise<void> {
    await this.page.screenshot({ path: artifact(name), caret: 'initial' });
  }

  async detach(): Promise<void> {
    await this.cdp?.detach().catch(() => undefined);
    this.cdp = null;
  }
}
