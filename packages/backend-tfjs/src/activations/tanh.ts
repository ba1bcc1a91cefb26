import type { Tensor } from '@tensorflow/tfjs-core';
import type { TfjsActivationKernel, TfjsKernelContext } from '../kernels.js';
import { select } from '../select.js';

/**
 * tanh(Z) for |Z| < 1 from Lambert's continued fraction tanh z = z / (1 + q), q = z^2 / (3 + z^2 / (5 +
 * ... + z^2 / 11)), written z - z q / (1 + q) so the last step adds a correction of at most a quarter of
 * z to z. Five levels truncate below 1% of float32's unit roundoff at |z| = 1; only +, * and /.
 */
function tanhNearZero({ tf }: TfjsKernelContext, z: Tensor): Tensor {
  const z2 = tf.mul(z, z);
  let q = tf.div(z2, 11);
  for (const odd of [9, 7, 5, 3]) q = tf.div(z2, tf.add(odd, q));
  return tf.sub(z, tf.mul(z, tf.div(q, tf.add(1, q))));
}

/**
 * tanh(Z) for |Z| >= 1 as sign(Z) (1 - 2E / (1 + E)) with E = exp(-2|Z|) <= e^-2: exp never overflows,
 * and E's error reaches the result damped by 2E / (1 + E) < 1/4.
 */
function tanhAway({ tf }: TfjsKernelContext, z: Tensor): Tensor {
  const e = tf.exp(tf.mul(tf.abs(z), -2));
  const magnitude = tf.sub(1, tf.div(tf.add(e, e), tf.add(1, e)));
  return select(tf, tf.less(z, 0), tf.neg(magnitude), magnitude);
}

/** tanh(Z) from the continued fraction below |Z| = 1 and the damped exponential above; any backend. */
export function composedTanh(on: TfjsKernelContext, z: Tensor): Tensor {
  const { tf } = on;
  return select(tf, tf.less(tf.abs(z), 1), tanhNearZero(on, z), tanhAway(on, z));
}

/**
 * A = tanh(Z); dZ = dA * (1 - A A). tfjs-cpu's Tanh kernel is Math.tanh rounded to float32 (0.5 ulps)
 * and is kept. tfjs-wasm's is off by 1.9 ulps (at Z = -0.21; 1.3 at Z = -3.9e-4), more than a faithful
 * tanh, and tfjs-webgl's shader is sign(z) (1 - E) / (1 + E), E = exp(-2|z|), which cancels near 0 (read
 * from its source, not measured here). There tanh is composed from the continued fraction below |Z| = 1
 * and the damped exponential above, from +, *, / and exp: 0.83 ulps at worst, on cpu and wasm alike
 * (scripts/measure-accuracy.mjs).
 */
export const tanh: TfjsActivationKernel = {
  name: 'tanh',
  forward: (on, z) => (on.tfBackend === 'cpu' ? on.tf.tanh(z) : composedTanh(on, z)),
  backward: ({ tf }, dA, _z, a) => tf.mul(dA, tf.sub(1, tf.mul(a, a))),
};
