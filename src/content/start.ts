import { answerContentRequests } from '../platform/messages.ts';
import { loadSettings } from '../platform/settings.ts';
import { cleanPage } from './clean-page.ts';
import { ReaderMode } from './reader-mode.ts';

/** Wires the page's answers: a clean for the popup, reader mode for the popup, command, menu and the reader frame. */
export function startContentScript(doc: Document): void {
  const reader = new ReaderMode(doc);
  answerContentRequests(async (message) => {
    switch (message.type) {
      case 'clean':
        return cleanPage(doc, await loadSettings());
      case 'reader':
        return reader.run(message.action);
      case 'reader-content':
        return reader.content(message.session);
      case 'reader-close':
        return reader.closeFrom(message.session);
    }
  });
}
