import { ShapeError } from './errors.js';
import { bitEqual, cloneMatrix, type Matrix } from './matrix.js';
import type { NetworkSpec } from './network-spec.js';
import { snapshotMatrix } from './snapshot.js';

/** Weights and bias of one dense layer: `W` is n_{l-1} x n_l, `b` is 1 x n_l. */
export interface LayerParams {
  /** Weight matrix, inputs x units. */
  readonly W: Matrix;
  /** Bias row, 1 x units. */
  readonly b: Matrix;
}

/** All parameters of a network, layer 1 first. */
export type Params = readonly LayerParams[];

/** A deep copy of `params`. */
export function cloneParams(params: Params): Params {
  return params.map((p) => ({ W: cloneMatrix(p.W), b: cloneMatrix(p.b) }));
}

/** True when both parameter sets hold the same bits in the same shapes and dtype. */
export function paramsBitEqual(a: Params, b: Params): boolean {
  return a.length === b.length && a.every((p, l) => bitEqual(p.W, b[l]!.W) && bitEqual(p.b, b[l]!.b));
}

/**
 * Reads `params` once into a private copy in the spec's dtype and checks it against `spec` (count,
 * shapes, finiteness). Throws {@link ShapeError} or {@link NonFiniteError} naming the layer and the shapes.
 */
export function validateParams(spec: NetworkSpec, params: Params, name = 'params'): Params {
  const L = spec.sizes.length - 1;
  const count = Array.isArray(params) ? params.length : undefined;
  if (count !== L) {
    throw new ShapeError(
      name,
      `expected ${L} layers for sizes [${spec.sizes.join(', ')}], got ${count ?? String(params)}`,
    );
  }
  const out: LayerParams[] = [];
  // A plain loop, not map: map skips the holes of a sparse array, which must be refused.
  for (let l = 0; l < L; l++) {
    const layer: unknown = params[l];
    const { W, b } = (typeof layer === 'object' && layer !== null ? layer : {}) as Partial<LayerParams>;
    const cols = spec.sizes[l + 1] as number;
    out.push({
      W: snapshotMatrix(`${name}[${l}].W`, W, spec.dtype, { rows: spec.sizes[l] as number, cols }),
      b: snapshotMatrix(`${name}[${l}].b`, b, spec.dtype, { rows: 1, cols }),
    });
  }
  return out;
}
