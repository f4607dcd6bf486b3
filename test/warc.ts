/** A WARC file of HTTP responses, written with warcio as a crawler would: for the batch and corpus tests. */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { WARCRecord, WARCSerializer } from 'warcio';

export async function writeWarc(file: string, pages: { url: string; type: string; status?: number; body: string }[]): Promise<void> {
  const parts: Uint8Array[] = [];
  const info = WARCRecord.createWARCInfo({ filename: path.basename(file), warcVersion: 'WARC/1.1' }, { software: 'readonce test' });
  parts.push(await WARCSerializer.serialize(info));
  for (const page of pages) {
    const request = WARCRecord.create({ url: page.url, type: 'request', warcVersion: 'WARC/1.1', httpHeaders: {}, statusline: `GET ${new URL(page.url).pathname} HTTP/1.1` }, []);
    parts.push(await WARCSerializer.serialize(request));
    const response = WARCRecord.create(
      { url: page.url, type: 'response', warcVersion: 'WARC/1.1', statusline: `HTTP/1.1 ${page.status ?? 200} OK`, httpHeaders: { 'Content-Type': page.type } },
      [new TextEncoder().encode(page.body)],
    );
    parts.push(await WARCSerializer.serialize(response));
  }
  writeFileSync(file, Buffer.concat(parts));
}
