/**
 * The popup's "Always use reader mode on this site": turned on, it asks the browser for this one site's origin
 * (in the click, as browsers require) and, once given, reader mode opens by itself on the site's article pages
 * (src/background/auto-open.ts); turned off, it gives the access back.
 */
import { t } from '../platform/i18n.ts';
import { autoOpenSites, removeAutoOpenSite, requestAutoOpenSite, siteName, sitePattern } from '../platform/site-permissions.ts';
import type { TabRef } from '../platform/tabs.ts';

export async function attachAutoOpenToggle(box: HTMLInputElement, tab: TabRef, status: HTMLElement): Promise<void> {
  const pattern = sitePattern(tab.url);
  if (!pattern) {
    box.disabled = true;
    box.closest('label')?.setAttribute('title', t('autoOpenUnavailable'));
    return;
  }
  const site = siteName(pattern);
  box.checked = (await autoOpenSites()).includes(pattern);
  box.disabled = false;
  box.addEventListener('change', () => {
    if (box.checked) {
      // Straight from the click: no await may come before the request.
      void requestAutoOpenSite(pattern).then(
        (granted) => {
          box.checked = granted;
          status.textContent = t(granted ? 'autoOpenOn' : 'autoOpenRefused', site);
        },
        (error: unknown) => {
          box.checked = false;
          status.textContent = t('problemFailed', error instanceof Error ? error.message : String(error));
        },
      );
    } else {
      void removeAutoOpenSite(pattern).then(() => (status.textContent = t('autoOpenOff', site)));
    }
  });
}
