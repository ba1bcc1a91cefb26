import type { LayerQuantity } from '@onegrad/core';
import type { Tensor } from '@tensorflow/tfjs-core';
import { blockSum } from './block-sum.js';
import { DenseLayer } from './dense-layer.js';
import type { NetworkKernels, TfjsActivationKernel, TfjsKernelContext } from './kernels.js';
import type { Tf } from './load-tfjs.js';

// Type aliases rather than interfaces, so that tf.tidy and tf.dispose accept them as tensor containers.

/** Weights and bias of one layer as tensors: W_l (inputs x units) and b_l (1-D, units; read as one row). */
export type LayerTensors = { readonly W: Tensor; readonly b: Tensor };

/** One layer's intermediates of a traced step, as tensors keyed as core's LayerValues. */
export type LayerStepTensors = { readonly [q in LayerQuantity]: Tensor };

/**
 * What a step reads besides the parameters: the batch, and the scalars and x^T a run makes once for all
 * its steps (a single step makes them inside its tidy).
 */
export type StepInputs = {
  readonly x: Tensor;
  readonly y: Tensor;
  /** x^T, where the backend transposes explicitly (see DenseLayer.backward). */
  readonly xT: Tensor | undefined;
  /** The learning rate as a float32 scalar. */
  readonly learningRate: Tensor;
  /** The batch size m as a float32 scalar. */
  readonly m: Tensor;
};

/** The batch and scalars of a step on `x`, `y` at `learningRate`; with x^T when `transposeX`. */
export function stepInputs(
  tf: Tf,
  x: Tensor,
  y: Tensor,
  learningRate: number,
  transposeX: boolean,
): StepInputs {
  return {
    x,
    y,
    xT: transposeX ? tf.transpose(x) : undefined,
    learningRate: tf.scalar(learningRate, 'float32'),
    m: tf.scalar(x.shape[0] ?? 1, 'float32'),
  };
}

/**
 * What one step leaves on the engine: the cost J before the update, the uncommitted update, the probe
 * when asked for (J when the loss and every updated parameter are finite, NaN otherwise), and the trace
 * when asked for.
 */
export type StepTensors = {
  readonly loss: Tensor;
  readonly probe?: Tensor;
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
  m: Tensor,
): Tensor {
  const { tf } = on;
  return tf.div(blockSum(tf, kernels.loss.terms(on, z, a, y)), m);
}

/**
 * The step's probe: `cost` (when given) plus 0 * every updated parameter. 0 * v is 0 for finite v and NaN
 * for inf or NaN, so one scalar read tells whether the step is finite.
 */
export function finiteProbe(tf: Tf, cost: Tensor | undefined, updated: readonly LayerTensors[]): Tensor {
  const terms = cost ? [cost] : [];
  for (const p of updated) terms.push(tf.sum(tf.mul(p.W, 0)), tf.sum(tf.mul(p.b, 0)));
  return tf.addN(terms);
}

/**
 * Forward, loss, explicit backward and SGD update with tfjs ops, as the seed writes them; the probe when
 * `probe` (a run of steps probes its parameters once per chunk instead). Call it inside `tf.tidy`: only
 * the returned tensors survive, so an untraced step keeps no intermediate.
 */
export function stepTensors(
  on: TfjsKernelContext,
  kernels: NetworkKernels,
  params: readonly LayerTensors[],
  inputs: StepInputs,
  trace: boolean,
  probe: boolean,
): StepTensors {
  const { tf } = on;
  const { loss, fused } = kernels;
  const { x, y, m, learningRate } = inputs;
  const { layers, zs, acts } = forwardTensors(on, kernels, params, x);
  const L = layers.length;
  const aL = acts[L] as Tensor;
  const cost = costOf(on, kernels, zs[L - 1] as Tensor, aL, y, m);
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
      l === 0 ? { m, aPrevT: inputs.xT } : { m },
      l === L - 1 ? fusedDZ : undefined,
    );
    const p = params[l] as LayerTensors;
    updated[l] = {
      W: tf.sub(p.W, tf.mul(g.dW, learningRate)),
      b: tf.sub(p.b, tf.mul(g.db, learningRate)),
    };
    if (trace) traced[l] = { Z: zs[l] as Tensor, A: acts[l + 1] as Tensor, dA, dZ: g.dZ, dW: g.dW, db: g.db };
    if (l > 0) dA = g.dAPrev;
  }
  const out: { -readonly [k in keyof StepTensors]: StepTensors[k] } = { loss: cost, updated };
  if (probe) out.probe = finiteProbe(tf, cost, updated);
  if (trace) out.layers = traced;
  return out;
}
