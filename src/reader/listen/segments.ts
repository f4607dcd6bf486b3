/**
 * What reading aloud reads: what the reader sees, in order. The title, then each element of the article body
 * that carries a block id (data-ro-block): the kept blocks, and a removed block only while it is shown in place.
 * A block the reading memory folded is hidden, so it is skipped until the reader opens its fold. Asked again
 * before each paragraph, so a fold opened or a removal shown while listening is read when its turn comes.
 */
import type { CleanResult } from '../../core/types.ts';
import type { ArticleView } from '../article-view.ts';

export interface Segment {
  /** The element highlighted while its text is read. */
  element: HTMLElement;
  text: string;
  /** The block id; 'title' for the headline. */
  id: string;
}

function squash(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** Hidden by the view: `hidden` on itself or an ancestor inside the article (a fold, the removed list). */
function hiddenIn(element: Element, root: Element): boolean {
  for (let at: Element | null = element; at && at !== root; at = at.parentElement) {
    if ((at as HTMLElement).hidden) return true;
  }
  return false;
}

export function readableSegments(view: ArticleView, result: Pick<CleanResult, 'blocks' | 'removed'>): Segment[] {
  const segments: Segment[] = [];
  const title = view.element.querySelector<HTMLElement>('.ro-header .ro-title');
  if (title && squash(title.textContent ?? '') !== '') segments.push({ element: title, text: squash(title.textContent ?? ''), id: 'title' });
  const kept = new Map(result.blocks.map((block) => [block.id as string, block.text]));
  const removed = new Map(result.removed.map((removal) => [removal.id as string, removal.text]));
  const taken: HTMLElement[] = [];
  for (const element of view.body.querySelectorAll<HTMLElement>('[data-ro-block]')) {
    if (hiddenIn(element, view.body)) continue;
    // A block inside another one being read is read with it.
    if (taken.some((outer) => outer.contains(element))) continue;
    const id = element.getAttribute('data-ro-block') ?? '';
    const isRemoval = element.classList.contains('ro-removed');
    const text = isRemoval
      ? squash(element.querySelector('.ro-removed-text')?.textContent ?? removed.get(id) ?? '')
      : squash(kept.get(id) ?? element.textContent ?? '');
    if (text === '') continue;
    segments.push({ element, text, id });
    taken.push(element);
  }
  return segments;
}

/**
 * A paragraph cut into pieces of about `size` characters at sentence ends (Intl.Segmenter, which knows
 * Japanese and Chinese full stops): the engine speaks one piece at a time, so a long paragraph is not one
 * utterance (Chrome has dropped utterances that run long), and a pause resumes at most one piece back.
 */
export function speechChunks(text: string, lang: string, size = 240): string[] {
  const sentences: string[] = [];
  try {
    const segmenter = new Intl.Segmenter(lang, { granularity: 'sentence' });
    for (const { segment } of segmenter.segment(text)) sentences.push(segment);
  } catch {
    sentences.push(text);
  }
  const chunks: string[] = [];
  let current = '';
  for (const sentence of sentences) {
    if (current !== '' && current.length + sentence.length > size) {
      chunks.push(current);
      current = '';
    }
    current += sentence;
  }
  if (current.trim() !== '') chunks.push(current);
  return chunks.map((chunk) => chunk.trim()).filter((chunk) => chunk !== '');
}
