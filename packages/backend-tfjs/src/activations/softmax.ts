import type { Tensor } from '@tensorflow/tfjs-core';
import type { TfjsActivationKernel, TfjsKernelContext } from '../kernels.js';

/** exp(Z - max Z) per row, with the row's maximum (batch x 1): every exponent is <= 0, so exp never overflows. */
export function shiftedExp({ tf }: TfjsKernelContext, z: Tensor): { max: Tensor; e: Tensor } {
  const max = tf.max(z, 1, true);
  return { max, e: tf.exp(tf.sub(z, max)) };
}

/**
 * Row-wise A_i = E_i / sum_j E_j with E = exp(Z - max Z): logits 100 apart give E = 3.7e-44 or 0, never
 * Inf / Inf, and the largest E is exactly 1. dZ_i = A_i (dA_i - sum_j dA_j A_j), the Jacobian product.
 * Composed rather than tf.softmax: tfjs-cpu's kernel is these very ops (the same bits), but tfjs-wasm's
 * is XNNPACK's, which returns 0 for every probability below 2^-126 (8.3e6 ulps on rows spread by 100)
 * and is off by 4.7 ulps on moderate rows; composed, wasm stays within 4.1 ulps (its sum rounds each
 * of the n - 1 additions in float32) and keeps subnormal probabilities (scripts/measure-accuracy.mjs).
 */
export const softmax: TfjsActivationKernel = {
  name: 'softmax',
  forward(on, z) {
    const { tf } = on;
    const { e } = shiftedExp(on, z);
    return tf.div(e, tf.sum(e, 1, true));
  },
  backward: ({ tf }, dA, _z, a) => tf.mul(a, tf.sub(dA, tf.sum(tf.mul(dA, a), 1, true))),
};
