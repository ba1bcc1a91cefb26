import type { LossDescriptor } from '../descriptors.js';
import { outsideUnitInterval } from './unit-interval.js';

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
      const outside = outsideUnitInterval('bce', y, cols, i);
      if (outside !== undefined) return outside;
    }
    return undefined;
  },
};
