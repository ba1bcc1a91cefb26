import { type Loss, type LossName, SpecError } from '@onegrad/core';
import type { Tensor } from '@tensorflow/tfjs';
import type { Tf } from './load-tfjs.js';
import { log1pOn } from './log1p.js';
import type { TfjsBackendName } from './options.js';

/** The cost J = (1/m) * sum of l over samples and outputs, a scalar tensor. */
function mean(tf: Tf, perElement: Tensor, rows: number): Tensor {
  return tf.div(tf.sum(perElement), rows);
}

/** Binary cross-entropy on tfjs tensors; its output dZ is fused to a - y. */
function bce(tf: Tf, tfBackend: TfjsBackendName): Loss<Tensor> {
  const log1p = log1pOn(tf, tfBackend);
  return {
    name: 'bce',
    fused: true,
    // max(z, 0) - z y + log1p(exp(-|z|)) never takes the log of a saturated a.
    cost: (z, _a, y) =>
      mean(tf, tf.add(tf.sub(tf.relu(z), tf.mul(z, y)), log1p(tf.exp(tf.neg(tf.abs(z))))), z.shape[0] ?? 1),
    gradA: (a, y) => tf.div(tf.sub(a, y), tf.mul(a, tf.sub(1, a))),
    // The loss node's (a - y) / (a (1 - a)) times the sigmoid's a (1 - a) cancel: the fused form never
    // reads dA, so it stays exact where a saturates and dA is inf or NaN.
    gradZ: (a, y) => tf.sub(a, y),
  };
}

/** Squared error (a - y)^2 on tfjs tensors, no 1/2; its output dZ is the chain rule dA * a (1 - a). */
function mse(tf: Tf): Loss<Tensor> {
  return {
    name: 'mse',
    fused: false,
    cost: (_z, a, y) => mean(tf, tf.squaredDifference(a, y), a.shape[0] ?? 1),
    gradA: (a, y) => tf.mul(tf.sub(a, y), 2),
    gradZ: (a, _y, dA) => tf.mul(dA, tf.mul(a, tf.sub(1, a))),
  };
}

/** core's loss `name` written with tfjs ops for `tfBackend`; SpecError for a loss it has no kernel for. */
export function tfjsLoss(tf: Tf, name: LossName, tfBackend: TfjsBackendName): Loss<Tensor> {
  if (name === 'bce') return bce(tf, tfBackend);
  if (name === 'mse') return mse(tf);
  throw new SpecError('spec.loss', `backend 'tfjs-${tfBackend}' has no kernel for loss '${name}'`);
}
