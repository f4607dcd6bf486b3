/**
 * examples/dask/readonce_dask.py on a real Dask cluster of this machine: a scheduler and two worker processes
 * (Debian's python3-distributed), 210 pages in 6 JSON Lines shards, each partition through the readonce CLI
 * built from this tree. One worker is killed (SIGKILL) while its readonce is half-way through writing a shard of
 * the second map: Dask runs that partition again on the other worker, and the output is still, byte for byte,
 * what one `readonce batch --memory` over the whole corpus writes. Skipped, saying why, only when Dask cannot
 * be imported (`.ci/run` installs it).
 */
import assert from 'node:assert/strict';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { setTimeout as sleep } from 'node:timers/promises';
import { shardLines, syntheticCorpus } from '../scripts/lib/synthetic-corpus.ts';

const PYTHON = '/usr/bin/python3';
const root = path.resolve(import.meta.dirname, '..');
const dask = spawnSync(PYTHON, ['-c', 'import distributed'], { encoding: 'utf8' });
const skip = dask.status === 0 ? false : `Dask is not installed for ${PYTHON} (apt-get install python3-distributed; .ci/run installs it): ${(dask.stderr || dask.error?.message || '').trim().split('\n').at(-1)}`;

const work = mkdtempSync(path.join(tmpdir(), 'readonce-dask-'));
const children: ChildProcess[] = [];
after(() => {
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  rmSync(work, { recursive: true, force: true });
});

/** Waits for `ready` to hold, checking every 50 ms; fails naming `what` after `seconds`. */
async function until<T>(what: string, seconds: number, ready: () => T | undefined | false): Promise<T> {
  const end = Date.now() + seconds * 1000;
  for (;;) {
    const value = ready();
    if (value) return value;
    if (Date.now() > end) throw new Error(`${what}: not after ${seconds} s`);
    await sleep(50);
  }
}

function start(name: string, command: string, args: string[]): ChildProcess {
  const log = path.join(work, `${name}.log`);
  const child = spawn(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let text = '';
  const add = (d: Buffer) => {
    text += d;
    writeFileSync(log, text);
  };
  child.stdout!.on('data', add);
  child.stderr!.on('data', add);
  children.push(child);
  return child;
}

const logOf = (name: string) => (existsSync(path.join(work, `${name}.log`)) ? readFileSync(path.join(work, `${name}.log`), 'utf8') : '');

test('Dask with two workers, one killed mid-partition: every record once, as one readonce batch --memory writes them', { skip, timeout: 240_000 }, async () => {
  // The CLI of this tree, built apart from dist/ (inside the repository, where its dependencies resolve).
  const bin = path.join(root, 'test-results', 'dask-bin');
  const built = spawnSync(process.execPath, ['scripts/build-node.mjs', '--out-dir', bin], { cwd: root, encoding: 'utf8' });
  assert.equal(built.status, 0, built.stderr);
  const readonce = `${process.execPath} ${path.join(bin, 'cli.js')}`;

  const corpus = path.join(work, 'corpus');
  mkdirSync(corpus);
  const pages = syntheticCorpus(210);
  shardLines(pages, 6).forEach((lines, i) => writeFileSync(path.join(corpus, `shard-${i}.jsonl`), lines));
  const time = '2024-06-01T00:00:00Z';

  const schedulerFile = path.join(work, 'scheduler.json');
  start('scheduler', '/usr/bin/dask-scheduler', ['--host', '127.0.0.1', '--port', '0', '--no-dashboard', '--scheduler-file', schedulerFile]);
  const address = await until('the scheduler writes its address', 60, () => existsSync(schedulerFile) && (JSON.parse(readFileSync(schedulerFile, 'utf8')) as { address: string }).address);
  const workers = [1, 2].map((n) =>
    start(`worker-${n}`, '/usr/bin/dask-worker', ['--scheduler-file', schedulerFile, '--nthreads', '1', '--no-nanny', '--name', `w${n}`, '--local-directory', path.join(work, `w${n}`)]),
  );
  for (const n of [1, 2]) await until(`worker ${n} registers with the scheduler`, 60, () => logOf(`worker-${n}`).includes('Registered to:'));

  const out = path.join(work, 'out');
  const driver = start('driver', PYTHON, [path.join(root, 'examples', 'dask', 'readonce_dask.py'), '--scheduler', address, corpus, out, '--readonce', readonce, '--time', time]);
  const driverDone = new Promise<number | null>((resolve) => driver.on('exit', (code) => resolve(code)));

  // A worker is killed once its readonce has written part of a shard of the second map, and not all of it.
  const clean = path.join(out, 'clean');
  const [victim, partial] = await until('a worker is half-way through a partition of the second map', 150, () => {
    if (driver.exitCode !== null) throw new Error(`the run ended before a worker was seen writing a partition: ${logOf('driver')}`);
    if (!existsSync(clean)) return false;
    for (const name of readdirSync(clean)) {
      const worker = workers.find((w) => name.includes(`.${w.pid}.`));
      if (worker && name.endsWith('.partial') && statSync(path.join(clean, name)).size > 0) return [worker, name] as const;
    }
    return false;
  });
  victim.kill('SIGKILL');
  const killedShard = partial.replace(/\.jsonl\..*$/u, '');

  const code = await Promise.race([driverDone, sleep(150_000, 'the driver still running after 150 s', { ref: false })]);
  assert.equal(code, 0, logOf('driver'));
  assert.match(logOf('driver'), /readonce on dask: 6 shards, 210 pages in/u);
  assert.match(logOf('scheduler'), /Remove worker/u);

  const reference = spawnSync(
    process.execPath,
    [path.join(bin, 'cli.js'), 'batch', ...[0, 1, 2, 3, 4, 5].map((i) => path.join(corpus, `shard-${i}.jsonl`)), '--memory', path.join(work, 'one.json'), '--time', time, '--jobs', '2'],
    { encoding: 'utf8', maxBuffer: 1 << 28 },
  );
  assert.equal(reference.status, 0, reference.stderr);
  const joined = [0, 1, 2, 3, 4, 5].map((i) => readFileSync(path.join(clean, `shard-${i}.jsonl`), 'utf8')).join('');
  assert.equal(joined, reference.stdout);
  // The killed partition, retried: each of its pages once, in its order.
  const ids = (text: string) => text.split('\n').filter((l) => l !== '').map((l) => (JSON.parse(l) as { id: string }).id);
  const shardIndex = Number(killedShard.replace('shard-', ''));
  assert.deepEqual(ids(readFileSync(path.join(clean, `${killedShard}.jsonl`), 'utf8')), ids(shardLines(pages, 6)[shardIndex]!));
  assert.deepEqual(readdirSync(clean).sort(), [0, 1, 2, 3, 4, 5].map((i) => `shard-${i}.jsonl`), 'no half file is left');
  assert.match(reference.stdout, /"repeats"/u);
});
