/** Reader mode on the page: opens the overlay with a fresh clean, closes it, follows settings changes. */
import type { ReaderAction, ReaderReply } from '../platform/messages.ts';
import { loadSettings, saveSettings, watchSettings } from '../platform/settings.ts';
import type { Settings } from '../platform/settings-schema.ts';
import { ReaderOverlay } from '../reader/overlay.ts';
import { cleanPage } from './clean-page.ts';

export class ReaderMode {
  private readonly overlay: ReaderOverlay;
  private settings: Settings | null = null;
  private unwatch: (() => void) | null = null;

  constructor(private readonly doc: Document) {
    this.overlay = new ReaderOverlay(doc, {
      onChange: (changes) => void this.change(changes),
      onClose: () => this.close(),
    });
  }

  async run(action: ReaderAction): Promise<ReaderReply> {
    const open = action === 'toggle' ? !this.overlay.isOpen : action === 'open';
    if (open && !this.overlay.isOpen) await this.open();
    if (!open) this.close();
    return { open: this.overlay.isOpen };
  }

  private async open(): Promise<void> {
    // The shortcut can come while the page is still arriving: read it once its document is complete.
    if (this.doc.readyState === 'loading') {
      await new Promise((done) => this.doc.addEventListener('DOMContentLoaded', done, { once: true }));
    }
    const settings = await loadSettings();
    this.settings = settings;
    const reply = cleanPage(this.doc, settings);
    this.overlay.open(reply.ok ? { kind: 'article', reply } : { kind: 'problem', reply }, settings);
    this.unwatch = watchSettings((next) => {
      this.settings = next;
      this.overlay.update(next);
    });
  }

  private async change(changes: Partial<Settings>): Promise<void> {
    if (!this.settings) return;
    // Show the change at once; storage confirms it (and tells other tabs) a moment later.
    this.settings = { ...this.settings, ...changes };
    this.overlay.update(this.settings);
    this.settings = await saveSettings(changes);
  }

  close(): void {
    this.unwatch?.();
    this.unwatch = null;
    this.overlay.close();
  }
}
