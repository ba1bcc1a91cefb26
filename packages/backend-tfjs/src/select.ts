import type { Tensor } from '@tensorflow/tfjs-core';
import type { Tf } from './load-tfjs.js';

/**
 * `a` where `condition` holds, else `b`, for three tensors of one shape: tfjs's Select kernel, as
 * `tf.where` runs it. `tf.where` first broadcasts each operand, and broadcasting to the shape a tensor
 * already has copies it, one Identity kernel each: three kernels of the four.
 */
export function select(tf: Tf, condition: Tensor, a: Tensor, b: Tensor): Tensor {
  return tf.engine().runKernel('Select', { condition, t: a, e: b });
}
