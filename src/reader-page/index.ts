/** Reader page entry: reader.html, shown in a frame over the article by the content script. */
import { startReaderPage } from './reader-page.ts';

void startReaderPage(document, location.hash.slice(1));
