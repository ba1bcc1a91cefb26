import { type DType, isDType } from './dtype.js';
import { SpecError } from './errors.js';

/** Loss functions onegrad trains with: binary cross-entropy or squared error. */
export type LossName = 'bce' | 'mse';

/** Every loss onegrad knows, in a stable order. */
export const LOSSES: readonly LossName[] = ['bce', 'mse'];

/**
 * A sigmoid multi-layer perceptron: `sizes = [n0, n1, ..., nL]`, every layer dense + sigmoid,
 * layer l has `W_l` (n_{l-1} x n_l) and `b_l` (1 x n_l).
 */
export interface NetworkSpec {
  /** Widths from input to output; at least two entries, each an integer >= 1. */
  readonly sizes: readonly number[];
  /** The loss on the output layer. */
  readonly loss: LossName;
  /** The dtype every tensor of the network is stored and computed in. */
  readonly dtype: DType;
}

/** Number of dense layers (L) of a spec. */
export function layerCount(spec: NetworkSpec): number {
  return spec.sizes.length - 1;
}

/** Throws {@link SpecError} unless `spec` is a well-formed network spec; returns a frozen copy. */
export function validateSpec(spec: unknown): NetworkSpec {
  if (typeof spec !== 'object' || spec === null)
    throw new SpecError('spec', `expected an object, got ${spec}`);
  const { sizes, loss, dtype } = spec as Record<string, unknown>;
  if (!Array.isArray(sizes) || sizes.length < 2) {
    throw new SpecError(
      'spec.sizes',
      `expected at least two layer sizes [n0, ..., nL], got ${JSON.stringify(sizes)}`,
    );
  }
  sizes.forEach((n, i) => {
    if (!Number.isInteger(n) || (n as number) < 1) {
      throw new SpecError(`spec.sizes[${i}]`, `expected an integer >= 1, got ${JSON.stringify(n)}`);
    }
  });
  if (loss !== 'bce' && loss !== 'mse') {
    throw new SpecError('spec.loss', `unknown loss ${JSON.stringify(loss)}; expected 'bce' or 'mse'`);
  }
  if (!isDType(dtype)) {
    throw new SpecError(
      'spec.dtype',
      `unknown dtype ${JSON.stringify(dtype)}; expected 'float32' or 'float64'`,
    );
  }
  return Object.freeze({ sizes: Object.freeze([...(sizes as number[])]), loss, dtype });
}

/**
 * True when the loss and the output activation form a canonical pair, whose local derivatives cancel
 * so that the output dZ is computed fused (sigmoid + bce: dZ = A - Y), never through the unfused dA.
 */
export function fusesOutput(spec: NetworkSpec): boolean {
  return spec.loss === 'bce';
}
