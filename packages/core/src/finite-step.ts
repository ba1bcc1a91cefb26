import { dtypeOf, firstNonFinite } from './dtype.js';
import type { EngineStep } from './engine.js';
import { DivergenceError, type OnegradError } from './errors.js';
import { cellOf } from './finite-matrix.js';
import { type Matrix, shapeOf } from './matrix.js';
import type { Params } from './params.js';

/** Whether an engine's candidate step may be committed: its cost and its update are finite. */
export function isFiniteCandidate(out: Pick<EngineStep, 'finite' | 'loss'>): boolean {
  return out.finite && Number.isFinite(out.loss);
}

/**
 * Throws {@link DivergenceError} when a step's loss or any updated parameter is not finite, so a
 * backend can refuse to commit it: NaN never spreads silently into the weights.
 */
export function assertFiniteStep(loss: number, updated: Params): void {
  if (!Number.isFinite(loss))
    throw new DivergenceError('loss', `the cost is ${loss}; the step was not applied`);
  updated.forEach((p, l) => {
    for (const key of ['W', 'b'] as const) {
      const bad = firstNonFinite(p[key].data);
      if (bad >= 0) {
        throw new DivergenceError(
          `params[${l}].${key}`,
          `the update makes element ${bad} ${p[key].data[bad]}; the step was not applied (lower the learning rate)`,
        );
      }
    }
  });
}

/**
 * Throws {@link DivergenceError} naming the first non-finite element of a forward pass's output `a`:
 * finite inputs whose products overflow give NaN or Infinity, and forward refuses them as step does.
 */
export function assertFiniteForward(a: Matrix, name = 'x'): Matrix {
  const bad = firstNonFinite(a.data);
  if (bad < 0) return a;
  throw new DivergenceError(
    name,
    `the forward pass makes element ${cellOf(bad, a.cols)} of the ${shapeOf(a)} output ${a.data[bad]}: the inputs and parameters overflow in ${dtypeOf(a.data)}`,
  );
}

/**
 * The DivergenceError of a run of `steps` that stopped at step `done` (counting from 0) for `reason`,
 * with the costs of the `done` steps applied before it.
 */
export function refusedRunStep(
  reason: OnegradError,
  done: number,
  steps: number,
  losses: Float64Array,
): DivergenceError {
  const detail = reason.message.slice(reason.parameter.length + 2);
  return new DivergenceError(
    reason.parameter,
    `step ${done} of ${steps} (counting from 0) was refused after ${done} applied: ${detail}`,
    { step: done, losses, cause: reason },
  );
}
