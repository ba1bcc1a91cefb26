import type { Matrix } from '@onegrad/core';
import type { Tensor, Tensor2D } from '@tensorflow/tfjs';
import type { Tf } from './load-tfjs.js';

/**
 * A float32 tensor holding `m`. float32 data keeps its exact bits; float64 data is rounded to nearest
 * once, as core's `cast` does.
 */
export function toTensor(tf: Tf, m: Matrix): Tensor2D {
  const data = m.data instanceof Float32Array ? m.data : Float32Array.from(m.data);
  return tf.tensor2d(data, [m.rows, m.cols], 'float32');
}

/**
 * A matrix copied out of a 2-d tensor (tfjs may hand out its own storage, so the data is always copied).
 * The typed-array constructor copies float32 data as bytes, without an iterator or a number per element.
 */
export function toMatrix(t: Tensor): Matrix {
  const [rows = 1, cols = 1] = t.shape;
  return { rows, cols, data: new Float32Array(t.dataSync() as Float32Array) };
}
