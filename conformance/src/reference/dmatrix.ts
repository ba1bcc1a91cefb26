import type { Matrix } from '@onegrad/core';
import { type Dec, exact } from './decimal.js';

/** A row-major matrix of reference decimals; element (i, j) is `v[i * cols + j]`. */
export interface DMatrix {
  /** Rows (samples, or inputs of a weight matrix). */
  readonly rows: number;
  /** Columns (features or units). */
  readonly cols: number;
  /** `rows * cols` decimals, row-major. */
  readonly v: readonly Dec[];
}

/** The exact decimal image of a matrix of doubles or floats. */
export function dmatrix(m: Pick<Matrix, 'rows' | 'cols'> & { readonly data: ArrayLike<number> }): DMatrix {
  return { rows: m.rows, cols: m.cols, v: Array.from(m.data, exact) };
}

/** Element (i, j) of `m`. */
export function dat(m: DMatrix, i: number, j: number): Dec {
  return m.v[i * m.cols + j] as Dec;
}
