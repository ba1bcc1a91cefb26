import type { DType } from '@onegrad/core';
import { UNIT_ROUNDOFF } from '@onegrad/core';
import { arithmeticOf } from '../error-model/arithmetic.js';
import { classOf, type FloatClass } from '../error-model/float-class.js';
import { Dec, exact } from '../reference/decimal.js';
import type { UnfusedGrad } from '../reference/kinds.js';
import { bceReference } from '../reference/losses/bce.js';

/** How one element of an unfused output dA (bce, cce) is judged. */
export type UnfusedGradJudgement =
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

/** The judgement of the unfused bce dA (kept under its first name). */
export type BceGradJudgement = UnfusedGradJudgement;

/** Smallest positive value of each dtype (the smallest subnormal). */
const TINY: Record<DType, number> = { float32: 2 ** -149, float64: Number.MIN_VALUE };

/**
 * Judges dA = f(a) (the loss's quotient form, increasing in a on (0, 1)) from the reference a
 * (= aHi + aLo) and A's bound `deltaA`. The dtype's IEEE evaluation at a, max(0, a - deltaA) and
 * min(1, a + deltaA) gives three classes; if they differ the element is ill-conditioned. Otherwise,
 * for a finite outcome, the bound is the rounding of the quotient plus deltaA times the supremum of
 * |f'| over the interval. `floor` is the error of one underflowing operation.
 */
export function judgeUnfusedGrad(
  form: UnfusedGrad,
  aHi: number,
  aLo: number,
  deltaA: number,
  y: number,
  exactGrad: number,
  dtype: DType,
  floor: number = arithmeticOf(dtype).floor,
): UnfusedGradJudgement {
  const a = aHi + aLo;
  const classes = [a, Math.max(0, a - deltaA), Math.min(1, a + deltaA)].map((t) =>
    classOf(form.inDType(t, y, dtype)),
  );
  const expected = classes[0] as FloatClass;
  const u = UNIT_ROUNDOFF[dtype];
  const ill = () => ({
    kind: 'ill-conditioned' as const,
    classes,
    ...finiteRange(form, aHi, aLo, deltaA, y, dtype, floor),
  });
  if (classes.some((c) => c !== expected)) return ill();
  if (expected !== 'finite') return { kind: 'strict', expected, bound: 0 };
  const slopeSup = form.slopeSup(a, 1 - aHi - aLo, deltaA, y);
  if (slopeSup === undefined) return ill();
  return {
    kind: 'strict',
    expected,
    bound: form.roundings * (u * Math.abs(exactGrad) + floor) + deltaA * slopeSup,
  };
}

/** {@link judgeUnfusedGrad} for bce's (a - y) / (a (1 - a)). */
export function judgeBceGrad(
  aHi: number,
  aLo: number,
  deltaA: number,
  y: number,
  exactGrad: number,
  dtype: DType,
  floor: number = arithmeticOf(dtype).floor,
): UnfusedGradJudgement {
  return judgeUnfusedGrad(bceReference.unfused as UnfusedGrad, aHi, aLo, deltaA, y, exactGrad, dtype, floor);
}

/**
 * The finite values an ill-conditioned element may take. f is increasing, so over the a the backend
 * can hold, the dtype's values in [a - deltaA, a + deltaA] strictly inside the form's domain (and the
 * exact a itself, so the exact answer is always accepted), f lies in [f(lo), f(hi)]; the quotient's
 * own roundings widen each end by roundings (u |f(end)| + floor). Computed in reference decimals,
 * rounded outwards to doubles.
 */
function finiteRange(
  form: UnfusedGrad,
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
  const hi = Dec.max(Dec.min(a.plus(delta), exact(form.upper(dtype))), a);
  if (lo.gt(hi)) return { low: Number.POSITIVE_INFINITY, high: Number.NEGATIVE_INFINITY };
  const yd = exact(y);
  const allowance = (v: Dec) =>
    v
      .abs()
      .times(form.roundings * u)
      .plus(form.roundings * floor);
  const fLo = form.exact(lo, yd);
  const fHi = form.exact(hi, yd);
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
