/** The popup's and the reader's time limit (src/reader/time-limit.ts): an answer, or 'timeout', never a wait. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { withTimeLimit } from '../src/reader/time-limit.ts';

describe('withTimeLimit', () => {
  it('gives the answer when it comes in time', async () => {
    assert.equal(await withTimeLimit(Promise.resolve('article'), 1000), 'article');
  });

  it("says 'timeout' when the page never answers (a page the engine is slow on)", async () => {
    const started = Date.now();
    assert.deepEqual(await withTimeLimit(new Promise(() => undefined), 50), { ok: false, problem: 'timeout' });
    assert.ok(Date.now() - started < 1000);
  });

  it('passes a failure through as a failure, not as a timeout', async () => {
    await assert.rejects(withTimeLimit(Promise.reject(new Error('no tab')), 1000), /no tab/);
  });
});
