/** Popup entry. */
import { startPopup } from './popup.ts';

void startPopup(document, location.search);
