import { firstNonFinite } from './dtype.js';
import { DivergenceError } from './errors.js';
import type { Params } from './params.js';

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
