#!/usr/bin/env node
/** The `readonce` executable: wires the CLI to the process. */
import { run } from './main.ts';

declare const READONCE_VERSION: string;

process.exitCode = run(process.argv.slice(2), (s) => process.stdout.write(s), (s) => process.stderr.write(s), READONCE_VERSION);
