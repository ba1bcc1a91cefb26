import type { Tensor } from '@tensorflow/tfjs-core';
import type { Tf } from './load-tfjs.js';

/** Elements summed in one run before the partial sums are summed in turn. */
export const SUM_BLOCK = 256;

/**
 * The sum of every element of `t` as a scalar, in blocks: tfjs-wasm sums one float32 run from left to
 * right, whose error grows with the count (the mean cost of 4M identical rows was off by 2.7%); summing
 * blocks of {@link SUM_BLOCK}, then blocks of their sums, bounds it by about 256 u per level (3 levels for
 * 4M elements). A tensor of at most one block is summed as before, bit for bit.
 */
export function blockSum(tf: Tf, t: Tensor): Tensor {
  if (t.size <= SUM_BLOCK) return tf.sum(t);
  let partial: Tensor = tf.reshape(t, [-1]);
  while (partial.size > SUM_BLOCK) {
    const pad = (SUM_BLOCK - (partial.size % SUM_BLOCK)) % SUM_BLOCK;
    // Zeros added to a sum change nothing.
    const padded = pad === 0 ? partial : tf.pad(partial, [[0, pad]]);
    partial = tf.sum(tf.reshape(padded, [-1, SUM_BLOCK]), 1);
  }
  return tf.sum(partial);
}
