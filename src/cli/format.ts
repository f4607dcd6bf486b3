/** The CLI's output formats, from one CleanResult. */
import type { CleanResult } from '../core/index.ts';

export const FORMATS = ['text', 'json', 'markdown', 'html'] as const;
export type Format = (typeof FORMATS)[number];

const escapeHtml = (s: string) => s.replace(/[&<>"]/gu, (c) => `&${({ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' } as const)[c as '&']};`);

/** The title, a blank line, then the kept blocks except captions, one per paragraph. */
export function toText(result: CleanResult): string {
  const body = result.blocks.filter((b) => b.kind !== 'caption').map((b) => b.text);
  return [result.title, ...body].join('\n\n') + '\n';
}

export function formatResult(result: CleanResult, format: Format): string {
  switch (format) {
    case 'json':
      return JSON.stringify(result, null, 2) + '\n';
    case 'markdown':
      return result.markdown;
    case 'html':
      return (
        `<!doctype html>\n<html${result.lang ? ` lang="${escapeHtml(result.lang)}"` : ''}>\n<head>\n<meta charset="utf-8">\n` +
        `<title>${escapeHtml(result.title)}</title>\n</head>\n<body>\n<article>\n<h1>${escapeHtml(result.title)}</h1>\n` +
        `${result.html}\n</article>\n</body>\n</html>\n`
      );
    case 'text':
      return toText(result);
  }
}
