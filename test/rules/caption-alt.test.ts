/** caption-alt: a caption that only repeats its image's alt text. */
import { captionAlt } from '../../src/core/rules/caption-alt.ts';
import { type RuleCase, story, testRule } from './helpers.ts';

const cases: RuleCase[] = [
  {
    title: 'figcaption equal to the image\'s alt',
    html: `${story(0, 1)}<figure><img src="ferry.jpg" alt="The old ferry at the outer island pier"><figcaption>The old ferry at the outer island pier</figcaption></figure>${story(1, 2)}`,
    removed: ['The old ferry at the outer island pier'],
    why: 'CMSs fill the alt with the caption (WordPress\'s default); a screen reader and the reader view would say it twice.',
  },
  {
    title: 'caption paragraph in a figure, alt differing only in case and punctuation',
    html: `${story(0, 1)}<figure><img src="ferry.jpg" alt="the old ferry at the outer island pier."><p>The old ferry at the outer island pier</p></figure>${story(1, 2)}`,
    removed: ['The old ferry at the outer island pier'],
    why: 'Some templates set the caption as a <p> inside <figure>; the comparison is on normalised words.',
  },
  {
    title: 'caption by class next to its image',
    html: `${story(0, 1)}<div class="image"><img src="ferry.jpg" alt="Residents queue to speak at the council meeting"><p class="wp-caption-text">Residents queue to speak at the council meeting</p></div>${story(1, 2)}`,
    removed: ['Residents queue to speak at the council meeting'],
    why: 'WordPress\'s classic editor writes captions as <p class="wp-caption-text"> beside the image, not in a figure.',
  },
  {
    title: 'must not remove: a caption that says more than the alt',
    html: `${story(0, 1)}<figure><img src="ferry.jpg" alt="Ferry"><figcaption>The old ferry at the outer island pier, which has broken down eleven times this year.</figcaption></figure>`,
    removed: [],
    why: 'The usual case: a short alt and a caption with the facts; the caption is content.',
  },
  {
    title: 'must not remove: a caption equal to another figure\'s alt',
    html: `<figure><img src="a.jpg" alt="The new electric ferry on trial"><figcaption>The shipyard in Gdansk</figcaption></figure><figure><img src="b.jpg" alt="The shipyard in Gdansk"><figcaption>The new electric ferry on trial</figcaption></figure>${story(0, 1)}`,
    removed: [],
    why: 'Only the caption\'s own image counts; two figures side by side (a gallery) may describe each other.',
  },
  {
    title: 'must not remove: a paragraph equal to a nearby alt',
    html: `<div><img src="chart.png" alt="Fares will rise by a fifth in spring"><p>Fares will rise by a fifth in spring</p></div>${story(0, 1)}`,
    removed: [],
    why: 'Only captions are compared with alts; a paragraph of the story that an image\'s alt quotes stays.',
  },
];

testRule(captionAlt, cases);
