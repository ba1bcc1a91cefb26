import { dtypeOf } from './dtype.js';
import { ShapeError } from './errors.js';
import { assertFiniteIn } from './finite-matrix.js';
import { bitEqual, cast, cloneMatrix, type Matrix, shapeOf } from './matrix.js';
import type { NetworkSpec } from './network-spec.js';

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
 * Checks `params` against `spec` (count, shapes, finiteness) and returns a copy in the spec's dtype.
 * Throws {@link ShapeError} or {@link NonFiniteError} naming the layer and the shapes.
 */
export function validateParams(spec: NetworkSpec, params: Params, name = 'params'): Params {
  const L = spec.sizes.length - 1;
  if (!Array.isArray(params) || params.length !== L) {
    throw new ShapeError(
      name,
      `expected ${L} layers for sizes [${spec.sizes.join(', ')}], got ${params?.length}`,
    );
  }
  return params.map((p, l) => {
    const nIn = spec.sizes[l] as number;
    const nOut = spec.sizes[l + 1] as number;
    for (const [key, m, rows] of [
      ['W', p.W, nIn],
      ['b', p.b, 1],
    ] as const) {
      if (m?.rows !== rows || m.cols !== nOut || m.data?.length !== rows * nOut) {
        const got = m ? `${shapeOf(m)} with ${m.data?.length} values` : String(m);
        throw new ShapeError(`${name}[${l}].${key}`, `expected ${rows}x${nOut}, got ${got}`);
      }
      assertFiniteIn(`${name}[${l}].${key}`, m, spec.dtype);
    }
    const same = dtypeOf(p.W.data) === spec.dtype && dtypeOf(p.b.data) === spec.dtype;
    return same
      ? { W: cloneMatrix(p.W), b: cloneMatrix(p.b) }
      : { W: cast(p.W, spec.dtype), b: cast(p.b, spec.dtype) };
  });
}
