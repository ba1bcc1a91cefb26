import { firstNonFinite, type LayerQuantity } from '@onegrad/core';
import type { Tensor } from '@tensorflow/tfjs-core';
import { blockSum, SUM_BLOCK } from './block-sum.js';
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

/** The output layer's Z_L and A_L of one step, from which {@link costsOf} computes its cost later. */
export type OutputTensors = { readonly z: Tensor; readonly a: Tensor };

/**
 * What one step computes besides its update: the trace, the probe (which needs the cost), and the cost
 * itself; without the cost, the step hands back its output layer's Z_L and A_L.
 */
export type StepReads = { readonly trace: boolean; readonly probe: boolean; readonly cost: boolean };

/** An untraced step whose finiteness the probe tells (a backend holding tensors off the host). */
export const PROBED: StepReads = { trace: false, probe: true, cost: true };
/** A traced step whose finiteness the probe tells. */
export const TRACED_PROBED: StepReads = { trace: true, probe: true, cost: true };
/** An untraced step with its cost: its update is checked on the host, or once per chunk of a run. */
export const COSTED: StepReads = { trace: false, probe: false, cost: true };
/** A traced step with its cost, its update checked on the host. */
export const TRACED: StepReads = { trace: true, probe: false, cost: true };
/** A step of a run that computes its chunk's costs together, from each step's output. */
export const DEFERRED: StepReads = { trace: false, probe: false, cost: false };

/**
 * What one step leaves on the engine: the uncommitted update, and as asked by its {@link StepReads} the
 * cost J before the update, the probe (J when the loss and every updated parameter are finite, NaN
 * otherwise), the trace, or the output layer's values in place of the cost.
 */
export type StepTensors = {
  readonly updated: LayerTensors[];
  readonly loss?: Tensor;
  readonly probe?: Tensor;
  readonly layers?: LayerStepTensors[];
  readonly output?: OutputTensors;
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
 * The costs of steps on one batch from each step's output layer (`outputs`, one per step, in order), as
 * one tensor of as many values, each the bits {@link costOf} gives that step: the steps' Z_L and A_L are
 * stacked by rows, `y` repeated as often, the loss's terms (per element or per row) taken once and summed
 * per step. Only for a batch of at most {@link SUM_BLOCK} output values, which {@link blockSum} sums in one
 * run, as a per-row sum does.
 */
export function costsOf(
  on: TfjsKernelContext,
  kernels: NetworkKernels,
  outputs: readonly OutputTensors[],
  y: Tensor,
  m: Tensor,
): Tensor {
  const { tf } = on;
  const steps = outputs.length;
  const z = tf.concat(outputs.map((o) => o.z));
  // Layers whose A is their Z (identity) hand back one tensor: stack it once.
  const a = outputs.every((o) => o.a === o.z) ? z : tf.concat(outputs.map((o) => o.a));
  const terms = kernels.loss.terms(on, z, a, steps === 1 ? y : tf.tile(y, [steps, 1]));
  return tf.div(tf.sum(tf.reshape(terms, [steps, -1]), 1), m);
}

/** True when a run may compute its costs with {@link costsOf}: the batch has at most SUM_BLOCK output values. */
export function costsTogether(y: Tensor): boolean {
  return y.size <= SUM_BLOCK;
}

/**
 * True when every value of every tensor in `params` is finite, read on the host: for backends that hold
 * tensors in host memory (tfjs-cpu hands out a tensor's own storage, tfjs-wasm copies it out of its
 * heap), a pass over the values is cheaper than the probe's kernels.
 */
export function paramsFinite(params: readonly LayerTensors[]): boolean {
  return params.every((p) => firstNonFinite(p.W.dataSync()) < 0 && firstNonFinite(p.b.dataSync()) < 0);
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
 * Forward, loss, explicit backward and SGD update with tfjs ops, as the seed writes them, with what
 * `reads` asks for (a run of steps probes its parameters once per chunk, and may compute the costs of a
 * chunk together). Call it inside `tf.tidy`: only the returned tensors survive, so an untraced step keeps
 * no intermediate.
 */
export function stepTensors(
  on: TfjsKernelContext,
  kernels: NetworkKernels,
  params: readonly LayerTensors[],
  inputs: StepInputs,
  reads: StepReads,
): StepTensors {
  const { trace } = reads;
  const { tf } = on;
  const { loss, fused } = kernels;
  const { x, y, m, learningRate } = inputs;
  const { layers, zs, acts } = forwardTensors(on, kernels, params, x);
  const L = layers.length;
  const aL = acts[L] as Tensor;
  const zL = zs[L - 1] as Tensor;
  const cost = reads.cost ? costOf(on, kernels, zL, aL, y, m) : undefined;
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
  const out: { -readonly [k in keyof StepTensors]: StepTensors[k] } = { updated };
  if (cost) out.loss = cost;
  else out.output = { z: zL, a: aL };
  if (reads.probe) out.probe = finiteProbe(tf, cost, updated);
  if (trace) out.layers = traced;
  return out;
}
