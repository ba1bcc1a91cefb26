import { shiftedExp } from '../activations/softmax.js';
import { divOn } from '../ieee-div.js';
import type { TfjsLossKernel } from '../kernels.js';

/** Categorical cross-entropy from the logits; after a softmax its output dZ is fused to A - Y. */
export const cce: TfjsLossKernel = {
  name: 'cce',
  // One term per row, logsumexp(z) - sum_j y_j z_j with logsumexp = max z + log(sum_j exp(z_j - max z)),
  // so exp never overflows. Per row, then summed: a batch-wide sum of logsumexp minus a batch-wide sum of
  // y z would cancel m-fold.
  terms(on, z, _a, y) {
    const { tf } = on;
    const { max, e } = shiftedExp(on, z);
    const logsumexp = tf.add(max, tf.log(tf.sum(e, 1, true)));
    return tf.sub(logsumexp, tf.sum(tf.mul(y, z), 1, true));
  },
  // -Y / A: NaN (y = 0) or -Infinity where A underflows to 0; core flags it, the fused dZ never reads it.
  gradA: ({ tf, tfBackend }, a, y) => divOn(tf, tfBackend)(tf.neg(y), a),
  // The loss node's -Y / A through the softmax's Jacobian: the row sums cancel to A - Y (rows of Y sum to 1).
  fusedGradZ: ({ tf }, a, y) => tf.sub(a, y),
};
