/**
 * The options page's sites that always open in reader mode: each with a button that takes it back (off the list,
 * and its host permission given back), and a field to add one, which asks the browser for that site's origin.
 * Its controls have no names, so the settings form's handler leaves them alone.
 */
import { t } from '../platform/i18n.ts';
import { autoOpenSites, patternFromInput, removeAutoOpenSite, requestAutoOpenSite, siteName, watchAutoOpenSites } from '../platform/site-permissions.ts';

function make<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}): HTMLElementTagNameMap[K] {
  return Object.assign(doc.createElement(tag), props);
}

/** Builds the section before `before`. */
export async function renderAutoOpenOptions(doc: Document, before: Element): Promise<HTMLElement> {
  const section = make(doc, 'section', { className: 'options-section', id: 'auto-open-section' });
  section.setAttribute('aria-labelledby', 'auto-open-heading');
  const heading = make(doc, 'h2', { id: 'auto-open-heading', textContent: t('optionsAutoOpenHeading') });
  const intro = make(doc, 'p', { className: 'options-help', textContent: t('optionsAutoOpenIntro') });
  const list = make(doc, 'ul', { id: 'auto-open-sites', className: 'options-memory-sites' });
  const none = make(doc, 'p', { className: 'options-help', id: 'auto-open-none', textContent: t('optionsAutoOpenNone') });
  const input = make(doc, 'input', { type: 'text', id: 'auto-open-input', spellcheck: false, autocomplete: 'off', placeholder: 'example.com' });
  const label = make(doc, 'label', { htmlFor: 'auto-open-input', textContent: `${t('optionsAutoOpenAddLabel')} ` });
  const add = make(doc, 'button', { type: 'button', className: 'ro-button', id: 'auto-open-add', textContent: t('optionsAutoOpenAdd') });
  const row = make(doc, 'p', { className: 'options-auto-open-add' });
  row.append(label, input, ' ', add);
  const status = make(doc, 'p', { className: 'options-saved', id: 'auto-open-status' });
  status.setAttribute('role', 'status');
  section.append(heading, intro, list, none, row, status);
  before.before(section);

  const refresh = async () => {
    const sites = await autoOpenSites();
    list.replaceChildren(
      ...sites.map((pattern) => {
        const item = make(doc, 'li', { textContent: `${siteName(pattern)} ` });
        const back = make(doc, 'button', { type: 'button', className: 'ro-button ro-quiet', textContent: t('optionsAutoOpenRemove', siteName(pattern)) });
        back.dataset.site = pattern;
        back.addEventListener('click', () => {
          void removeAutoOpenSite(pattern).then(async () => {
            status.textContent = t('autoOpenOff', siteName(pattern));
            await refresh();
          });
        });
        item.append(back);
        return item;
      }),
    );
    none.hidden = sites.length > 0;
  };
  add.addEventListener('click', () => {
    const pattern = patternFromInput(input.value);
    if (!pattern) {
      status.textContent = t('optionsAutoOpenInvalid', input.value.trim());
      return;
    }
    // Straight from the click: browsers grant a permission request only within the gesture.
    void requestAutoOpenSite(pattern).then(async (granted) => {
      status.textContent = t(granted ? 'autoOpenOn' : 'autoOpenRefused', siteName(pattern));
      if (granted) input.value = '';
      await refresh();
    });
  });
  watchAutoOpenSites(() => void refresh());
  await refresh();
  return section;
}
