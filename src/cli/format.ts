/** The CLI's output formats, from one CleanResult: text, Markdown and HTML exactly as the engine renders them. */
import { articleAsText } from '../core/format.ts';
import type { CleanResult } from '../core/index.ts';

export const FORMATS = ['text', 'json', 'markdown', 'html'] as const;
export type Format = (typeof FORMATS)[number];

const escapeHtml = (s: string) => s.replace(/[&<>"]/gu, (c) => `&${({ '&': 'amp', '<': 'lt', '>': 'gt', '"': 'quot' } as const)[c as '&']};`);

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
      return articleAsText(result);
  }
}
