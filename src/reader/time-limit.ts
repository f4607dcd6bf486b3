/** A page the engine is slow on must not leave the popup or the reader waiting in silence. */
import type { ProblemReply } from '../platform/messages.ts';

/** `answer`, or a 'timeout' problem when it has not come within `ms`. */
export function withTimeLimit<T>(answer: Promise<T>, ms: number): Promise<T | ProblemReply> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<ProblemReply>((done) => {
    timer = setTimeout(() => done({ ok: false, problem: 'timeout' }), ms);
  });
  return Promise.race([answer, late]).finally(() => clearTimeout(timer));
}
