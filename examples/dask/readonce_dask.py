"""Clean a corpus of shards on a Dask cluster with ReadOnce, checking every shard against all the others.

    /usr/bin/python3 examples/dask/readonce_dask.py --scheduler tcp://10.0.0.5:8786 CORPUS OUT

CORPUS is a directory whose entries are the shards, read in name order: JSON Lines files (.jsonl, .ndjson,
gzipped too, one {"id", "url", "html"} or {"id", "url", "text"} a line), WARC files (.warc, .warc.gz) and
directories of HTML or text pages. Three steps, each partition (one shard) through the readonce CLI:

  1. the map:        readonce sketch SHARD           -> OUT/sketches/SHARD.jsonl (one task per shard)
  2. the reduce:     readonce memory build ...       -> OUT/memory.jsonl          (one task)
  3. the second map: readonce batch SHARD --memory   -> OUT/clean/SHARD.jsonl     (one task per shard)

OUT/clean/*.jsonl, read in shard order, are the records one `readonce batch --memory` process would write
over the whole corpus in that order: a block is a repeat when an earlier page of the corpus had it, whatever
shard that page is in. See docs/batch.md.

Every worker runs the readonce command (--readonce, default `readonce`) and reads CORPUS and writes OUT at
the same paths, so on more than one machine both live on a shared file system. A task writes its file under
a name of its own and renames it into place when its readonce has finished, so a task that dies (its worker
killed, its machine gone) leaves no half file, and Dask runs it again elsewhere: no record is lost or written
twice. Its readonce dies with it (Linux: PR_SET_PDEATHSIG), so no orphan writes on.

Needs Dask's distributed (Debian: apt-get install python3-distributed, for /usr/bin/python3).
"""

import argparse
import json
import os
import shlex
import signal
import subprocess
import sys
import time
import uuid

SHARD_FILE = (".jsonl", ".ndjson", ".jsonl.gz", ".ndjson.gz", ".warc", ".warc.gz")


def find_shards(corpus):
    """The shards of CORPUS in name order: its JSON Lines and WARC files and its directories."""
    shards, other = [], []
    for name in sorted(os.listdir(corpus)):
        if name.startswith("."):
            continue
        path = os.path.join(corpus, name)
        if os.path.isdir(path) or name.lower().endswith(SHARD_FILE):
            shards.append(path)
        else:
            other.append(name)
    return shards, other


def shard_name(shard):
    """The shard's name in OUT: its file name without the extension (shard-03.jsonl.gz: shard-03)."""
    name = os.path.basename(shard.rstrip("/"))
    if os.path.isdir(shard):
        return name
    for ext in sorted(SHARD_FILE, key=len, reverse=True):
        if name.lower().endswith(ext):
            return name[: -len(ext)]
    return name


def _die_with_worker():
    # In the child, before readonce starts: when the worker that started it dies (killed, out of memory),
    # the kernel kills readonce too, so a task Dask runs again elsewhere never races an orphan.
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


def run_readonce(readonce, args, out):
    """Runs one readonce step into OUT (through a temporary name). Exit 3 means some pages have error
    records in the output, which is a result, not a failure; any other non-zero status fails the task."""
    tmp = "%s.%d.%s.partial" % (out, os.getpid(), uuid.uuid4().hex[:8])
    started = time.time()
    done = subprocess.run(
        shlex.split(readonce) + args + ["--out", tmp],
        stdin=subprocess.DEVNULL,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        preexec_fn=_die_with_worker,
    )
    stderr = done.stderr.decode("utf-8", "replace")
    if done.returncode not in (0, 3):
        try:
            os.remove(tmp)
        except FileNotFoundError:
            pass
        raise RuntimeError("%s exited with %d: %s" % (" ".join(args[:2]), done.returncode, stderr.strip()))
    os.replace(tmp, out)
    return {"out": out, "status": done.returncode, "seconds": time.time() - started, "summary": stderr}


def per_shard_args(shard, options):
    """What both maps are told about a shard: a directory's pages get ids relative to CORPUS, as one run over
    CORPUS gives them, so ids are unique across shards; the cleaning options must be the same in both."""
    args = ["--jobs", str(options["jobs"])]
    if os.path.isdir(shard):
        args += ["--id-prefix", shard_name(shard) + "/"]
    for keep in options["keep"]:
        args += ["--keep", keep]
    return args


def sketch_task(shard, out_dir, options):
    out = os.path.join(out_dir, "sketches", shard_name(shard) + ".jsonl")
    order = ["--order-by", options["order_by"]] if options["order_by"] else []
    return run_readonce(options["readonce"], ["sketch", shard] + per_shard_args(shard, options) + order, out)


def build_task(sketched, out_dir, options):
    out = os.path.join(out_dir, "memory.jsonl")
    args = ["memory", "build"] + [s["out"] for s in sketched]
    if options["order_by"]:
        args += ["--order-by", options["order_by"]]
    if options["time"]:
        args += ["--time", options["time"]]
    return run_readonce(options["readonce"], args, out)


def clean_task(shard, built, out_dir, options):
    out = os.path.join(out_dir, "clean", shard_name(shard) + ".jsonl")
    args = ["batch", shard, "--memory", built["out"], "--repeats", options["repeats"]]
    return run_readonce(options["readonce"], args + per_shard_args(shard, options), out)


