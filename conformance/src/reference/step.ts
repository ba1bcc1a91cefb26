import type { LossName } from '@onegrad/core';
import { type BoundedMatrix, exactBounded } from '../error-model/bounded.js';
import { referenceBackToInputs, referenceHiddenDZ, referenceWeightGradients } from './backward.js';
import type { Dec } from './decimal.js';
import type { DMatrix } from './dmatrix.js';
import { type ReferenceForwardLayer, referenceDenseSigmoid } from './forward.js';
import { referenceOutput } from './output.js';
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
  /** Layer 1 first. */
  readonly layers: readonly ReferenceLayer[];
  /** The cost J (1 x 1). */
  readonly loss: BoundedMatrix;
  /** Parameters after the SGD update. */
  readonly params: readonly { readonly W: BoundedMatrix; readonly b: BoundedMatrix }[];
}

/** The forward pass: Z, A, 1 - A of every layer. */
export function referenceForward(x: DMatrix, params: readonly DLayerParams[]): ReferenceForwardLayer[] {
  const layers: ReferenceForwardLayer[] = [];
  let aPrev = exactBounded(x);
  for (const p of params) {
    const layer = referenceDenseSigmoid(aPrev, p.W, p.b);
    layers.push(layer);
    aPrev = layer.a;
  }
  return layers;
}

/** The cost J alone (for finite differences). */
export function referenceCost(input: ReferenceInput): Dec {
  const forward = referenceForward(input.x, input.params);
  return referenceOutput(forward.at(-1) as ReferenceForwardLayer, input.y, input.loss).cost.v[0] as Dec;
}

/** Forward, backward and SGD update of one step, with the bound coefficients of every quantity. */
export function referenceStep(input: ReferenceInput): ReferenceStep {
  const forward = referenceForward(input.x, input.params);
  const L = forward.length;
  const out = referenceOutput(forward[L - 1] as ReferenceForwardLayer, input.y, input.loss);
  const layers: ReferenceLayer[] = new Array(L);
  let dA = out.dA;
  let dZ = out.dZ;
  for (let l = L - 1; l >= 0; l--) {
    const f = forward[l] as ReferenceForwardLayer;
    if (l < L - 1) dZ = referenceHiddenDZ(dA, f.a, f.aBar);
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
  return { layers, loss: out.cost, params };
}
