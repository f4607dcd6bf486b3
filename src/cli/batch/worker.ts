/**
 * A batch worker thread (run by piscina): one PageCleaner, so one jsdom window, for every page it is given.
 * Piscina waits for the exported promise, so a thread counts as ready only once jsdom and the engine are loaded.
 */
import { PageCleaner } from './page-cleaner.ts';
import type { DropTask, PageOutcome, PageTask } from './types.ts';

async function start(): Promise<(task: PageTask | DropTask) => PageOutcome> {
  const cleaner = new PageCleaner();
  return (task) => {
    if ('drop' in task) return cleaner.drop(task);
    new Float64Array(task.started)[0] = performance.timeOrigin + performance.now();
    return cleaner.clean(task);
  };
}

export default start();
