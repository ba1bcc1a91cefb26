import type { DType } from '@onegrad/core';
import { UNIT_ROUNDOFF } from '@onegrad/core';
import { Dec, exact } from '../reference/decimal.js';
import { arithmeticOf } from './arithmetic.js';
import { BCE_GRAD_ROUNDINGS } from './constants.js';
import { classOf, type FloatClass, unfusedBceGrad } from './float-class.js';

/** How one element of the unfused output dA (bce) is judged. */
export type BceGradJudgement =
  /** The outcome is determined: the class must match, and a finite value must lie within `bound`. */
  | { readonly kind: 'strict'; readonly expected: FloatClass; readonly bound: number }
  /**
   * A's error interval straddles a class boundary: the class must be one of `classes`, and a finite
   * value must lie in [`low`, `high`] (f over the interval, widened by the rounding allowance; an
   * empty range, low > high, when no value of the dtype in the interval gives a finite dA).
   */
  | {
      readonly kind: 'ill-conditioned';
      readonly classes: readonly FloatClass[];
      readonly low: number;
      readonly high: number;
    };

/** Smallest positive value of each dtype (the smallest subnormal). */
const TINY: Record<DType, number> = { float32: 2 ** -149, float64: Number.MIN_VALUE };

/**
 * Judges dA = f(a) = (a - y) / (a (1 - a)) from the reference a (= aHi + aLo) and A's bound `deltaA`.
 * The dtype's IEEE evaluation at a, max(0, a - deltaA) and min(1, a + deltaA) gives three classes;
 * if they differ the element is ill-conditioned. Otherwise, for a finite outcome, the bound is the
 * rounding of the quotient plus deltaA times the supremum of |f'| over the interval:
 *   |f'(t)| = ((t - y)^2 + y (1 - y)) / (t (1 - t))^2  <=  ((|a - y| + deltaA)^2 + y (1 - y)) / min_ends(t (1 - t))^2.
 * `floor` is the error of one underflowing operation (default: gradual underflow of `dtype`).
 */
export function judgeBceGrad(
  aHi: number,
  aLo: number,
  deltaA: number,
  y: number,
  exactGrad: number,
  dtype: DType,
  floor: number = arithmeticOf(dtype).floor,
): BceGradJudgement {
  const a = aHi + aLo;
  const classes = [a, Math.max(0, a - deltaA), Math.min(1, a + deltaA)].map((t) =>
    classOf(unfusedBceGrad(t, y, dtype)),
  );
  const expected = classes[0] as FloatClass;
  const u = UNIT_ROUNDOFF[dtype];
  const ill = () => ({
    kind: 'ill-conditioned' as const,
    classes,
    ...finiteRange(aHi, aLo, deltaA, y, dtype, floor),
  });
  if (classes.some((c) => c !== expected)) return ill();
  if (expected !== 'finite') return { kind: 'strict', expected, bound: 0 };
  const oneMinusA = 1 - aHi - aLo;
  const low = (a - deltaA) * (oneMinusA + deltaA);
  const high = (a + deltaA) * (oneMinusA - deltaA);
  if (a - deltaA <= 0 || oneMinusA - deltaA <= 0) return ill();
  const gap = y > 0.5 ? Math.abs(1 - y - oneMinusA) : Math.abs(aHi - y + aLo);
  const den = Math.min(low, high);
  // Divided term by term: den * den underflows to 0 in float64 once a is below ~1e-154.
  const slopeSup = ((gap + deltaA) / den) ** 2 + (y * (1 - y)) / den / den;
  return {
    kind: 'strict',
    expected,
    bound: BCE_GRAD_ROUNDINGS * u * Math.abs(exactGrad) + deltaA * slopeSup + BCE_GRAD_ROUNDINGS * floor,
  };
}

/**
 * The finite values an ill-conditioned element may take. f is increasing on (0, 1)
 * (f' = ((t - y)^2 + y (1 - y)) / (t (1 - t))^2 >= 0), so over the a the backend can hold, the
 * dtype's values in [a - deltaA, a + deltaA] strictly between 0 and 1 (and the exact a itself, so
 * the exact answer is always accepted), f lies in [f(lo), f(hi)]; the quotient's own roundings widen
 * each end by 4u |f(end)| + 4 floor. Computed in reference decimals, rounded outwards to doubles.
 */
function finiteRange(
  aHi: number,
  aLo: number,
  deltaA: number,
  y: number,
  dtype: DType,
  floor: number,
): { low: number; high: number } {
  const u = UNIT_ROUNDOFF[dtype];
  const a = exact(aHi).plus(exact(aLo));
  const delta = exact(deltaA);
  const lo = Dec.min(Dec.max(a.minus(delta), exact(TINY[dtype])), a);
  const hi = Dec.max(Dec.min(a.plus(delta), exact(1 - u)), a);
  if (lo.gt(hi)) return { low: Number.POSITIVE_INFINITY, high: Number.NEGATIVE_INFINITY };
  const yd = exact(y);
  const f = (t: Dec) => t.minus(yd).div(t.times(new Dec(1).minus(t)));
  const allowance = (v: Dec) =>
    v
      .abs()
      .times(BCE_GRAD_ROUNDINGS * u)
      .plus(BCE_GRAD_ROUNDINGS * floor);
  const fLo = f(lo);
  const fHi = f(hi);
  return {
    low: outward(fLo.minus(allowance(fLo)), -1),
    high: outward(fHi.plus(allowance(fHi)), 1),
  };
}

/** `d` as a double, rounded away from the inside of the range (direction -1: down, +1: up). */
function outward(d: Dec, direction: -1 | 1): number {
  const x = d.toNumber();
  if (!Number.isFinite(x)) return x;
  const rounded = exact(x);
  const inside = direction > 0 ? rounded.lt(d) : rounded.gt(d);
  return inside ? nextAway(x, direction) : x;
}

/** The neighbouring double of finite `x` in `direction`. */
function nextAway(x: number, direction: -1 | 1): number {
  if (x === 0) return direction * Number.MIN_VALUE;
  const bits = new DataView(new ArrayBuffer(8));
  bits.setFloat64(0, x);
  const grows = x > 0 === direction > 0;
  bits.setBigUint64(0, bits.getBigUint64(0) + (grows ? 1n : -1n));
  return bits.getFloat64(0);
}
