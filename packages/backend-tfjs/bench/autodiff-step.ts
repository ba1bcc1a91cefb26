import type { Loss } from '@onegrad/core';
import type { Tensor } from '@tensorflow/tfjs';
import { denseSigmoidLayer } from '../src/dense-sigmoid-layer.js';
import type { Tf } from '../src/load-tfjs.js';
import { type LayerTensors, type StepTensors, stepTensors } from '../src/step.js';

/**
 * The same step with tfjs's autodiff: `tf.valueAndGrads` differentiates the cost, then the SGD update.
 * Autodiff yields dW and db only; a traced step has to run the explicit backward as well to show the
 * seed's dA and dZ. Kept here for the measurement in the README, not shipped.
 */
export function autodiffStepTensors(
  tf: Tf,
  loss: Loss<Tensor>,
  params: readonly LayerTensors[],
  x: Tensor,
  y: Tensor,
  learningRate: number,
  trace: boolean,
): StepTensors {
  if (trace) return stepTensors(tf, loss, params, x, y, learningRate, true);
  const cost = (...flat: Tensor[]): Tensor => {
    let a = x;
    let z = x;
    for (let l = 0; l < flat.length; l += 2) {
      ({ z, a } = denseSigmoidLayer(tf, flat[l] as Tensor, flat[l + 1] as Tensor).forward(a));
    }
    return loss.cost(z, a, y);
  };
  const { value, grads } = tf.valueAndGrads(cost)(params.flatMap((p) => [p.W, p.b]));
  const updated = params.map((p, l) => ({
    W: tf.sub(p.W, tf.mul(grads[2 * l] as Tensor, learningRate)),
    b: tf.sub(p.b, tf.mul(grads[2 * l + 1] as Tensor, learningRate)),
  }));
  const zeros = updated.flatMap((p) => [tf.sum(tf.mul(p.W, 0)), tf.sum(tf.mul(p.b, 0))]);
  return { loss: value, probe: tf.addN([value, ...zeros]), updated };
}
