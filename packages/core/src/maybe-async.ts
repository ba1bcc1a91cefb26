/** A value an engine may hand back directly or through a promise. */
export type MaybePromise<T> = T | PromiseLike<T>;

/**
 * Applies `f` to `value` now when it is a plain value, after it settles when it is a promise (or any
 * thenable): a synchronous engine's call then costs no microtask hop, most of a tiny network's step.
 */
export function andThen<T, R>(value: MaybePromise<T>, f: (v: T) => MaybePromise<R>): MaybePromise<R> {
  return isThenable(value) ? Promise.resolve(value).then(f) : f(value);
}

function isThenable<T>(value: MaybePromise<T>): value is PromiseLike<T> {
  return typeof (value as { then?: unknown } | null | undefined)?.then === 'function';
}
