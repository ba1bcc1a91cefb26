import type { ActivationName, LossName } from '@onegrad/core';
import type { ReferenceStep } from '../reference/step.js';
import { type ExpectedMatrix, expectedMatrix } from './expected.js';

/** The expected intermediates of one layer. */
export interface ExpectedLayer {
  readonly z: ExpectedMatrix;
  readonly a: ExpectedMatrix;
  readonly dA: ExpectedMatrix;
  readonly dZ: ExpectedMatrix;
  readonly dW: ExpectedMatrix;
  readonly db: ExpectedMatrix;
}

/** What a backend's step must reproduce, within bounds. */
export interface ExpectedStep {
  /** The loss, which decides how the output dA is judged. */
  readonly loss: LossName;
  /** The activation of every layer, layer 1 first. */
  readonly activations: readonly ActivationName[];
  /** True when the output dZ must be the fused form (the trace's `fusedOutput`). */
  readonly fused: boolean;
  /** The targets (row-major), needed to classify an unfused dA near saturation. */
  readonly y: ArrayLike<number>;
  /** Layer 1 first. */
  readonly layers: readonly ExpectedLayer[];
  /** The cost J (1 x 1). */
  readonly cost: ExpectedMatrix;
  /** Parameters after the update. */
  readonly params: readonly { readonly W: ExpectedMatrix; readonly b: ExpectedMatrix }[];
}

/** The comparison form of a reference step. */
export function expectedStep(step: ReferenceStep, y: ArrayLike<number>): ExpectedStep {
  return {
    loss: step.loss,
    activations: step.activations,
    fused: step.fused,
    y,
    layers: step.layers.map((l) => ({
      z: expectedMatrix(l.z),
      a: expectedMatrix(l.a),
      dA: expectedMatrix(l.dA),
      dZ: expectedMatrix(l.dZ),
      dW: expectedMatrix(l.dW),
      db: expectedMatrix(l.db),
    })),
    cost: expectedMatrix(step.cost),
    params: step.params.map((p) => ({ W: expectedMatrix(p.W), b: expectedMatrix(p.b) })),
  };
}
