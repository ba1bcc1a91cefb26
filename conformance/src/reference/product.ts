import { type BoundedMatrix, mag } from '../error-model/bounded.js';
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
 * dZ = dA * a (1 - a), as a backend computes it from its own dA and A. s = a (1 - a) costs two
 * roundings and carries |1 - a| M(a) + |a| M(a) = M(a); the product of two computed factors
 * carries |s| M(dA) + |dA| M(s) plus its own rounding:
 *   M(dZ) = s M(dA) + |dA| (M(a) + 2 s) + |dA| s,   F(dZ) = s F(dA) + |dA| (F(a) + 2) + 1.
 */
export function sigmoidProduct(
  dA: Dec,
  dAM: number,
  dAF: number,
  a: Dec,
  aBar: Dec,
  aM: number,
  aF: number,
): BoundedValue {
  const s = a.times(aBar);
  const sn = s.toNumber();
  const g = Math.abs(dA.toNumber());
  return {
    v: dA.times(s),
    m: sn * dAM + g * (aM + 2 * sn) + g * sn,
    f: sn * dAF + g * (aF + 2) + 1,
  };
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
