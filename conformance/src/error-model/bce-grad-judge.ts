import type { DType } from '@onegrad/core';
import { MIN_NORMAL, UNIT_ROUNDOFF } from '@onegrad/core';
import { BCE_GRAD_ROUNDINGS } from './constants.js';
import { classOf, type FloatClass, unfusedBceGrad } from './float-class.js';

/** How one element of the unfused output dA (bce) is judged. */
export type BceGradJudgement =
  /** The outcome is determined: the class must match, and a finite value must lie within `bound`. */
  | { readonly kind: 'strict'; readonly expected: FloatClass; readonly bound: number }
  /** A's error interval straddles a class boundary: any value is accepted if flagged consistently. */
  | { readonly kind: 'ill-conditioned'; readonly classes: readonly FloatClass[] };

/**
 * Judges dA = (a - y) / (a (1 - a)) from the reference a (= aHi + aLo) and A's bound `deltaA`.
 * The dtype's IEEE evaluation at a, max(0, a - deltaA) and min(1, a + deltaA) gives three classes;
 * if they differ the element is ill-conditioned. Otherwise, for a finite outcome, the bound is the
 * rounding of the quotient plus deltaA times the supremum of |d dA / da| over the interval:
 *   |f'(t)| = ((t - y)^2 + y (1 - y)) / (t (1 - t))^2  <=  ((|a - y| + deltaA)^2 + y (1 - y)) / min_ends(t (1 - t))^2.
 */
export function judgeBceGrad(
  aHi: number,
  aLo: number,
  deltaA: number,
  y: number,
  exactGrad: number,
  dtype: DType,
): BceGradJudgement {
  const a = aHi + aLo;
  const classes = [a, Math.max(0, a - deltaA), Math.min(1, a + deltaA)].map((t) =>
    classOf(unfusedBceGrad(t, y, dtype)),
  );
  const expected = classes[0] as FloatClass;
  if (classes.some((c) => c !== expected)) return { kind: 'ill-conditioned', classes };
  if (expected !== 'finite') return { kind: 'strict', expected, bound: 0 };
  const oneMinusA = 1 - aHi - aLo;
  const low = (a - deltaA) * (oneMinusA + deltaA);
  const high = (a + deltaA) * (oneMinusA - deltaA);
  if (a - deltaA <= 0 || oneMinusA - deltaA <= 0) return { kind: 'ill-conditioned', classes };
  const gap = y > 0.5 ? Math.abs(1 - y - oneMinusA) : Math.abs(aHi - y + aLo);
  const den = Math.min(low, high);
  const slopeSup = ((gap + deltaA) ** 2 + y * (1 - y)) / (den * den);
  const u = UNIT_ROUNDOFF[dtype];
  return {
    kind: 'strict',
    expected,
    bound:
      BCE_GRAD_ROUNDINGS * u * Math.abs(exactGrad) +
      deltaA * slopeSup +
      BCE_GRAD_ROUNDINGS * MIN_NORMAL[dtype],
  };
}
