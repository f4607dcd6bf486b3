/**
 * Marks on the popup's performance timeline: when it asks the page for the article (READ_MARK), when the
 * page's snapshot is in hand (SNAPSHOT_MARK, src/platform/read-page.ts) and when it has the article or a
 * message to show (ANSWER_MARK). scripts/bench-click.ts reads them as "click to article" and its two parts.
 */
export const READ_MARK = 'readonce:read';
export const SNAPSHOT_MARK = 'readonce:snapshot';
export const ANSWER_MARK = 'readonce:answer';
