/**
 * Step 2, React's streamed segments: the swaps the page's own scripts would make, read from their text before
 * anything is copied, since the copy must keep each segment and its boundary until 07-shown makes the swaps.
 * A page that streams its content in late is copied whole (see index.ts): its region was found before the swap.
 */

/**
 * React's streaming server rendering sends a suspended part of the page late, as `<div hidden id="S:0">` at the
 * end of the body, and a script `$RC("B:0","S:0")` that moves it into its boundary (`<template id="B:0">`
 * followed by the fallback, up to the comment `/$`); `$RS("S:1","P:1")` moves a segment to its placeholder
 * `<template id="P:1">`. With scripts off (jsdom) or before they ran, the content is still hidden at the end.
 */
const STREAMED = /\$R([CS])\(\s*["']([^"']+)["']\s*,\s*["']([^"']+)["']\s*\)/gu;

export interface Swap {
  /** $RC: the boundary template, whose fallback the segment replaces; $RS: the placeholder template. */
  target: string;
  segment: string;
  replacesFallback: boolean;
}

/** The swaps the page's inline scripts would make, read from their text. */
export function streamedSwaps(doc: Document): Swap[] {
  const swaps: Swap[] = [];
  for (const script of doc.getElementsByTagName('script')) {
    const text = script.textContent ?? '';
    if (!text.includes('$R')) continue;
    for (const [, kind, a, b] of text.matchAll(STREAMED)) {
      swaps.push(kind === 'C' ? { target: a!, segment: b!, replacesFallback: true } : { target: b!, segment: a!, replacesFallback: false });
    }
  }
  return swaps;
}
