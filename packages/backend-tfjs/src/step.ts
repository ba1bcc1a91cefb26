import type { LayerQuantity } from '@onegrad/core';
import type { Tensor } from '@tensorflow/tfjs-core';
import { blockSum } from './block-sum.js';
import { DenseLayer } from './dense-layer.js';
import type { NetworkKernels, TfjsActivationKernel, TfjsKernelContext } from './kernels.js';
import type { Tf } from './load-tfjs.js';

// Type aliases rather than interfaces, so that tf.tidy and tf.dispose accept them as tensor containers.

/** Weights and bias of one layer as tensors: W_l (inputs x units) and b_l (1 x units). */
export type LayerTensors = { readonly W: Tensor; readonly b: Tensor };

/** One layer's intermediates of a traced step, as tensors keyed as core's LayerValues. */
export type LayerStepTensors = { readonly [q in LayerQuantity]: Tensor };

/**
 * What one step leaves on the engine: the cost J before the update, a probe (J when the loss and every
 * updated parameter are finite, NaN otherwise), the uncommitted update, and the trace when asked for.
 */
export type StepTensors = {
  readonly loss: Tensor;
  readonly probe: Tensor;
  readonly updated: LayerTensors[];
  readonly layers?: LayerStepTensors[];
};

/** The forward pass: each layer over its parameters, Z_l of every layer, and A_l with A_0 = x first. */
export function forwardTensors(
  on: TfjsKernelContext,
  kernels: NetworkKernels,
  params: readonly LayerTensors[],
  x: Tensor,
): { layers: DenseLayer[]; zs: Tensor[]; acts: Tensor[] } {
  const layers = params.map(
    (p, l) => new DenseLayer(on, kernels.activations[l] as TfjsActivationKernel, p.W, p.b),
  );
  const acts: Tensor[] = [x];
  const zs: Tensor[] = [];
  for (const layer of layers) {
    const { z, a } = layer.forward(acts[acts.length - 1] as Tensor);
    zs.push(z);
    acts.push(a);
  }
  return { layers, zs, acts };
}

/** The cost J = (1/m) * the sum of the loss's terms over the batch (summed in blocks), a scalar tensor. */
export function costOf(
  on: TfjsKernelContext,
  kernels: NetworkKernels,
  z: Tensor,
  a: Tensor,
  y: Tensor,
): Tensor {
  const { tf } = on;
  return tf.div(blockSum(tf, kernels.loss.terms(on, z, a, y)), z.shape[0] ?? 1);
}

/**
 * The step's probe: `cost` plus 0 * every updated parameter. 0 * v is 0 for finite v and NaN for inf or
 * NaN, so one scalar read tells whether the step is finite.
 */
export function finiteProbe(tf: Tf, cost: Tensor, updated: readonly LayerTensors[]): Tensor {
  const zeros = updated.flatMap((p) => [tf.sum(tf.mul(p.W, 0)), tf.sum(tf.mul(p.b, 0))]);
  return tf.addN([cost, ...zeros]);
}

/**
 * Forward, loss, explicit backward and SGD update with tfjs ops, as the seed writes them. Call it inside
 * `tf.tidy`: only the returned tensors survive, so an untraced step keeps no intermediate.
 */
export function stepTensors(
  on: TfjsKernelContext,
  kernels: NetworkKernels,
  params: readonly LayerTensors[],
  x: Tensor,
  y: Tensor,
  learningRate: number,
  trace: boolean,
): StepTensors {
  const { tf } = on;
  const { loss, fused } = kernels;
  const { layers, zs, acts } = forwardTensors(on, kernels, params, x);
  const L = layers.length;
  const aL = acts[L] as Tensor;
  const cost = costOf(on, kernels, zs[L - 1] as Tensor, aL, y);
  // The unfused output dA is computed when it is used (no canonical pair) or shown (trace): a fused dZ
  // never reads it, so the output layer then gets the fused dZ in its place.
  const dAL = trace || !fused ? loss.gradA(on, aL, y) : undefined;
  const fusedDZ = fused ? loss.fusedGradZ?.(on, aL, y) : undefined;
  let dA = (dAL ?? fusedDZ) as Tensor;
  const traced: LayerStepTensors[] = [];
  const updated: LayerTensors[] = [];
  for (let l = L - 1; l >= 0; l--) {
    const g = (layers[l] as DenseLayer).backward(
      acts[l] as Tensor,
      zs[l] as Tensor,
      acts[l + 1] as Tensor,
      dA,
      l === L - 1 ? fusedDZ : undefined,
    );
    const p = params[l] as LayerTensors;
    updated.unshift({
      W: tf.sub(p.W, tf.mul(g.dW, learningRate)),
      b: tf.sub(p.b, tf.mul(g.db, learningRate)),
    });
    if (trace)
      traced.unshift({ Z: zs[l] as Tensor, A: acts[l + 1] as Tensor, dA, dZ: g.dZ, dW: g.dW, db: g.db });
    if (l > 0) dA = g.dAPrev;
  }
  const probe = finiteProbe(tf, cost, updated);
  return trace ? { loss: cost, probe, updated, layers: traced } : { loss: cost, probe, updated };
}
