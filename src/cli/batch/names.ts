/**
 * `--out-dir` file names that no two pages of a run share. A source names each page (a directory mirrors its
 * paths, JSON Lines and WARC records give `safeName(id)`), but two pages can still come to one name: a JSON
 * line that repeats an id, an id-less line named by its number next to an explicit id of the same text, two
 * sources given together (`a.jsonl b.jsonl`, both with a line 1), or two ids that differ only in case on a
 * file system that ignores it (macOS, Windows). The later page then takes `<name>~2` (or the first `~k` that
 * is free), so no page overwrites another.
 *
 * Names are given in input order to every page, including those `--resume` skips and those that will fail,
 * so what a page is called depends on the input alone: a rerun and a resumed run name each page the same.
 * `safeName` never writes a `~`, so a suffixed name is never an id's own name.
 */
export class OutputNames {
  /** The names given so far, as a case-insensitive file system compares them. */
  private readonly taken = new Set<string>();

  /** The name `wanted`, or the first `wanted~k` (k = 2, 3, …) that no earlier page of the run has. */
  claim(wanted: string): string {
    let name = wanted;
    for (let k = 2; this.taken.has(fold(name)); k++) name = `${wanted}~${k}`;
    this.taken.add(fold(name));
    return name;
  }
}

function fold(name: string): string {
  return name.normalize('NFC').toLowerCase();
}
