import type { TfjsActivationKernel } from '../kernels.js';
import { select } from '../select.js';

/** A = max(Z, 0); dZ = dA where Z > 0, else 0 (the derivative at 0 is taken as 0). */
export const relu: TfjsActivationKernel = {
  name: 'relu',
  forward: ({ tf }, z) => tf.relu(z),
  // A select rather than dA * step(Z): 0 * dA would be NaN where dA is not finite.
  backward: ({ tf }, dA, z) => select(tf, tf.greater(z, 0), dA, tf.zerosLike(dA)),
};
