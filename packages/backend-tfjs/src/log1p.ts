import type { Tensor } from '@tensorflow/tfjs-core';
import type { Tf } from './load-tfjs.js';
import type { TfjsBackendName } from './options.js';
import { select } from './select.js';

/**
 * log1p(e) for 0 <= e <= 1 (the bce cost's exp(-|z|)) on `tfBackend`. tfjs-cpu's Log1p kernel is
 * Math.log1p and is kept, so its bits do not change. tfjs-wasm's and tfjs-webgl's compute log(1 + e),
 * where rounding 1 + e costs a relative error near 2^-24 / e: 20 ulps at e = 0.043, every digit once
 * e < 2^-24 (measured on wasm; webgl's shader is `log(1.0 + x)`). Kahan's form keeps a few ulps: with
 * u = 1 + e, log1p(e) = e where u == 1, else log(u) * e / (u - 1). u - 1 is exact and log(u) / (u - 1)
 * varies slowly, so the rounding of u barely moves it. Each op is a kernel of its own, so no compiler
 * folds (1 + e) - 1 into e.
 */
export function log1pOn(tf: Tf, tfBackend: TfjsBackendName): (e: Tensor) => Tensor {
  if (tfBackend === 'cpu') return (e) => tf.log1p(e);
  return (e) => {
    const u = tf.add(1, e);
    const uMinusOne = tf.sub(u, 1);
    return select(tf, tf.equal(uMinusOne, 0), e, tf.div(tf.mul(tf.log(u), e), uMinusOne));
  };
}
