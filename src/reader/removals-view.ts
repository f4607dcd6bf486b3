/**
 * The "Removed N" list: removals grouped by category and rule, each with a show-in-place toggle. A rule's
 * explanation stands once under its name when all its removals share it, else under each removal.
 */
import type { Removal, RemovalCategory } from '../core/types.ts';
import { t } from '../platform/i18n.ts';
import { groupRemovals } from './format.ts';
import { explain, ruleName } from './removal-labels.ts';

export const CATEGORY_LABEL_KEYS: Record<RemovalCategory, string> = {
  boilerplate: 'categoryBoilerplate',
  duplicates: 'categoryDuplicates',
  teasers: 'categoryTeasers',
  summaries: 'categorySummaries',
};

/** Called when the reader asks to show (true) or hide (false) removal `index` in the article. */
export type ShowInPlace = (index: number, show: boolean) => void;

export function renderRemovals(doc: Document, removed: readonly Removal[], onShow: ShowInPlace): HTMLElement {
  const panel = doc.createElement('section');
  panel.className = 'ro-removals';
  const heading = doc.createElement('h2');
  heading.className = 'ro-removals-heading';
  heading.textContent = t('removedHeading');
  heading.id = 'ro-removals-heading';
  panel.setAttribute('aria-labelledby', heading.id);
  const intro = doc.createElement('p');
  intro.className = 'ro-removals-intro';
  intro.textContent = t('removedIntro');
  panel.append(heading, intro);

  for (const group of groupRemovals(removed)) {
    const section = doc.createElement('section');
    section.className = 'ro-removal-category';
    section.dataset.category = group.category;
    const title = doc.createElement('h3');
    title.textContent = `${t(CATEGORY_LABEL_KEYS[group.category])} · ${group.count}`;
    section.append(title);

    for (const reason of group.reasons) {
      const block = doc.createElement('div');
      block.className = 'ro-removal-reason';
      block.dataset.reason = reason.reason;
      const name = doc.createElement('p');
      name.className = 'ro-removal-rule';
      name.textContent = ruleName(reason.reason);
      block.append(name);
      if (reason.explanation !== null) block.append(explanation(doc, reason.explanation));

      const list = doc.createElement('ul');
      list.className = 'ro-removal-list';
      for (const { removal, index } of reason.items) {
        const item = doc.createElement('li');
        item.className = 'ro-removal';
        item.dataset.removal = String(index);
        const text = doc.createElement('blockquote');
        text.className = 'ro-removal-text';
        text.textContent = removal.text;
        item.append(text);
        if (reason.explanation === null) item.append(explanation(doc, removal.explanation));
        if (removal.duplicates) {
          const of = doc.createElement('p');
          of.className = 'ro-removal-duplicates';
          const short = removal.duplicates.length > 90 ? removal.duplicates.slice(0, 88) + '…' : removal.duplicates;
          of.textContent = t('duplicatesOf', short);
          item.append(of);
        }
        const toggle = doc.createElement('button');
        toggle.type = 'button';
        toggle.className = 'ro-button ro-show-in-place';
        toggle.setAttribute('aria-pressed', 'false');
        toggle.textContent = t('showInPlace');
        toggle.addEventListener('click', () => {
          const show = toggle.getAttribute('aria-pressed') !== 'true';
          toggle.setAttribute('aria-pressed', String(show));
          toggle.textContent = t(show ? 'hideInPlace' : 'showInPlace');
          onShow(index, show);
        });
        item.append(toggle);
        list.append(item);
      }
      block.append(list);
      section.append(block);
    }
    panel.append(section);
  }
  return panel;
}

function explanation(doc: Document, text: string): HTMLElement {
  const why = doc.createElement('p');
  why.className = 'ro-removal-explanation';
  why.textContent = explain(text);
  return why;
}
