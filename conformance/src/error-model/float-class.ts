import type { DType } from '@onegrad/core';

/** IEEE classes that must match exactly between backend and reference. */
export type FloatClass = 'finite' | 'NaN' | '+Inf' | '-Inf';

/** The class of `x`. */
export function classOf(x: number): FloatClass {
  if (Number.isFinite(x)) return 'finite';
  if (Number.isNaN(x)) return 'NaN';
  return x > 0 ? '+Inf' : '-Inf';
}

/** Rounds a double to `dtype` (identity for float64). */
export function rounder(dtype: DType): (x: number) => number {
  return dtype === 'float32' ? Math.fround : (x) => x;
}

/** The unfused bce gradient (a - y) / (a (1 - a)) evaluated in IEEE arithmetic of `dtype`. */
export function unfusedBceGrad(a: number, y: number, dtype: DType): number {
  const r = rounder(dtype);
  const ar = r(a);
  return r(r(ar - y) / r(ar * r(1 - ar)));
}
