import type { LossDescriptor } from '../descriptors.js';

/** Squared error (a - y)^2, no 1/2 factor; any output activation, any finite target. */
export const mse: LossDescriptor = {
  name: 'mse',
  formula: 'l = (a - y)^2',
  gradA: 'dl/dA = 2 (A - Y)',
  canonical: { activation: 'identity', dZ: 'dZ = 2 (A - Y)' },
  // The cost of a = 1/2 against targets in [0, 1] at worst: a floor for the divergence watch.
  chanceCost: (outputs) => outputs / 4,
};
