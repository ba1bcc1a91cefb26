import { divOn } from '../ieee-div.js';
import type { TfjsLossKernel } from '../kernels.js';
import { log1pOn } from '../log1p.js';

/** Binary cross-entropy from the logit; after a sigmoid its output dZ is fused to A - Y. */
export const bce: TfjsLossKernel = {
  name: 'bce',
  // max(z, 0) - z y + log1p(exp(-|z|)) never takes the log of a saturated a.
  terms({ tf, tfBackend }, z, _a, y) {
    const log1p = log1pOn(tf, tfBackend);
    return tf.add(tf.sub(tf.relu(z), tf.mul(z, y)), log1p(tf.exp(tf.neg(tf.abs(z)))));
  },
  gradA: ({ tf, tfBackend }, a, y) => divOn(tf, tfBackend)(tf.sub(a, y), tf.mul(a, tf.sub(1, a))),
  // The loss node's (a - y) / (a (1 - a)) times the sigmoid's a (1 - a) cancel: the fused form never
  // reads dA, so it stays exact where a saturates and dA is inf or NaN.
  fusedGradZ: ({ tf }, a, y) => tf.sub(a, y),
};
