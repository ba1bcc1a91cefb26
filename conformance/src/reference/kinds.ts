import type { DType } from '@onegrad/core';
import type { Dec } from './decimal.js';
import type { BoundedValue } from './product.js';

/** One row of a layer's activations with, where the activation can give it exactly, 1 - A. */
export interface ActivationRow {
  /** A of each unit, with its bound coefficients. */
  readonly a: readonly BoundedValue[];
  /** 1 - A computed without cancellation (sigmoid, tanh and softmax near 1); 1 - a otherwise. */
  readonly bar?: readonly Dec[];
}

/**
 * The reference and error bound of one activation, registered by its core descriptor's name. Both
 * work on one row of the layer (a row-wise activation sees the whole row, an elementwise one maps it).
 */
export interface ActivationReference {
  /** The activation's name in core's registry. */
  readonly name: string;
  /** A = f(Z) of one row, in reference decimals, each with its M and F (see the README's table). */
  forward(z: readonly BoundedValue[]): ActivationRow;
  /** dZ = dA * f'(Z) of one row, as a backend computes it from its own dA, Z and A, with bounds. */
  backward(dA: readonly BoundedValue[], z: readonly BoundedValue[], a: ActivationRow): BoundedValue[];
  /**
   * Where f' jumps (relu at 0). A computed Z within its error bound of such a point leaves the
   * gradient below it undetermined by the error model: the judge reports it instead of a ratio.
   */
  readonly kinks?: readonly number[];
}

/**
 * The unfused output dA of a loss whose quotient form breaks where A saturates (bce's
 * (a - y) / (a (1 - a)), cce's -y / a): judged element by element over A's error interval.
 */
export interface UnfusedGrad {
  /** Roundings of the quotient form, relative to |dA| (and floors of underflowing operations). */
  readonly roundings: number;
  /** The largest value A can take where the form is finite (1 - u for bce, 1 for cce). */
  upper(dtype: DType): number;
  /** The form evaluated in the dtype's IEEE arithmetic at `a` (Math.fround after each operation for float32). */
  inDType(a: number, y: number, dtype: DType): number;
  /** The form in reference decimals at `t`. */
  exact(t: Dec, y: Dec): Dec;
  /**
   * A bound on |f'(t)| over [a - delta, a + delta], given 1 - a as `bar` (both as doubles), or
   * undefined when the interval reaches a pole.
   */
  slopeSup(a: number, bar: number, delta: number, y: number): number | undefined;
}

/** The reference and error bound of one loss, registered by its core descriptor's name. */
export interface LossReference {
  /** The loss's name in core's registry. */
  readonly name: string;
  /** The cost's terms of one row, each >= 0 with its bound: one per output (bce, mse) or one per row (cce). */
  terms(z: readonly BoundedValue[], a: ActivationRow, y: readonly Dec[]): BoundedValue[];
  /** The unfused dl/dA of one row per sample (no 1/m), with bounds. */
  gradA(z: readonly BoundedValue[], a: ActivationRow, y: readonly Dec[]): BoundedValue[];
  /** The fused dZ of the loss's canonical pair for one row, with bounds. */
  fusedGradZ?(z: readonly BoundedValue[], a: ActivationRow, y: readonly Dec[]): BoundedValue[];
  /** Present when the unfused dA can be ill-conditioned near saturation (bce, cce). */
  readonly unfused?: UnfusedGrad;
}
