import { allocate, type DType, describeNonFinite, firstNonFinite } from './dtype.js';
import { EmptyBatchError, NonFiniteError, ShapeError } from './errors.js';
import { cellOf } from './finite-matrix.js';
import type { Matrix } from './matrix.js';

/** The shape a snapshot must have: `rows` undefined means any batch size of at least one row. */
export interface ExpectedShape {
  readonly rows?: number;
  readonly cols: number;
}

const describe = (rows: unknown, cols: unknown, length: number): string =>
  `${String(rows)}x${String(cols)} with ${length} values`;

/**
 * Reads the matrix `m` once into a private copy in `dtype` and checks the copy: a Float32Array or
 * Float64Array of integer `rows x cols` elements, the expected shape, every element finite once
 * rounded to `dtype`. Getters and later changes to `m` cannot reach what it returns. `check` sees
 * the exact values (before rounding) to refuse more, e.g. targets outside [0, 1].
 */
export function snapshotMatrix(
  name: string,
  m: unknown,
  dtype: DType,
  expected: ExpectedShape,
  check?: (exact: Float32Array | Float64Array, cols: number) => void,
): Matrix {
  // A function, not a string: a step builds its error text only when it throws.
  const want = () => `${expected.rows ?? 'batch'}x${expected.cols}`;
  if (typeof m !== 'object' || m === null) {
    throw new ShapeError(
      name,
      `expected a ${want()} matrix with Float32Array or Float64Array data, got ${m}`,
    );
  }
  const { rows, cols, data } = m as Record<string, unknown>;
  if (!(data instanceof Float32Array || data instanceof Float64Array)) {
    throw new ShapeError(
      name,
      `expected a ${want()} matrix with Float32Array or Float64Array data, got ${m}`,
    );
  }
  const exact = data instanceof Float32Array ? new Float32Array(data) : new Float64Array(data);
  if (!Number.isSafeInteger(rows) || !Number.isSafeInteger(cols) || (rows as number) < 0) {
    throw new ShapeError(name, `rows and cols must be integers, got ${describe(rows, cols, exact.length)}`);
  }
  const r = rows as number;
  if (r === 0 && expected.rows === undefined) {
    throw new EmptyBatchError(name, `expected at least one row, got ${r}x${String(cols)}`);
  }
  if (
    cols !== expected.cols ||
    (expected.rows !== undefined && r !== expected.rows) ||
    exact.length !== r * expected.cols
  ) {
    throw new ShapeError(name, `expected ${want()}, got ${describe(rows, cols, exact.length)}`);
  }
  const snap =
    exact.constructor === (dtype === 'float32' ? Float32Array : Float64Array)
      ? exact
      : allocate(dtype, exact.length);
  if (snap !== exact) snap.set(exact);
  const bad = firstNonFinite(snap);
  if (bad >= 0) {
    const value = describeNonFinite(exact[bad] as number, dtype);
    throw new NonFiniteError(
      name,
      `element ${cellOf(bad, expected.cols)} of the ${r}x${expected.cols} matrix is ${value}`,
    );
  }
  check?.(exact, expected.cols);
  return { rows: r, cols: expected.cols, data: snap };
}
