/** requiredElement: an extension page's script gets the elements its HTML must have, or a clear error at start. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { JSDOM } from 'jsdom';
import { requiredElement } from '../src/platform/page-elements.ts';

test('gives the element by id, and names the page and the id when the HTML lacks it', () => {
  const dom = new JSDOM('<!doctype html><main id="root"><button id="open-reader"></button></main>', { url: 'chrome-extension://abc/popup.html?tabId=3' });
  const doc = dom.window.document;
  assert.equal(requiredElement<HTMLButtonElement>(doc, 'open-reader').tagName, 'BUTTON');
  assert.throws(() => requiredElement(doc, 'copy-text'), { message: 'popup.html lacks the element #copy-text that its script needs' });
  dom.window.close();
});
