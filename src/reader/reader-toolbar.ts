/** The reader's toolbar (reader.html): text size, typeface, width, line spacing, theme, removed list, close. */
import { t } from '../platform/i18n.ts';
import {
  CONTENT_WIDTHS,
  FONT_FAMILIES,
  FONT_SIZE_MAX,
  FONT_SIZE_MIN,
  LINE_HEIGHTS,
  THEMES,
  type Settings,
} from '../platform/settings-schema.ts';

export interface ToolbarHandlers {
  onChange: (changes: Partial<Settings>) => void;
  onClose: () => void;
  /** Present when the article has removals: toggles the removed list. */
  onToggleRemoved?: () => void;
}

const FONT_KEYS = { serif: 'fontSerif', sans: 'fontSans' } as const;
const WIDTH_KEYS = { narrow: 'widthNarrow', medium: 'widthMedium', wide: 'widthWide' } as const;
const LINE_HEIGHT_KEYS = ['lineHeightTight', 'lineHeightNormal', 'lineHeightLoose', 'lineHeightLoosest'];
const THEME_KEYS = { system: 'themeSystem', light: 'themeLight', sepia: 'themeSepia', dark: 'themeDark' } as const;

export interface ReaderToolbar {
  element: HTMLElement;
  closeButton: HTMLButtonElement;
  removedButton: HTMLButtonElement | null;
  update: (settings: Settings) => void;
}

export function renderToolbar(doc: Document, settings: Settings, removedCount: number, handlers: ToolbarHandlers): ReaderToolbar {
  const bar = doc.createElement('div');
  bar.className = 'ro-toolbar';
  bar.setAttribute('role', 'toolbar');
  bar.setAttribute('aria-label', t('readerToolbarLabel'));

  const button = (label: string, className: string, onClick: () => void, title?: string) => {
    const node = doc.createElement('button');
    node.type = 'button';
    node.className = `ro-tool ${className}`;
    node.textContent = label;
    if (title) {
      node.title = title;
      node.setAttribute('aria-label', title);
    }
    node.addEventListener('click', onClick);
    return node;
  };
  const group = (labelKey: string, className: string) => {
    const node = doc.createElement('div');
    node.className = `ro-tool-group ${className}`;
    node.setAttribute('role', 'group');
    node.setAttribute('aria-label', t(labelKey));
    return node;
  };
  const select = <T extends string | number>(labelKey: string, className: string, values: readonly T[], labels: (v: T) => string, pick: (v: T) => void) => {
    const label = doc.createElement('label');
    label.className = `ro-tool-select ${className}`;
    const caption = doc.createElement('span');
    caption.className = 'ro-tool-caption';
    caption.textContent = t(labelKey);
    const node = doc.createElement('select');
    for (const value of values) {
      const option = doc.createElement('option');
      option.value = String(value);
      option.textContent = labels(value);
      node.append(option);
    }
    node.addEventListener('change', () => {
      const value = values.find((v) => String(v) === node.value);
      if (value !== undefined) pick(value);
    });
    label.append(caption, node);
    return { label, node };
  };

  let current = settings;
  const size = group('fontSizeLabel', 'ro-size');
  const smaller = button('A−', 'ro-smaller', () => handlers.onChange({ fontSize: Math.max(FONT_SIZE_MIN, current.fontSize - 1) }), t('fontSmaller'));
  const sizeValue = doc.createElement('output');
  sizeValue.className = 'ro-size-value';
  const larger = button('A+', 'ro-larger', () => handlers.onChange({ fontSize: Math.min(FONT_SIZE_MAX, current.fontSize + 1) }), t('fontLarger'));
  size.append(smaller, sizeValue, larger);

  const family = group('fontFamilyLabel', 'ro-family');
  const familyButtons = FONT_FAMILIES.map((value) => {
    const node = button(t(FONT_KEYS[value]), `ro-family-${value}`, () => handlers.onChange({ fontFamily: value }));
    family.append(node);
    return { value, node };
  });

  const width = select('widthLabel', 'ro-width', CONTENT_WIDTHS, (v) => t(WIDTH_KEYS[v]), (v) => handlers.onChange({ contentWidth: v }));
  const lineHeight = select('lineHeightLabel', 'ro-line-height', LINE_HEIGHTS, (v) => t(LINE_HEIGHT_KEYS[LINE_HEIGHTS.indexOf(v)] ?? ''), (v) => handlers.onChange({ lineHeight: v }));

  const theme = group('themeLabel', 'ro-themes');
  const themeButtons = THEMES.map((value) => {
    const node = button('', `ro-theme ro-theme-${value}`, () => handlers.onChange({ theme: value }), t(THEME_KEYS[value]));
    theme.append(node);
    return { value, node };
  });

  const spacer = doc.createElement('span');
  spacer.className = 'ro-spacer';
  const removedButton = handlers.onToggleRemoved && removedCount > 0 ? button(t('removedCount', String(removedCount)), 'ro-removed-toggle', handlers.onToggleRemoved) : null;
  if (removedButton) removedButton.setAttribute('aria-expanded', 'false');
  const closeButton = button('✕', 'ro-close', handlers.onClose, t('readerCloseHint'));

  bar.append(size, family, width.label, lineHeight.label, theme, spacer);
  if (removedButton) bar.append(removedButton);
  bar.append(closeButton);

  const update = (next: Settings) => {
    current = next;
    sizeValue.textContent = String(next.fontSize);
    sizeValue.setAttribute('aria-label', t('fontSizeValue', String(next.fontSize)));
    smaller.disabled = next.fontSize <= FONT_SIZE_MIN;
    larger.disabled = next.fontSize >= FONT_SIZE_MAX;
    for (const { value, node } of familyButtons) node.setAttribute('aria-pressed', String(value === next.fontFamily));
    width.node.value = next.contentWidth;
    lineHeight.node.value = String(next.lineHeight);
    for (const { value, node } of themeButtons) node.setAttribute('aria-pressed', String(value === next.theme));
  };
  update(settings);
  return { element: bar, closeButton, removedButton, update };
}
