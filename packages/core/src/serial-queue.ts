import type { MaybePromise } from './maybe-async.js';

/**
 * Runs async tasks one at a time in call order, so that two `step` calls in flight on one session
 * behave as if awaited one after the other. A rejected task does not block the ones after it.
 */
export function serialQueue(): <R>(task: () => MaybePromise<R>) => Promise<R> {
  let tail: Promise<unknown> = Promise.resolve();
  return (task) => {
    const run = tail.then(task, task);
    tail = run.catch(() => undefined);
    return run;
  };
}
