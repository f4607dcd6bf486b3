/** Options page entry. */
import { startOptions } from './options.ts';

void startOptions(document);
