/**
 * The reading memory in a file, for `readonce batch --memory FILE`: the engine's in-memory index, loaded from
 * FILE at start and written back at the end (and when the run is interrupted). The file is the JSON of
 * `InMemoryReadingMemory.toJSON()`: fingerprints, url, title, site and time; never text. It is replaced
 * through a temporary file, so a crash while saving leaves the previous memory whole.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { InMemoryReadingMemory } from '../core/memory/index.ts';
import type { Fingerprint, ReadingMemory, RememberedArticle, Sighting } from '../core/memory/index.ts';

export class FileReadingMemory implements ReadingMemory {
  private constructor(
    readonly path: string,
    private readonly memory: InMemoryReadingMemory,
  ) {}

  /**
   * The memory in `path`; an empty one when the file does not exist yet. A file that cannot be read as a
   * memory also starts empty, with `message` saying so (the caller decides whether to go on).
   */
  static open(path: string, options: { maxArticles?: number } = {}): { memory: FileReadingMemory; message: string | null } {
    let text: string;
    try {
      text = readFileSync(path, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { memory: new FileReadingMemory(path, new InMemoryReadingMemory(options)), message: null };
      throw e;
    }
    let value: unknown;
    try {
      value = JSON.parse(text);
    } catch {
      value = null;
    }
    const { memory, message } = InMemoryReadingMemory.fromJSON(value, options);
    return { memory: new FileReadingMemory(path, memory), message };
  }

  get size(): number {
    return this.memory.size;
  }

  record(article: RememberedArticle): Promise<void> {
    return this.memory.record(article);
  }

  lookup(fingerprints: readonly Fingerprint[]): Promise<Sighting[][]> {
    return this.memory.lookup(fingerprints);
  }

  /** Synchronous, so a signal handler can save before the process exits. */
  save(): void {
    const tmp = `${this.path}.partial`;
    writeFileSync(tmp, JSON.stringify(this.memory.toJSON()));
    renameSync(tmp, this.path);
  }
}
