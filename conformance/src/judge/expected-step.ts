import type { LossName } from '@onegrad/core';
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
  /** The targets (row-major), needed to classify the unfused bce dA. */
  readonly y: ArrayLike<number>;
  /** Layer 1 first. */
  readonly layers: readonly ExpectedLayer[];
  /** The cost J (1 x 1). */
  readonly cost: ExpectedMatrix;
  /** Parameters after the update. */
  readonly params: readonly { readonly W: ExpectedMatrix; readonly b: ExpectedMatrix }[];
}

/** The comparison form of a reference step. */
export function expectedStep(step: ReferenceStep, loss: LossName, y: ArrayLike<number>): ExpectedStep {
  return {
    loss,
    y,
    layers: step.layers.map((l) => ({
      z: expectedMatrix(l.z),
      a: expectedMatrix(l.a),
      dA: expectedMatrix(l.dA),
      dZ: expectedMatrix(l.dZ),
      dW: expectedMatrix(l.dW),
      db: expectedMatrix(l.db),
    })),
    cost: expectedMatrix(step.loss),
    params: step.params.map((p) => ({ W: expectedMatrix(p.W), b: expectedMatrix(p.b) })),
  };
}
