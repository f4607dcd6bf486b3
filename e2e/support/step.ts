/** A bounded wait for one step of an e2e test: its own module, so that page objects and helpers can all import it. */

/**
 * `act`, or an error naming the step once it has run `ms` without finishing. A browser that stops answering
 * (its main thread busy, a frame gone) leaves a Playwright or CDP call waiting with no limit of its own:
 * e2e/load-images.test.ts once waited 11 minutes in reader.pressEscape(). The step is not cancelled; the test
 * fails at once and says where, and the suite's after hooks close the browser.
 */
export async function step<T>(name: string, ms: number, act: () => Promise<T>): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<never>((_, fail) => {
    timer = setTimeout(() => fail(new Error(`step "${name}" did not finish within ${ms / 1000} s`)), ms);
  });
  try {
    return await Promise.race([act(), late]);
  } finally {
    clearTimeout(timer);
  }
}

/**
 * The limit of every e2e test, given to each `it` (node:test's --test-timeout bounds a whole file, not a test).
 * A stuck step fails sooner and names itself (step above, and the default timeouts e2e/support/extension.ts
 * sets); this is the backstop for what is not a step, at a few times what the slowest test takes on a loaded
 * machine.
 */
export const TEST_LIMIT = { timeout: 90_000 };
