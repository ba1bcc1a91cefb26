import type { DType } from './dtype.js';

/** The activations onegrad ships; `(string & {})` keeps the set open to registered ones. */
export type ActivationName = 'sigmoid' | 'tanh' | 'relu' | 'identity' | 'softmax' | (string & {});

/** The losses onegrad ships: binary cross-entropy, squared error, categorical cross-entropy. */
export type LossName = 'bce' | 'mse' | 'cce' | (string & {});

/**
 * An activation A = f(Z) as a node of the step's graph: its name, its maths as text, and where it may
 * stand. Engines register one kernel per name; conformance registers a reference and its error bound.
 */
export interface ActivationDescriptor {
  /** Stable name, as specs and registries spell it, e.g. `tanh`. */
  readonly name: ActivationName;
  /** The forward map as text, e.g. `A = tanh(Z)`. */
  readonly formula: string;
  /** The local derivative the backward pass multiplies by, as text, e.g. `dA/dZ = 1 - A^2`. */
  readonly derivative: string;
  /**
   * True when each output depends on its whole row of Z (softmax): the backward pass is a row-wise
   * Jacobian product, and the activation may stand only on the output layer.
   */
  readonly rowwise: boolean;
  /** The smallest number of units a layer of it may have (softmax needs 2 to mean anything). */
  readonly minUnits: number;
}

/**
 * A loss on the output layer as a node of the step's graph. Its cost is J = mean over the batch of
 * the sum over outputs (softmax rows for cce) of the per-element loss.
 */
export interface LossDescriptor {
  /** Stable name, e.g. `cce`. */
  readonly name: LossName;
  /** The per-element loss as text. */
  readonly formula: string;
  /** The unfused dl/dA per sample (no 1/m) as text. */
  readonly gradA: string;
  /**
   * The output activation it forms a canonical pair with, and the fused dZ there: the two local
   * derivatives cancel, so dZ is computed directly and stays exact where dA is not finite.
   */
  readonly canonical?: { readonly activation: ActivationName; readonly dZ: string };
  /** The output activations it may follow; every activation when absent. */
  readonly follows?: readonly ActivationName[];
  /** The cost of an untrained guess (every Z = 0 for the output activations it follows), per output count. */
  chanceCost(outputs: number): number;
  /**
   * The first target it refuses, as a message naming the element; undefined when every target is
   * valid. `y` holds the exact values given (before rounding to `dtype`), `cols` per row.
   */
  checkTargets?(y: ArrayLike<number>, cols: number, dtype: DType): string | undefined;
}
