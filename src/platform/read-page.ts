/**
 * Reading a page, for the popup and the reader frame alike: its snapshot from the content script, part by part
 * (src/content/snapshot.ts), then the clean in the engine's document (engine-frame.ts). The page's main thread
 * only serialises; everything else happens in the extension's process.
 */
import { SNAPSHOT_MARK } from './read-marks.ts';
import type { EngineFrame } from './engine-frame.ts';
import type { CleanReply, SnapshotPartReply, SnapshotReply } from './messages.ts';
import { keepsEverythingOn, type Settings } from './settings-schema.ts';

/** Where the snapshot comes from: the popup asks the tab, the reader frame asks through the background. null: stale. */
export interface SnapshotSource {
  snapshot(): Promise<SnapshotReply | null>;
  part(id: string, index: number): Promise<SnapshotPartReply | null>;
}

/** The clean article of the page, or why there is none; null when the source no longer answers for it. */
export async function readPage(source: SnapshotSource, engine: EngineFrame, settings: Settings): Promise<CleanReply | null> {
  const first = await source.snapshot();
  if (!first?.ok) return first;
  const { snapshot } = first;
  const parts = [first.part];
  for (let index = 1; index < snapshot.parts; index++) {
    const next = await source.part(snapshot.id, index);
    if (!next?.ok) return next;
    parts.push(next.part);
  }
  performance.mark(SNAPSHOT_MARK);
  const hostname = hostnameOf(snapshot.url);
  return engine.clean({
    snapshot: { url: snapshot.url, baseUrl: snapshot.baseUrl, contentType: snapshot.contentType, dir: snapshot.dir, markup: parts.join('') },
    keep: [...settings.keep],
    keptEverything: hostname !== '' && keepsEverythingOn(settings.keepEverythingOn, hostname),
  });
}

function hostnameOf(url: string): string {
  try {
    return new URL(url).hostname;
  } catch {
    // about:blank and the like have no host: no site rule applies.
    return '';
  }
}