def tally(shards, out_dir):
    """Pages, errors and repeats in the output, and how many repeats were first seen in another shard."""
    shard_of, records = {}, []
    for shard in shards:
        with open(os.path.join(out_dir, "clean", shard_name(shard) + ".jsonl"), encoding="utf-8") as f:
            for line in f:
                record = json.loads(line)
                records.append((shard, record))
                for key in (record.get("id"), record.get("url")):
                    if key is not None:
                        shard_of.setdefault(key, shard)
    errors, repeats, across = {}, 0, 0
    for shard, record in records:
        if "error" in record:
            code = record["error"]["code"]
            errors[code] = errors.get(code, 0) + 1
        seen = record.get("repeats") or [r for r in record.get("removed", []) if r.get("reason") == "read-before"]
        repeats += len(seen)
        for r in record.get("repeats") or []:
            if shard_of.get(r["url"], shard) != shard:
                across += 1
    return {"pages": len(records), "errors": errors, "repeats": repeats, "across": across}


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("corpus", help="a directory of shards: JSON Lines, WARC or directories of HTML pages")
    parser.add_argument("out", help="where sketches/, memory.jsonl and clean/ are written")
    parser.add_argument("--scheduler", required=True, help="the Dask scheduler's address, e.g. tcp://127.0.0.1:8786")
    parser.add_argument("--readonce", default="readonce", help="the command that runs readonce on a worker (default: readonce)")
    parser.add_argument("--repeats", choices=["mark", "drop"], default="mark", help="mark repeats or drop them (default: mark)")
    parser.add_argument("--order-by", help="corpus order by this record field (a date) instead of shard order")
    parser.add_argument("--time", help="the time recorded for the pages (ISO 8601), for output that is the same in every run")
    parser.add_argument("--keep", action="append", default=[], help="a kind of removal to leave undone (readonce --keep)")
    parser.add_argument("--jobs", type=int, default=1, help="readonce worker threads per task (default 1: one task per Dask thread)")
    options = parser.parse_args(argv)
    # The workers may run in other directories (or on other machines, on a shared file system).
    options.corpus, options.out = os.path.abspath(options.corpus), os.path.abspath(options.out)

    try:
        from distributed import Client
    except ImportError:
        print(
            "readonce_dask: Dask's distributed is not installed for %s; on Debian: apt-get install "
            "python3-distributed, then run this with /usr/bin/python3" % sys.executable,
            file=sys.stderr,
        )
        return 2
    if not os.path.isdir(options.corpus):
        print("readonce_dask: %s is not a directory of shards" % options.corpus, file=sys.stderr)
        return 2
    shards, other = find_shards(options.corpus)
    if not shards:
        print("readonce_dask: %s holds no shards (.jsonl, .warc, or directories of pages)" % options.corpus, file=sys.stderr)
        return 2
    names = [shard_name(s) for s in shards]
    if len(set(names)) < len(names):
        print("readonce_dask: two shards would write one output (%s): give them other names" % ", ".join(sorted(n for n in set(names) if names.count(n) > 1)), file=sys.stderr)
        return 2
    if other:
        print("readonce_dask: left out, not shards: %s" % ", ".join(other), file=sys.stderr)
    for sub in ("sketches", "clean"):
        os.makedirs(os.path.join(options.out, sub), exist_ok=True)
    task_options = {
        "readonce": options.readonce,
        "repeats": options.repeats,
        "order_by": options.order_by,
        "time": options.time,
        "keep": options.keep,
        "jobs": options.jobs,
    }

    started = time.time()
    with Client(options.scheduler, timeout="30s") as client:
        # Explicit keys: a task Dask runs again after a worker is lost is the same task, and each step's
        # tasks are told apart in the dashboard. retries: a readonce that failed (not a lost worker, which
        # Dask reschedules by itself) is tried twice more.
        sketched = client.map(sketch_task, shards, out_dir=options.out, options=task_options, key=["sketch-" + n for n in names], retries=2)
        built = client.submit(build_task, sketched, options.out, task_options, key="memory-build", retries=2)
        cleaned = client.map(clean_task, shards, built=built, out_dir=options.out, options=task_options, key=["batch-" + n for n in names], retries=2)
        sketch_results = client.gather(sketched)
        build_result = built.result()
        clean_results = client.gather(cleaned)
    seconds = time.time() - started
    # What tasks that died left behind (their worker was killed before they renamed their file): every
    # task has finished since, under a name of its own, so these are never read.
    for folder in (options.out, os.path.join(options.out, "sketches"), os.path.join(options.out, "clean")):
        for name in os.listdir(folder):
            if name.endswith(".partial"):
                os.remove(os.path.join(folder, name))

    counts = tally(shards, options.out)
    errors = ", ".join("%s %d" % (code, n) for code, n in sorted(counts["errors"].items())) or "none"
    print("readonce on dask: %d shards, %d pages in %.1f s (%.2f pages/s)" % (len(shards), counts["pages"], seconds, counts["pages"] / seconds))
    print("  sketch   %.1f s of task time" % sum(r["seconds"] for r in sketch_results))
    print("  memory   %.1f s" % build_result["seconds"])
    print("  batch    %.1f s of task time" % sum(r["seconds"] for r in clean_results))
    across = " (%d of them first seen in another shard)" % counts["across"] if options.repeats == "mark" else ""
    print("  repeats  %d blocks%s" % (counts["repeats"], across))
    print("  errors   %s" % errors)
    print("  output   %s (in shard order: %s)" % (os.path.join(options.out, "clean"), ", ".join(n + ".jsonl" for n in names[:3]) + (", ..." if len(names) > 3 else "")))
    return 0


if __name__ == "__main__":
    sys.exit(main())
