/** The options page: every change is validated and saved at once to storage.sync. */
import { REMOVAL_CATEGORIES, type RemovalCategory } from '../core/types.ts';
import { listCommands } from '../platform/extension.ts';
import { localise, t } from '../platform/i18n.ts';
import { requiredElement } from '../platform/page-elements.ts';
import { SHORTCUTS_WHERE_KEY, openShortcutSettings } from '../platform/quirks.ts';
import { loadSettings, normaliseSite, resetSettings, saveSettings, watchSettings } from '../platform/settings.ts';
import type { Settings } from '../platform/settings-schema.ts';
import { applyAppearance } from '../reader/appearance.ts';
import { renderAutoOpenOptions } from './auto-open-options.ts';
import { renderMemoryOptions } from './memory-options.ts';
import { CATEGORY_LABEL_KEYS } from '../reader/removals-view.ts';

const CATEGORY_HELP_KEYS: Record<RemovalCategory, string> = {
  boilerplate: 'categoryBoilerplateHelp',
  duplicates: 'categoryDuplicatesHelp',
  teasers: 'categoryTeasersHelp',
  summaries: 'categorySummariesHelp',
};

export async function startOptions(doc: Document): Promise<void> {
  localise(doc);
  const root = requiredElement(doc, 'root');
  const form = requiredElement<HTMLFormElement>(doc, 'options');
  const fontSize = requiredElement<HTMLInputElement>(doc, 'font-size');
  const fontSizeValue = requiredElement<HTMLOutputElement>(doc, 'font-size-value');
  const width = requiredElement<HTMLSelectElement>(doc, 'content-width');
  const lineHeight = requiredElement<HTMLSelectElement>(doc, 'line-height');
  const sites = requiredElement<HTMLTextAreaElement>(doc, 'sites');
  const sitesError = requiredElement(doc, 'sites-error');
  const saved = requiredElement(doc, 'saved');
  const preview = requiredElement(doc, 'preview');
  const loadImages = requiredElement<HTMLInputElement>(doc, 'load-images');

  const categories = requiredElement(doc, 'categories');
  for (const category of REMOVAL_CATEGORIES) {
    const label = doc.createElement('label');
    label.className = 'options-category';
    const box = doc.createElement('input');
    box.type = 'checkbox';
    box.name = 'removal';
    box.value = category;
    box.id = `removal-${category}`;
    const text = doc.createElement('span');
    const name = doc.createElement('strong');
    name.textContent = t(CATEGORY_LABEL_KEYS[category]);
    const help = doc.createElement('span');
    help.className = 'options-help';
    help.textContent = t(CATEGORY_HELP_KEYS[category]);
    text.append(name, help);
    label.append(box, text);
    categories.append(label);
  }

  const show = (settings: Settings) => {
    applyAppearance(root, settings, false);
    applyAppearance(preview, settings);
    for (const input of form.querySelectorAll<HTMLInputElement>('input[type=radio]')) {
      input.checked = settings[input.name as 'theme' | 'fontFamily'] === input.value;
    }
    fontSize.value = String(settings.fontSize);
    fontSizeValue.textContent = `${settings.fontSize} px`;
    width.value = settings.contentWidth;
    lineHeight.value = String(settings.lineHeight);
    for (const box of form.querySelectorAll<HTMLInputElement>('input[name=removal]')) {
      box.checked = !settings.keep.includes(box.value as RemovalCategory);
    }
    loadImages.checked = settings.loadImages;
    if (doc.activeElement !== sites) sites.value = settings.keepEverythingOn.join('\n');
  };

  let flash: ReturnType<typeof setTimeout> | undefined;
  const save = async (changes: Partial<Settings>) => {
    show(await saveSettings(changes));
    saved.textContent = t('optionsSaved');
    clearTimeout(flash);
    flash = setTimeout(() => (saved.textContent = ''), 2000);
  };

  form.addEventListener('change', (event) => {
    const target = event.target as HTMLInputElement | HTMLSelectElement | HTMLTextAreaElement;
    switch (target.name) {
      case 'theme':
      case 'fontFamily':
      case 'contentWidth':
        void save({ [target.name]: target.value } as Partial<Settings>);
        break;
      case 'fontSize':
      case 'lineHeight':
        void save({ [target.name]: Number(target.value) } as Partial<Settings>);
        break;
      case 'loadImages':
        void save({ loadImages: (target as HTMLInputElement).checked });
        break;
      case 'removal': {
        const keep = [...form.querySelectorAll<HTMLInputElement>('input[name=removal]')]
          .filter((box) => !box.checked)
          .map((box) => box.value as RemovalCategory);
        void save({ keep });
        break;
      }
      case 'keepEverythingOn': {
        const lines = sites.value.split(/[\n,]+/).map((line) => line.trim()).filter((line) => line !== '');
        const invalid = lines.filter((line) => normaliseSite(line) === null);
        sitesError.textContent = invalid.length > 0 ? t('optionsSitesInvalid', invalid.join(', ')) : '';
        sites.setAttribute('aria-invalid', String(invalid.length > 0));
        void save({ keepEverythingOn: lines }).then(() => {
          if (invalid.length === 0) sites.value = sites.value.trim();
        });
        break;
      }
    }
  });
  fontSize.addEventListener('input', () => {
    fontSizeValue.textContent = `${fontSize.value} px`;
  });
  requiredElement<HTMLButtonElement>(doc, 'reset').addEventListener('click', () => void resetSettings().then(show));
  requiredElement<HTMLButtonElement>(doc, 'change-shortcuts').addEventListener('click', () => void openShortcutSettings());
  requiredElement(doc, 'shortcuts-where').textContent = t(SHORTCUTS_WHERE_KEY);

  const shortcuts = requiredElement(doc, 'shortcuts');
  for (const command of await listCommands()) {
    const term = doc.createElement('dt');
    term.textContent = command.description || t('commandOpenPopup');
    const keys = doc.createElement('dd');
    if (command.shortcut) {
      const kbd = doc.createElement('kbd');
      kbd.textContent = command.shortcut;
      keys.append(kbd);
    } else {
      keys.textContent = t('optionsShortcutsNone');
    }
    keys.dataset.command = command.name;
    shortcuts.append(term, keys);
  }

  show(await loadSettings());
  watchSettings(show);
  void renderMemoryOptions(doc, requiredElement(doc, 'shortcuts-heading').closest('section')!);
  void renderAutoOpenOptions(doc, requiredElement(doc, 'shortcuts-heading').closest('section')!);
}
