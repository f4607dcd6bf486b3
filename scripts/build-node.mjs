// Builds the Node side of ReadOnce: the library (dist/node/index.js), the `readonce` CLI (dist/node/cli.js)
// and the worker of `readonce batch` (dist/node/batch-worker.js).
// Dependencies stay external: npm installs them beside the package.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';

const { version } = JSON.parse(readFileSync(new URL('../package.json', import.meta.url), 'utf8'));
// --out-dir DIR: elsewhere than dist/node (test/dask.test.ts runs the CLI of the tree it tests, built apart).
// DIR must lie inside the repository, for the external dependencies to resolve from node_modules.
const at = process.argv.indexOf('--out-dir');
const out = at === -1 ? 'dist/node' : process.argv[at + 1];

const common = {
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20',
  packages: 'external',
  logLevel: 'warning',
  define: { READONCE_VERSION: JSON.stringify(version) },
};

await Promise.all([
  build({ ...common, entryPoints: ['src/node/index.ts'], outfile: `${out}/index.js` }),
  build({ ...common, entryPoints: ['src/cli/index.ts'], outfile: `${out}/cli.js` }),
  // `readonce batch` starts its worker threads from this file, next to cli.js.
  build({ ...common, entryPoints: ['src/cli/batch/worker.ts'], outfile: `${out}/batch-worker.js` }),
]);
