/** Runs the engine for the measuring scripts: a refusal (no article, too large) is a result, not a crash. */
import { Readability } from '@mozilla/readability';
import { type CleanOptions, type CleanResult, cleanDocument, ReadOnceError } from '../../src/node/index.ts';

export function cleanOrRefuse(doc: Document, options?: CleanOptions): CleanResult | ReadOnceError {
  try {
    return cleanDocument(doc, options);
  } catch (e) {
    if (e instanceof ReadOnceError) return e;
    throw e;
  }
}

/** What every reader mode runs: Readability on a copy of the whole page, as elements. */
export function readabilityArticle(doc: Document): Element | null {
  return new Readability<Element>(doc.cloneNode(true) as Document, { serializer: (el) => el as Element }).parse()?.content ?? null;
}
