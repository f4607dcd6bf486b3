/**
 * "Show in place" in the popup puts each removed block back at its own place: right after the kept block it
 * stood after (Removal.after), found by block id. The page is the golden page sections-and-cells, whose kept
 * blocks are <section> elements and layout-table cells with removals between them (issue 10: a kept
 * <section> was not matched by text, so its removals went to the end of the article).
 */
import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { withExtension } from './support/extension.ts';
import { startFixtureServer, TEST_FIXTURES } from './support/server.ts';
import { openPopupOn } from './support/steps.ts';
import { TEST_LIMIT } from './support/step.ts';

const GOLDEN = join(TEST_FIXTURES, 'pages/sections-and-cells');

interface Expected {
  blocks: { id: string }[];
  removed: { id: string; after: string | null; text: string }[];
}

const suite = withExtension(startFixtureServer);

describe('show in place', () => {
  it('puts every removal of the sections-and-cells page right after the kept block it stood after', TEST_LIMIT, async () => {
    const expected = JSON.parse(await readFile(join(GOLDEN, 'expected.json'), 'utf8')) as Expected;
    assert.ok(expected.removed.length >= 4, 'the golden page has removals between its sections and cells');
    const page = await suite.ext.context.newPage();
    await page.goto(suite.server.url('/pages/sections-and-cells/source.html'));
    const popup = await openPopupOn(suite.ext, page);
    await popup.waitForArticle();
    await popup.openRemovedList();
    const buttons = popup.page.locator('#removed-panel .ro-removal button');
    assert.equal(await buttons.count(), expected.removed.length);
    for (let i = 0; i < expected.removed.length; i++) await buttons.nth(i).click();

    const placed = await popup.page.evaluate(() =>
      [...document.querySelectorAll<HTMLElement>('#content .ro-body .ro-removed')].map((marker) => {
        let previous = marker.previousElementSibling;
        while (previous?.classList.contains('ro-removed')) previous = previous.previousElementSibling;
        return {
          id: marker.getAttribute('data-ro-block'),
          after: previous ? previous.getAttribute('data-ro-block') : null,
          tag: marker.localName,
          beside: previous?.localName ?? null,
        };
      }),
    );
    // In the article's order, each one after its own kept block: the same order and anchors as the engine's.
    assert.deepEqual(
      placed.map(({ id, after }) => ({ id, after })),
      expected.removed.map(({ id, after }) => ({ id, after })),
    );
    for (const marker of placed) {
      if (marker.beside === 'td' || marker.beside === 'th') assert.equal(marker.tag, marker.beside, `${marker.id} is a cell beside a cell`);
    }
    await popup.screenshot('popup-show-in-place-sections-and-cells.png');
    await popup.close();
    await page.close();
  });
});
