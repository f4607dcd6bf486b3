/** Turning the bytes of a file into text: which encoding, and is it markup or scraped text. */

/** Markup, as opposed to text a scraper copied: a tag at the start, or the usual block tags early on. */
export function looksLikeHtml(bytes: Uint8Array): boolean {
  const head = Buffer.from(bytes.subarray(0, 4096)).toString('latin1');
  return /^\s*(\uFEFF|ï»¿)?\s*</u.test(head) || /<(html|head|body|p|div|article|br)[\s/>]/iu.test(head);
}

/**
 * UTF-8 when the bytes are valid UTF-8 (or carry a BOM); otherwise the charset an HTML page declares; otherwise
 * windows-1252, which maps every byte, so a legacy file reads as text instead of failing.
 */
export function decode(bytes: Uint8Array, html: boolean): string {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return new TextDecoder('utf-16le').decode(bytes);
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return new TextDecoder('utf-16be').decode(bytes);
  try {
    return new TextDecoder('utf-8', { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    const declared = html ? /<meta[^>]+charset=["']?([\w-]+)/iu.exec(Buffer.from(bytes.subarray(0, 4096)).toString('latin1'))?.[1] : undefined;
    try {
      if (declared) return new TextDecoder(declared).decode(bytes);
    } catch {
      // An unknown label: fall through to windows-1252.
    }
    return new TextDecoder('windows-1252').decode(bytes);
  }
}
