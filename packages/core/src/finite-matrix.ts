import { type DType, describeNonFinite, firstNonFiniteIn } from './dtype.js';
import { NonFiniteError } from './errors.js';
import { type Matrix, shapeOf } from './matrix.js';

/** Flat index as (row, col), the way error messages name an element. */
export function cellOf(index: number, cols: number): string {
  return `(${Math.floor(index / cols)}, ${index % cols})`;
}

/**
 * Throws {@link NonFiniteError} naming the first element of `m` that is not finite once rounded to
 * `dtype`, as the session will hold it: 1e39 is finite in float64 but Infinity in float32.
 */
export function assertFiniteIn(name: string, m: Matrix, dtype: DType): void {
  const bad = firstNonFiniteIn(m.data, dtype);
  if (bad < 0) return;
  const value = describeNonFinite(m.data[bad] as number, dtype);
  throw new NonFiniteError(name, `element ${cellOf(bad, m.cols)} of the ${shapeOf(m)} matrix is ${value}`);
}
