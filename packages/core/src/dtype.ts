/** Floating-point formats a backend may compute in. */
export type DType = 'float32' | 'float64';

/** Every dtype onegrad knows, in a stable order. */
export const DTYPES: readonly DType[] = ['float32', 'float64'];

/** The typed array that stores one element per number for a dtype. */
export type FloatArray = Float32Array | Float64Array;

/** Unit roundoff u = 2^-p of a dtype (half the machine epsilon). */
export const UNIT_ROUNDOFF: Readonly<Record<DType, number>> = { float32: 2 ** -24, float64: 2 ** -53 };

/** Smallest positive normal number of a dtype: below it, results may be subnormal or flushed to zero. */
export const MIN_NORMAL: Readonly<Record<DType, number>> = { float32: 2 ** -126, float64: 2 ** -1022 };

/** True when `value` names a supported dtype. */
export function isDType(value: unknown): value is DType {
  return value === 'float32' || value === 'float64';
}

/** A zero-filled typed array of `length` elements in `dtype`. */
export function allocate(dtype: DType, length: number): FloatArray {
  return dtype === 'float32' ? new Float32Array(length) : new Float64Array(length);
}

/** The dtype a typed array stores. */
export function dtypeOf(data: FloatArray): DType {
  return data instanceof Float32Array ? 'float32' : 'float64';
}

/** Index of the first NaN or Infinity in `data`, or -1 when every element is finite. */
export function firstNonFinite(data: ArrayLike<number>): number {
  for (let i = 0; i < data.length; i++) if (!Number.isFinite(data[i])) return i;
  return -1;
}

/** Index of the first element of `data` that is not finite once rounded to `dtype`, or -1. */
export function firstNonFiniteIn(data: ArrayLike<number>, dtype: DType): number {
  if (dtype === 'float64') return firstNonFinite(data);
  for (let i = 0; i < data.length; i++) if (!Number.isFinite(Math.fround(data[i] as number))) return i;
  return -1;
}

/** How a rejected element reads in a message: its value, and what it rounds to when that is the problem. */
export function describeNonFinite(value: number, dtype: DType): string {
  return Number.isFinite(value) ? `${value}, which rounds to ${Math.fround(value)} in ${dtype}` : `${value}`;
}
