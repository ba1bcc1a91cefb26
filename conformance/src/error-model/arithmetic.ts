import { type DType, MIN_NORMAL, UNIT_ROUNDOFF } from '@onegrad/core';

/** The floating-point arithmetic a bound is evaluated for: the dtype and how it underflows. */
export interface Arithmetic {
  /** The dtype under test. */
  readonly dtype: DType;
  /** Unit roundoff u: 2^-24 (float32), 2^-53 (float64). */
  readonly u: number;
  /** Largest absolute error of one underflowing operation: the unit of the floor coefficient F. */
  readonly floor: number;
  /** True when the engine flushes subnormal results (and inputs) to zero. */
  readonly flushesSubnormals: boolean;
}

/**
 * The arithmetic of `dtype`. With gradual underflow (IEEE subnormals) results below MIN_NORMAL are
 * spaced 2^(emin - p + 1) = 2u MIN_NORMAL apart, so a correctly rounded operation is off by at most
 * half that, u MIN_NORMAL (a faithful exp or log1p by less than a spacing: F counts it twice). An
 * engine that flushes to zero loses the whole subnormal value, less than MIN_NORMAL. For float64,
 * u MIN_NORMAL is not a double: the floor is rounded up to the smallest one, 2^-1074 = 2u MIN_NORMAL.
 */
export function arithmeticOf(dtype: DType, flushesSubnormals = false): Arithmetic {
  const u = UNIT_ROUNDOFF[dtype];
  const min = MIN_NORMAL[dtype];
  // u MIN_NORMAL of float64 (2^-1075) is below the smallest double: round it up to 2^-1074.
  const gradual = Math.max(u * min, Number.MIN_VALUE);
  return { dtype, u, floor: flushesSubnormals ? min : gradual, flushesSubnormals };
}
