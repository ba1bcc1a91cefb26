import type { Tensor } from '@tensorflow/tfjs';
import type { NetworkKernels, TfjsKernelContext } from '../src/kernels.js';
import {
  costOf,
  finiteProbe,
  forwardTensors,
  type LayerTensors,
  type StepTensors,
  stepTensors,
} from '../src/step.js';

/**
 * The same step with tfjs's autodiff: `tf.valueAndGrads` differentiates the cost, then the SGD update.
 * Autodiff yields dW and db only; a traced step has to run the explicit backward as well to show the
 * seed's dA and dZ. Kept here for the measurement in the README, not shipped.
 */
export function autodiffStepTensors(
  on: TfjsKernelContext,
  kernels: NetworkKernels,
  params: readonly LayerTensors[],
  x: Tensor,
  y: Tensor,
  learningRate: number,
  trace: boolean,
): StepTensors {
  if (trace) return stepTensors(on, kernels, params, x, y, learningRate, true);
  const { tf } = on;
  const L = params.length;
  const cost = (...flat: Tensor[]): Tensor => {
    const layers = Array.from({ length: L }, (_, l) => ({
      W: flat[2 * l] as Tensor,
      b: flat[2 * l + 1] as Tensor,
    }));
    const { zs, acts } = forwardTensors(on, kernels, layers, x);
    return costOf(on, kernels, zs[L - 1] as Tensor, acts[L] as Tensor, y);
  };
  const { value, grads } = tf.valueAndGrads(cost)(params.flatMap((p) => [p.W, p.b]));
  const updated = params.map((p, l) => ({
    W: tf.sub(p.W, tf.mul(grads[2 * l] as Tensor, learningRate)),
    b: tf.sub(p.b, tf.mul(grads[2 * l + 1] as Tensor, learningRate)),
  }));
  return { loss: value, probe: finiteProbe(tf, value, updated), updated };
}
