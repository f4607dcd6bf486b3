/** @joplin/turndown-plugin-gfm ships no types; ReadOnce uses its table plugin only. */
declare module '@joplin/turndown-plugin-gfm' {
  import type TurndownService from 'turndown';
  export function tables(service: TurndownService): void;
}
