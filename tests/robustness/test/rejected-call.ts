import { expect } from 'vitest';

/**
 * Runs `call` and returns what it rejected with. A call that throws synchronously instead of
 * returning a rejected promise, or that resolves, fails the test.
 */
export async function rejection(call: () => Promise<unknown>): Promise<unknown> {
  let pending: Promise<unknown>;
  try {
    pending = call();
  } catch (error) {
    expect.fail(`threw synchronously instead of rejecting: ${String(error)}`);
  }
  const outcome = await pending.then(
    (value) => ({ resolved: true as const, value }),
    (error: unknown) => ({ resolved: false as const, error }),
  );
  if (outcome.resolved) expect.fail(`resolved with ${String(outcome.value)} instead of rejecting`);
  return outcome.error;
}
