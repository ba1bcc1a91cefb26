import { allocate, type DType, dtypeOf, type FloatArray } from './dtype.js';
import { ShapeError } from './errors.js';

/**
 * A dense row-major matrix: element (i, j) is `data[i * cols + j]`. Batches are `batch x features`,
 * one sample per row; a bias is a `1 x units` matrix.
 */
export interface Matrix {
  /** Number of rows (samples for a batch, inputs for a weight matrix). */
  readonly rows: number;
  /** Number of columns (features or units). */
  readonly cols: number;
  /** `rows * cols` elements, row-major. */
  readonly data: FloatArray;
}

/** Builds a matrix in `dtype` from nested rows (`number[][]`) or flat row-major values. */
export function matrix(
  rows: number,
  cols: number,
  values: ArrayLike<number>,
  dtype: DType = 'float64',
): Matrix {
  if (values.length !== rows * cols) {
    throw new ShapeError('values', `expected ${rows}x${cols} = ${rows * cols} values, got ${values.length}`);
  }
  const data = allocate(dtype, rows * cols);
  data.set(values);
  return { rows, cols, data };
}

/** Builds a matrix from nested rows, e.g. `fromRows([[1, 1], [0, 0]])`. */
export function fromRows(rows: readonly (readonly number[])[], dtype: DType = 'float64'): Matrix {
  const cols = rows[0]?.length ?? 0;
  const data = allocate(dtype, rows.length * cols);
  // Copied row by row into place, never spread: a row of 200,000 numbers overflows the call stack.
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as readonly number[];
    if (row.length !== cols)
      throw new ShapeError(`rows[${i}]`, `expected ${cols} columns, got ${row.length}`);
    data.set(row, i * cols);
  }
  return { rows: rows.length, cols, data };
}

/** A zero matrix of the given shape and dtype. */
export function zeros(rows: number, cols: number, dtype: DType): Matrix {
  return { rows, cols, data: allocate(dtype, rows * cols) };
}

/** A copy of `m` converted to `dtype` (rounding to nearest when narrowing). */
export function cast(m: Matrix, dtype: DType): Matrix {
  const data = allocate(dtype, m.data.length);
  data.set(m.data);
  return { rows: m.rows, cols: m.cols, data };
}

/** A deep copy of `m` in its own dtype. */
export function cloneMatrix(m: Matrix): Matrix {
  return cast(m, dtypeOf(m.data));
}

/** Element (i, j) of `m`. */
export function at(m: Matrix, i: number, j: number): number {
  return m.data[i * m.cols + j] as number;
}

/** `m` as nested rows of plain numbers. */
export function toRows(m: Matrix): number[][] {
  return Array.from({ length: m.rows }, (_, i) => Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols)));
}

/** Shape as text, e.g. `2x3`, for error messages. */
export function shapeOf(m: Pick<Matrix, 'rows' | 'cols'>): string {
  return `${m.rows}x${m.cols}`;
}

/** True when `a` and `b` have the same shape, dtype and bits (NaN payloads included). */
export function bitEqual(a: Matrix, b: Matrix): boolean {
  if (a.rows !== b.rows || a.cols !== b.cols || dtypeOf(a.data) !== dtypeOf(b.data)) return false;
  const x = new Uint8Array(a.data.buffer, a.data.byteOffset, a.data.byteLength);
  const y = new Uint8Array(b.data.buffer, b.data.byteOffset, b.data.byteLength);
  return x.every((v, i) => v === y[i]);
}
