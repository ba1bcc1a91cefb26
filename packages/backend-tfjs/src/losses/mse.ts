import type { TfjsLossKernel } from '../kernels.js';

/** Squared error (a - y)^2, no 1/2; after the identity its output dZ is fused to 2 (A - Y). */
export const mse: TfjsLossKernel = {
  name: 'mse',
  terms: ({ tf }, _z, a, y) => tf.squaredDifference(a, y),
  gradA: ({ tf }, a, y) => tf.mul(tf.sub(a, y), 2),
  // The loss node's 2 (A - Y) times the identity's 1: the same tensor expression, no chain rule.
  fusedGradZ: ({ tf }, a, y) => tf.mul(tf.sub(a, y), 2),
};
