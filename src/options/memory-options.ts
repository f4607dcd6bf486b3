/**
 * The options page's reading-memory section: on or off, how long to remember, how much is stored (articles,
 * paragraphs, sites, and what the browser says the extension stores), and forgetting a site or everything.
 * Its controls have no names, so the settings form's handler (storage.sync) leaves them to this module
 * (storage.local: they belong to this device).
 */
import { t, uiLanguage } from '../platform/i18n.ts';
import { KEEP_DAYS, loadMemorySettings, saveMemorySettings, type KeepDays } from '../platform/memory-settings.ts';
import { openMemoryStore, type IdbReadingMemory } from '../platform/memory-store.ts';

const DAY_MS = 24 * 3600 * 1000;

function make<K extends keyof HTMLElementTagNameMap>(doc: Document, tag: K, props: Partial<HTMLElementTagNameMap[K]> = {}): HTMLElementTagNameMap[K] {
  return Object.assign(doc.createElement(tag), props);
}

/** "1.2 MB", "1,2 Mo", "1.2 МБ": the size in the UI's language (Intl's byte units). */
function bytes(n: number, locale: string): string {
  const units = ['byte', 'kilobyte', 'megabyte', 'gigabyte'];
  let i = 0;
  while (n >= 1024 && i < units.length - 1) {
    n /= 1024;
    i++;
  }
  try {
    return new Intl.NumberFormat(locale, { style: 'unit', unit: units[i], unitDisplay: 'short', maximumFractionDigits: i === 0 ? 0 : 1 }).format(n);
  } catch {
    return `${n.toFixed(i === 0 ? 0 : 1)} ${['B', 'KB', 'MB', 'GB'][i]}`;
  }
}

/** Builds the section before `before`. Never rejects: a memory that cannot open says so. */
export async function renderMemoryOptions(doc: Document, before: Element): Promise<HTMLElement> {
  const locale = uiLanguage();
  const section = make(doc, 'section', { className: 'options-section', id: 'memory-section' });
  section.setAttribute('aria-labelledby', 'memory-heading');
  const heading = make(doc, 'h2', { id: 'memory-heading', textContent: t('optionsMemoryHeading') });
  const on = make(doc, 'input', { type: 'checkbox', id: 'memory-on' });
  const onLabel = make(doc, 'label', { className: 'options-category' });
  const onText = make(doc, 'span');
  onText.append(make(doc, 'strong', { textContent: t('optionsMemoryOn') }), make(doc, 'span', { className: 'options-help', textContent: t('optionsMemoryHelp') }));
  onLabel.append(on, onText);
  const days = make(doc, 'select', { id: 'memory-days' });
  for (const n of KEEP_DAYS) days.append(make(doc, 'option', { value: String(n), textContent: t('optionsMemoryDaysN', String(n)) }));
  const daysLabel = make(doc, 'label', { htmlFor: 'memory-days', textContent: `${t('optionsMemoryDays')} ` });
  const daysRow = make(doc, 'p');
  daysRow.append(daysLabel, days);
  const stats = make(doc, 'p', { className: 'options-help', id: 'memory-stats' });
  const sitesHeading = make(doc, 'h3', { textContent: t('optionsMemorySites') });
  const sites = make(doc, 'ul', { id: 'memory-sites', className: 'options-memory-sites' });
  const forgetAll = make(doc, 'button', { type: 'button', className: 'ro-button', id: 'memory-forget-all', textContent: t('optionsMemoryForgetAll') });
  const status = make(doc, 'p', { className: 'options-saved', id: 'memory-status' });
  status.setAttribute('role', 'status');
  section.append(heading, onLabel, daysRow, stats, sitesHeading, sites, forgetAll, status);
  before.before(section);

  const settings = await loadMemorySettings();
  on.checked = settings.remember === 'on';
  days.value = String(settings.days);
  let store: IdbReadingMemory | null = null;
  try {
    const opened = await openMemoryStore();
    store = opened.store;
    if (opened.message) status.textContent = t('memoryReset');
  } catch {
    status.textContent = t('memoryReset');
  }

  const refresh = async () => {
    if (!store) return;
    const s = await store.stats();
    stats.textContent = t('optionsMemoryStats', [s.articles.toLocaleString(locale), s.blocks.toLocaleString(locale)]);
    if (s.usageBytes !== null) stats.textContent += ` ${t('optionsMemoryUsage', bytes(s.usageBytes, locale))}`;
    sites.replaceChildren(
      ...s.sites.map(({ site, articles }) => {
        const item = make(doc, 'li', { textContent: `${site} (${articles.toLocaleString(locale)}) ` });
        const forget = make(doc, 'button', { type: 'button', className: 'ro-button ro-quiet', textContent: t('optionsMemoryForgetSite', site) });
        forget.dataset.site = site;
        forget.addEventListener('click', () => void forgotten(store!.forgetSite(site)));
        item.append(forget);
        return item;
      }),
    );
    sitesHeading.hidden = s.sites.length === 0;
    forgetAll.disabled = s.articles === 0;
  };
  const forgotten = async (count: Promise<number>) => {
    status.textContent = t('optionsMemoryForgotten', (await count).toLocaleString(locale));
    await refresh();
  };

  on.addEventListener('change', () => void saveMemorySettings({ remember: on.checked ? 'on' : 'off' }));
  days.addEventListener('change', () => {
    const chosen = Number(days.value) as KeepDays;
    void saveMemorySettings({ days: chosen }).then(() => (store ? forgotten(store.forgetBefore(Date.now() - chosen * DAY_MS)) : undefined));
  });
  forgetAll.addEventListener('click', () => {
    if (!store) return;
    const s = store;
    void forgotten(s.stats().then(async ({ articles }) => (await s.clear(), articles)));
  });
  await refresh();
  return section;
}
