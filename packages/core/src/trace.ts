import type { Matrix } from './matrix.js';
import type { Params } from './params.js';

/** Every intermediate of one layer in one step, all row-major, batch rows first. */
export interface LayerTrace {
  /** Z_l = A_{l-1} W_l + b_l (batch x n_l). */
  readonly z: Matrix;
  /** A_l = f_l(Z_l), the layer's activation (batch x n_l). */
  readonly a: Matrix;
  /** dA_l per sample, no 1/m (batch x n_l); on the output layer, the unfused dl/dA. */
  readonly dA: Matrix;
  /** Flat indices of `dA` that are not finite (only the unfused output dA can have any). */
  readonly dANonFinite: readonly number[];
  /** dZ_l per sample (batch x n_l); on the output layer, fused for a canonical pair (see fusesOutput). */
  readonly dZ: Matrix;
  /** dW_l = (1/m) A_{l-1}^T dZ_l (n_{l-1} x n_l). */
  readonly dW: Matrix;
  /** db_l = (1/m) column sums of dZ_l (1 x n_l). */
  readonly db: Matrix;
}

/** The full record of one training step: layer 1 first, then the loss and the updated parameters. */
export interface StepTrace {
  /** Per-layer intermediates, index l - 1 for layer l. */
  readonly layers: readonly LayerTrace[];
  /** Cost J at the parameters before the update. */
  readonly loss: number;
  /** True when the output dZ came from the fused form of a canonical pair, false when from dA * f'(Z). */
  readonly fusedOutput: boolean;
  /** Parameters after the SGD update W - lr dW, b - lr db. */
  readonly params: Params;
}

/** Flat indices of the non-finite elements of `m`. */
export function nonFiniteIndices(m: Matrix): number[] {
  const out: number[] = [];
  for (let i = 0; i < m.data.length; i++) if (!Number.isFinite(m.data[i] as number)) out.push(i);
  return out;
}
