import { BackendInitError } from '@onegrad/core';

/** The most threads an onnx backend accepts per operator. */
export const MAX_THREADS = 1024;

/**
 * `options.threads` checked when the backend is created, not at the first step: an integer from 1 to
 * {@link MAX_THREADS}, 1 when absent; BackendInitError naming `options.threads` otherwise.
 */
export function threadsOption(options: { readonly threads?: unknown } | undefined): number {
  const threads = options?.threads ?? 1;
  if (!Number.isSafeInteger(threads) || (threads as number) < 1 || (threads as number) > MAX_THREADS) {
    throw new BackendInitError(
      'options.threads',
      `expected an integer from 1 to ${MAX_THREADS}, got ${JSON.stringify(threads) ?? String(threads)}`,
    );
  }
  return threads as number;
}
