#!/usr/bin/env node
/** The `readonce` executable: wires the CLI to the process. */
import { run } from './main.ts';
import { runBatch, runSketch } from './batch/run.ts';
import { runMemoryBuild } from './corpus/build.ts';

declare const READONCE_VERSION: string;

const argv = process.argv.slice(2);
const io = { stdout: (s: string) => process.stdout.write(s), stderr: (s: string) => process.stderr.write(s), progress: process.stderr.isTTY === true };
process.exitCode =
  argv[0] === 'batch'
    ? await runBatch(argv.slice(1), io)
    : argv[0] === 'sketch'
      ? await runSketch(argv.slice(1), io)
      : argv[0] === 'memory'
        ? await runMemory(argv.slice(1))
        : run(argv, io.stdout, io.stderr, READONCE_VERSION);

async function runMemory(rest: string[]): Promise<number> {
  if (rest[0] === 'build') return runMemoryBuild(rest.slice(1), io);
  const asked = rest[0] === undefined || rest[0] === '-h' || rest[0] === '--help';
  (asked ? io.stdout : io.stderr)(`${asked ? '' : `readonce memory: unknown command ${JSON.stringify(rest[0])}\n`}Usage: readonce memory build SKETCHES... --out MEMORY [options]   (readonce memory build --help)\n`);
  return asked ? 0 : 2;
}
