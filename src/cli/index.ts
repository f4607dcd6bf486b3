#!/usr/bin/env node
/** The `readonce` executable: wires the CLI to the process. */
import { run } from './main.ts';
import { runBatch } from './batch/run.ts';

declare const READONCE_VERSION: string;

const argv = process.argv.slice(2);
process.exitCode =
  argv[0] === 'batch'
    ? await runBatch(argv.slice(1), { stdout: (s) => process.stdout.write(s), stderr: (s) => process.stderr.write(s), progress: process.stderr.isTTY === true })
    : run(argv, (s) => process.stdout.write(s), (s) => process.stderr.write(s), READONCE_VERSION);
