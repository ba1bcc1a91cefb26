import type { TfjsActivationKernel } from '../kernels.js';

/**
 * A = 1 / (1 + exp(-Z)), tfjs's Sigmoid kernel; dZ = dA * A (1 - A), the sigmoid's local derivative
 * written in its output.
 */
export const sigmoid: TfjsActivationKernel = {
  name: 'sigmoid',
  forward: ({ tf }, z) => tf.sigmoid(z),
  backward: ({ tf }, dA, _z, a) => tf.mul(dA, tf.mul(a, tf.sub(1, a))),
};
