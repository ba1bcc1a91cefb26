import type { Matrix } from '@onegrad/core';
import type { Tensor, Tensor1D, Tensor2D } from '@tensorflow/tfjs-core';
import type { Tf } from './load-tfjs.js';

/** A float32 tensor over `m`, one of core's private float32 copies, so its bits go in unchanged. */
export function toTensor(tf: Tf, m: Matrix): Tensor2D {
  return tf.tensor2d(m.data as Float32Array, [m.rows, m.cols], 'float32');
}

/** A 1-D float32 tensor over the one row `m` (a bias), its bits unchanged. */
export function toRowTensor(tf: Tf, m: Matrix): Tensor1D {
  return tf.tensor1d(m.data as Float32Array, 'float32');
}

/**
 * A matrix copied out of a 2-d tensor, or of a 1-d one as one row (tfjs may hand out its own storage, so
 * the data is always copied). The typed-array constructor copies float32 data as bytes, without an
 * iterator or a number per element.
 */
export function toMatrix(t: Tensor): Matrix {
  const [rows, cols] = t.rank === 1 ? [1, t.shape[0] ?? 1] : [t.shape[0] ?? 1, t.shape[1] ?? 1];
  return { rows, cols, data: new Float32Array(t.dataSync() as Float32Array) };
}
