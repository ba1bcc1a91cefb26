import { type BoundedMatrix, mag } from './bounded.js';
import { type Dec, ZERO } from './decimal.js';

/** A reference value with its coefficients. */
export interface BoundedValue {
  /** The value. */
  readonly v: Dec;
  /** Magnitude coefficient (units of u). */
  readonly m: number;
  /** Floor coefficient (units of one underflowing operation's error). */
  readonly f: number;
}

/**
 * The product x y of two computed factors: each carries the other's error, |y| M(x) + |x| M(y), and
 * the product adds its own rounding: M = |y| M(x) + |x| M(y) + |x y|,  F = |y| F(x) + |x| F(y) + 1.
 */
export function productOf(x: BoundedValue, y: BoundedValue): BoundedValue {
  const xa = Math.abs(x.v.toNumber());
  const ya = Math.abs(y.v.toNumber());
  return { v: x.v.times(y.v), m: ya * x.m + xa * y.m + xa * ya, f: ya * x.f + xa * y.f + 1 };
}

/** One factor of a dot product: a bounded matrix, its |values| as doubles, and where the terms sit. */
export interface DotFactor {
  /** The matrix (an exact one, such as W, has M = F = 0). */
  readonly of: BoundedMatrix;
  /** |of.v| as doubles. */
  readonly abs: readonly number[];
  /** Index of the first term. */
  readonly start: number;
  /** Distance between consecutive terms. */
  readonly stride: number;
}

/** A dot product in reference decimals with the sums its bound is built from. */
export interface BoundedDot {
  /** init + sum_t x_t y_t. */
  readonly sum: Dec;
  /** |init| + sum_t |x_t y_t|. */
  readonly absSum: number;
  /** Error carried in by the factors: sum_t (|y_t| M(x_t) + |x_t| M(y_t)). */
  readonly carriedM: number;
  /** The same for the floor coefficients: sum_t (|y_t| F(x_t) + |x_t| F(y_t)). */
  readonly carriedF: number;
}

/** `init` plus the dot product of `count` terms of `x` and `y` (see {@link BoundedDot}). */
export function boundedDot(count: number, x: DotFactor, y: DotFactor, init: Dec = ZERO): BoundedDot {
  let sum = init;
  let absSum = mag(init);
  let carriedM = 0;
  let carriedF = 0;
  for (let t = 0; t < count; t++) {
    const p = x.start + t * x.stride;
    const q = y.start + t * y.stride;
    const [xa, ya] = [x.abs[p] as number, y.abs[q] as number];
    sum = sum.plus((x.of.v[p] as Dec).times(y.of.v[q] as Dec));
    absSum += xa * ya;
    carriedM += ya * (x.of.m[p] as number) + xa * (y.of.m[q] as number);
    carriedF += ya * (x.of.f[p] as number) + xa * (y.of.f[q] as number);
  }
  return { sum, absSum, carriedM, carriedF };
}
