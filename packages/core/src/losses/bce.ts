import type { LossDescriptor } from '../descriptors.js';
import { cellOf } from '../finite-matrix.js';

/** Binary cross-entropy after a sigmoid, computed from the logit. */
export const bce: LossDescriptor = {
  name: 'bce',
  formula: 'l = -(y ln a + (1 - y) ln(1 - a)) = max(z, 0) - z y + log1p(exp(-|z|))',
  gradA: 'dl/dA = (A - Y) / (A (1 - A))',
  canonical: { activation: 'sigmoid', dZ: 'dZ = A - Y' },
  follows: ['sigmoid'],
  chanceCost: (outputs) => outputs * Math.LN2,
  checkTargets(y, cols) {
    for (let i = 0; i < y.length; i++) {
      const v = y[i] as number;
      if (!(v >= 0 && v <= 1)) {
        const rows = y.length / cols;
        return `bce targets must lie in [0, 1]; element ${cellOf(i, cols)} of the ${rows}x${cols} matrix is ${v}`;
      }
    }
    return undefined;
  },
};
