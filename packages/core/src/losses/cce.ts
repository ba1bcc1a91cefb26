import type { LossDescriptor } from '../descriptors.js';
import { UNIT_ROUNDOFF } from '../dtype.js';
import { outsideUnitInterval } from './unit-interval.js';

/** Categorical cross-entropy over a softmax row, computed from the logits. */
export const cce: LossDescriptor = {
  name: 'cce',
  formula: 'l = -sum_i y_i ln a_i = logsumexp(z) - sum_i y_i z_i over each row',
  gradA: 'dl/dA_i = -Y_i / A_i',
  canonical: { activation: 'softmax', dZ: 'dZ = A - Y' },
  follows: ['softmax'],
  chanceCost: (outputs) => Math.log(outputs),
  checkTargets(y, cols, dtype) {
    // Each target is rounded once to the dtype and the sum adds up to one rounding per term.
    const slack = 2 * cols * UNIT_ROUNDOFF[dtype];
    for (let r = 0; r * cols < y.length; r++) {
      let sum = 0;
      for (let j = 0; j < cols; j++) {
        const outside = outsideUnitInterval('cce', y, cols, r * cols + j);
        if (outside !== undefined) return outside;
        sum += y[r * cols + j] as number;
      }
      if (Math.abs(sum - 1) > slack) return `each cce target row must sum to 1; row ${r} sums to ${sum}`;
    }
    return undefined;
  },
};
