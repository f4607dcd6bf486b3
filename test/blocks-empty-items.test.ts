/**
 * A list item with no text and nothing a reader sees without text is no block, and the article's html does not
 * show it as a bare bullet (SFGate's "BREAKING NEWS" list, one `<li>` filled by a script the reader never runs).
 */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, it } from 'node:test';
import { JSDOM } from 'jsdom';
import { dropEmptyListItems } from '../src/core/blocks.ts';
import { cleanHtml } from '../src/node/index.ts';

function dropped(html: string): string {
  const root = new JSDOM(`<div id="root">${html}</div>`).window.document.getElementById('root')!;
  dropEmptyListItems(root);
  return root.innerHTML;
}

describe('dropEmptyListItems', () => {
  const cases: Array<{ name: string; html: string; expected: string }> = [
    { name: 'white space only: the item goes, and the list it leaves empty', html: '<h2>Breaking news</h2><ul>\n  <li>\n   </li>\n</ul>', expected: '<h2>Breaking news</h2>' },
    { name: 'an empty link or span shows nothing but the bullet', html: '<ul><li><a href="/x"><span></span></a></li><li>Kept</li></ul>', expected: '<ul><li>Kept</li></ul>' },
    { name: 'a numbered list closes up (no "2." standing alone)', html: '<ol><li>One</li><li></li><li>Two</li></ol>', expected: '<ol><li>One</li><li>Two</li></ol>' },
    { name: 'an item whose text is a no-break space only', html: '<ul><li>\u00a0</li><li>x</li></ul>', expected: '<ul><li>x</li></ul>' },
    { name: 'an outer item holding only empty lists goes whole', html: '<ul><li><ul><li></li></ul></li></ul>', expected: '' },
    { name: 'an outer item whose nested list has text stays; its empty sibling goes', html: '<ul><li><ul><li>deep</li><li> </li></ul></li></ul>', expected: '<ul><li><ul><li>deep</li></ul></li></ul>' },
    { name: 'a picture is seen without text', html: '<ul><li><img src="a.jpg" alt=""></li></ul>', expected: '<ul><li><img src="a.jpg" alt=""></li></ul>' },
    { name: 'so are video, svg, math, figure and a rule', html: '<ul><li><video src="v.mp4"></video></li><li><svg></svg></li><li><math></math></li><li><figure></figure></li><li><hr></li></ul>', expected: '<ul><li><video src="v.mp4"></video></li><li><svg></svg></li><li><math></math></li><li><figure></figure></li><li><hr></li></ul>' },
    { name: 'an item with any text stays, however short', html: '<ul><li>–</li><li><b>0</b></li></ul>', expected: '<ul><li>–</li><li><b>0</b></li></ul>' },
    { name: 'a list that keeps text of its own outside items stays', html: '<ul>loose<li></li></ul>', expected: '<ul>loose</ul>' },
  ];
  for (const c of cases) it(c.name, () => assert.equal(dropped(c.html), c.expected));
});

describe('the clean of a page with an empty list item', () => {
  const source = readFileSync(path.join(import.meta.dirname, 'fixtures', 'memory', 'latest-stabbing', 'b.html'), 'utf8');
  const result = cleanHtml(source, { url: 'https://www.sfgate.com/news/article/The-Latest-Man-stabbed-to-death-on-San-Francisco-14828431.php' });
  const root = new JSDOM(`<div>${result.html}</div>`).window.document.body.firstElementChild!;

  it('leaves no item without text in the html, and no bare bullet in the Markdown', () => {
    assert.ok(result.blocks.some((b) => b.text === 'BREAKING NEWS'), 'the page is the one with the script-filled list');
    assert.deepEqual(Array.from(root.querySelectorAll('li')).filter((li) => (li.textContent ?? '').trim() === '').length, 0);
    assert.doesNotMatch(result.markdown, /^\s*(?:[-*+]|\d+\.)\s*$/mu);
  });

  it('still shows every kept block', () => {
    const shown = Array.from(root.querySelectorAll('[data-ro-block]'), (el) => el.getAttribute('data-ro-block'));
    assert.deepEqual(shown, result.blocks.map((b) => b.id));
  });
});
