import { type ActivationName, findLoss, type LossName } from '@onegrad/core';
import { referenceBackToInputs, referenceHiddenDZ, referenceWeightGradients } from './backward.js';
import { type BoundedMatrix, exactBounded } from './bounded.js';
import type { Dec } from './decimal.js';
import type { DMatrix } from './dmatrix.js';
import { type ReferenceForwardLayer, referenceDense } from './forward.js';
import { referenceOutput } from './output.js';
import { activationReference, lossReference } from './registry.js';
import { referenceUpdate } from './update.js';

/** Parameters of one layer in reference decimals. */
export interface DLayerParams {
  /** n_{l-1} x n_l. */
  readonly W: DMatrix;
  /** 1 x n_l. */
  readonly b: DMatrix;
}

/** Everything one step depends on, in exact decimals. */
export interface ReferenceInput {
  /** The loss on the output layer. */
  readonly loss: LossName;
  /** One activation per layer, layer 1 first; sigmoid everywhere when absent. */
  readonly activations?: readonly ActivationName[];
  /** Inputs, batch x n0. */
  readonly x: DMatrix;
  /** Targets, batch x nL. */
  readonly y: DMatrix;
  /** Parameters before the step, layer 1 first. */
  readonly params: readonly DLayerParams[];
  /** SGD learning rate (the exact value of the double a backend receives). */
  readonly learningRate: Dec;
}

/** The reference intermediates of one layer, each with its bound coefficients. */
export interface ReferenceLayer {
  readonly z: BoundedMatrix;
  readonly a: BoundedMatrix;
  readonly dA: BoundedMatrix;
  readonly dZ: BoundedMatrix;
  readonly dW: BoundedMatrix;
  readonly db: BoundedMatrix;
}

/** One training step computed by the reference: the trace of core's `StepTrace`, with bounds. */
export interface ReferenceStep {
  /** The loss. */
  readonly loss: LossName;
  /** The activation of every layer, layer 1 first. */
  readonly activations: readonly ActivationName[];
  /** True when the output dZ is the fused form of a canonical pair. */
  readonly fused: boolean;
  /** Layer 1 first. */
  readonly layers: readonly ReferenceLayer[];
  /** The cost J (1 x 1). */
  readonly cost: BoundedMatrix;
  /** Parameters after the SGD update. */
  readonly params: readonly { readonly W: BoundedMatrix; readonly b: BoundedMatrix }[];
}

/** The activation of every layer of a reference input. */
function activationsOfInput(input: {
  readonly activations?: readonly ActivationName[] | undefined;
  readonly params: readonly unknown[];
}): readonly ActivationName[] {
  return input.activations ?? input.params.map(() => 'sigmoid');
}

/** True when the output dZ is fused: the loss and the output activation form the loss's canonical pair. */
export function fusedOutputOf(input: {
  readonly loss: LossName;
  readonly activations?: readonly ActivationName[] | undefined;
  readonly params: readonly unknown[];
}): boolean {
  return findLoss(input.loss)?.canonical?.activation === activationsOfInput(input).at(-1);
}

/** The forward pass: Z, A (and 1 - A where the activation gives it) of every layer. */
export function referenceForward(
  x: DMatrix,
  params: readonly DLayerParams[],
  activations: readonly ActivationName[] = params.map(() => 'sigmoid'),
): ReferenceForwardLayer[] {
  const layers: ReferenceForwardLayer[] = [];
  let aPrev = exactBounded(x);
  params.forEach((p, l) => {
    const layer = referenceDense(aPrev, p.W, p.b, activationReference(activations[l] ?? 'sigmoid'));
    layers.push(layer);
    aPrev = layer.a;
  });
  return layers;
}

/** The cost J alone (for finite differences). */
export function referenceCost(input: ReferenceInput): Dec {
  const forward = referenceForward(input.x, input.params, activationsOfInput(input));
  const out = forward.at(-1) as ReferenceForwardLayer;
  return referenceOutput(out, input.y, lossReference(input.loss), fusedOutputOf(input)).cost.v[0] as Dec;
}

/** Forward, backward and SGD update of one step, with the bound coefficients of every quantity. */
export function referenceStep(input: ReferenceInput): ReferenceStep {
  const forward = referenceForward(input.x, input.params, activationsOfInput(input));
  const L = forward.length;
  const out = referenceOutput(
    forward[L - 1] as ReferenceForwardLayer,
    input.y,
    lossReference(input.loss),
    fusedOutputOf(input),
  );
  const layers: ReferenceLayer[] = new Array(L);
  let dA = out.dA;
  let dZ = out.dZ;
  for (let l = L - 1; l >= 0; l--) {
    const f = forward[l] as ReferenceForwardLayer;
    if (l < L - 1) dZ = referenceHiddenDZ(dA, f);
    const aPrev = l === 0 ? exactBounded(input.x) : (forward[l - 1] as ReferenceForwardLayer).a;
    const { dW, db } = referenceWeightGradients(aPrev, dZ);
    layers[l] = { z: f.z, a: f.a, dA, dZ, dW, db };
    if (l > 0) dA = referenceBackToInputs(dZ, (input.params[l] as DLayerParams).W);
  }
  const params = layers.map((g, l) => {
    const p = input.params[l] as DLayerParams;
    return {
      W: referenceUpdate(p.W, g.dW, input.learningRate),
      b: referenceUpdate(p.b, g.db, input.learningRate),
    };
  });
  return {
    loss: input.loss,
    activations: activationsOfInput(input),
    fused: fusedOutputOf(input),
    layers,
    cost: out.cost,
    params,
  };
}
