/**
 * Scraped text: headline lines under a "Latest", "Related" or "Read also" label (five languages) go with the
 * label, as their link list does in HTML; lines of the story under such a word stay.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { cleanText } from '../../src/node/index.ts';
import { STORY } from './helpers.ts';

const story = STORY.slice(0, 4).join('\n\n');
const HEADLINES = ['Ferry fares to rise by a fifth in spring', 'The strike that stranded three thousand islanders'];

const byRelatedLinks = (text: string) => cleanText(text).removed.filter((r) => r.reason === 'related-links').map((r) => r.text);

describe('scraped text: labels and the headlines under them', () => {
  for (const label of ['Latest', 'Related', 'Read also:', 'Neueste Artikel', 'Aktuell', 'Dernières actualités', 'Lo último', 'Últimas noticias', 'Последние новости', 'Читайте также']) {
    it(`"${label}" and the headline lines under it`, () => {
      assert.deepEqual(byRelatedLinks(`${story}\n\n${label}\n\n${HEADLINES.join('\n')}\n`), [label, ...HEADLINES]);
    });
  }

  it('a cut-off teaser line ("…") under the label counts as a headline', () => {
    const teaser = 'Islanders queue for hours as the last night ferry of the winter is cancelled…';
    assert.deepEqual(byRelatedLinks(`${story}\n\nLatest\n${teaser}\n`), ['Latest', teaser]);
  });

  it('must not remove: a sentence after the label, nor the label heading it (a live story\'s "Latest")', () => {
    const text = `${story}\n\nLatest\n\nThe council will meet again on Monday to set the new timetable for the winter.\n`;
    assert.deepEqual(byRelatedLinks(text), []);
  });

  it('bare labels at the end of the text go (the seed page.txt)', () => {
    assert.deepEqual(byRelatedLinks(`${story}\n\nRead also:\n\nLatest`), ['Read also:', 'Latest']);
  });

  it('must not remove: headline-like lines with no label above them', () => {
    assert.deepEqual(byRelatedLinks(`${story}\n\n${HEADLINES.join('\n')}\n`), []);
  });
});
