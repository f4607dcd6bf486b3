/** What a person watching a batch sees on stderr: a progress line on a terminal, and a summary at the end. */
import type { BatchRecord } from './types.ts';

export class Tally {
  pages = 0;
  articles = 0;
  noArticle = 0;
  errors = 0;
  skipped = 0;
  /** Null without --memory: then nothing is compared across documents. */
  foldedRepeats: number | null = null;
  /** Blocks whose sketches were written (readonce sketch); null in a batch. */
  sketchedBlocks: number | null = null;
  readonly errorsByCode = new Map<string, number>();
  readonly removedByCategory = new Map<string, number>();
  readonly removedByRule = new Map<string, number>();
  readonly started = performance.now();

  add(record: BatchRecord): void {
    this.pages++;
    if ('error' in record) {
      if (record.error.code === 'no-article') this.noArticle++;
      else {
        this.errors++;
        this.errorsByCode.set(record.error.code, (this.errorsByCode.get(record.error.code) ?? 0) + 1);
      }
      return;
    }
    this.articles++;
    for (const removal of record.removed ?? []) {
      bump(this.removedByCategory, removal.category);
      bump(this.removedByRule, removal.reason);
    }
  }

  seconds(): number {
    return (performance.now() - this.started) / 1000;
  }

  summary(interrupted: boolean): string {
    const secs = this.seconds();
    const removed = [...this.removedByCategory.values()].reduce((a, b) => a + b, 0);
    const rate = secs > 0 ? this.pages / secs : 0;
    const head = `${this.sketchedBlocks === null ? 'readonce batch' : 'readonce sketch'}: ${interrupted ? 'interrupted; results so far are complete' : 'done'}`;
    const done = [
      `  wall time    ${duration(secs)} (${rate.toFixed(1)} pages/s)`,
      // Worker threads share the process, so this is the whole batch's peak.
      `  peak RSS     ${Math.round(process.resourceUsage().maxRSS / 1024)} MB`,
    ];
    const counts = [
      `  pages        ${this.pages}${this.skipped ? ` (${this.skipped} already in the output, skipped)` : ''}`,
      `  articles     ${this.articles}`,
      `  no article   ${this.noArticle}`,
      `  errors       ${this.errors}${this.errors ? ` (${list(this.errorsByCode)})` : ''}`,
    ];
    if (this.sketchedBlocks !== null) return [head, ...counts, `  sketched     ${this.sketchedBlocks} blocks that count for the memory`, ...done].join('\n') + '\n';
    const lines = [
      head,
      ...counts,
      `  removed      ${removed} blocks${removed ? `: ${list(this.removedByCategory)}` : ''}`,
      ...(removed ? [`    by rule    ${list(this.removedByRule)}`] : []),
      `  repeats      ${this.foldedRepeats === null ? 'not looked for (no --memory)' : `${this.foldedRepeats} blocks already in earlier documents`}`,
      ...done,
    ];
    return lines.join('\n') + '\n';
  }
}

function bump(map: Map<string, number>, key: string): void {
  map.set(key, (map.get(key) ?? 0) + 1);
}

function list(map: Map<string, number>): string {
  return [...map].sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1)).map(([k, n]) => `${k} ${n}`).join(', ');
}

export function duration(secs: number): string {
  if (!Number.isFinite(secs)) return '?';
  if (secs < 60) return `${secs.toFixed(1)}s`;
  const m = Math.floor(secs / 60);
  if (m < 60) return `${m}m${String(Math.round(secs % 60)).padStart(2, '0')}s`;
  return `${Math.floor(m / 60)}h${String(m % 60).padStart(2, '0')}m`;
}

const WIDTH = 24;

/** One line, redrawn in place: pages done (of the total when known), pages/s and the time left. */
export function progressLine(tally: Tally, total: number | null): string {
  const secs = tally.seconds();
  const rate = secs > 0 ? tally.pages / secs : 0;
  const speed = `${rate.toFixed(1)} pages/s`;
  if (total === null || total === 0) return `${tally.pages} pages · ${speed}`;
  const done = Math.min(tally.pages / total, 1);
  const filled = Math.round(done * WIDTH);
  const eta = rate > 0 ? duration((total - tally.pages) / rate) : '?';
  return `[${'#'.repeat(filled)}${'.'.repeat(WIDTH - filled)}] ${tally.pages}/${total} pages · ${speed} · ETA ${eta}`;
}
