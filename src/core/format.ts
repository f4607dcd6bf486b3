/**
 * The article as plain text, written once for every reader of it: the CLI's --format text, the popup's and
 * the reader's "Copy text", and the eval's metric. Markdown is rendered once too, by the engine itself
 * (render.ts), and every view copies `result.markdown`.
 */
import type { Block, CleanResult } from './types.ts';

/**
 * The blocks that make up the text: every kept block except captions. Plain text has no images, so a caption
 * or photo credit would stand alone between paragraphs with nothing to describe ("Photo: Reuters").
 */
export function textBlocks(blocks: readonly Block[]): string[] {
  return blocks.filter((block) => block.kind !== 'caption').map((block) => block.text);
}

/** The title, a blank line, then each text block as its own paragraph; a table keeps one line per row. */
export function articleAsText(result: Pick<CleanResult, 'title' | 'blocks'>): string {
  return [result.title, ...textBlocks(result.blocks)].filter((text) => text !== '').join('\n\n') + '\n';
}
