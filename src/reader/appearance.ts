/** Applies the reader's theme and typography to a view root, as data attributes and CSS variables. */
import type { ContentWidth, Settings } from '../platform/settings-schema.ts';

const WIDTH_EM: Record<ContentWidth, number> = { narrow: 30, medium: 36, wide: 46 };

export function applyAppearance(root: HTMLElement, settings: Settings, scaleFontSize = true): void {
  root.dataset.theme = settings.theme;
  root.dataset.font = settings.fontFamily;
  root.dataset.width = settings.contentWidth;
  if (scaleFontSize) root.style.setProperty('--ro-font-size', `${settings.fontSize}px`);
  root.style.setProperty('--ro-line-height', String(settings.lineHeight));
  // In multiples of the article's text size, so panels with their own font size line up with it.
  root.style.setProperty('--ro-measure', `calc(${WIDTH_EM[settings.contentWidth]} * var(--ro-font-size))`);
}
