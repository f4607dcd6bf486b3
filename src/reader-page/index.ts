/** Reader page entry: reader.html, shown in a frame over the article by the content script. */
import { startReaderPage } from './reader-page.ts';

// ?pending: opened hidden on a chosen site, to judge the page first (src/content/reader-mode.ts).
void startReaderPage(document, location.hash.slice(1), new URLSearchParams(location.search).has('pending'));
