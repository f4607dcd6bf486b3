/**
 * Rewrites every golden page's expected.json and expected.md from the current engine:
 *   npm run fixtures
 * Then read `git diff test/fixtures` like code: each changed block is a behaviour change.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { goldenPages, runGolden } from '../test/golden.ts';

for (const page of goldenPages()) {
  const { result, markdown } = runGolden(page);
  writeFileSync(path.join(page.dir, 'expected.json'), JSON.stringify(result, null, 2) + '\n');
  writeFileSync(path.join(page.dir, 'expected.md'), markdown);
  console.log(`${page.slug}: ${result.blocks.length} blocks kept, ${result.removed.length} removed`);
}
