import { Decimal } from 'decimal.js';

/** Significant digits every reference computation carries. */
export const REFERENCE_PRECISION = 50;

/** The reference's number type: an isolated decimal.js constructor at {@link REFERENCE_PRECISION} digits. */
export const Dec = Decimal.clone({ precision: REFERENCE_PRECISION, rounding: Decimal.ROUND_HALF_EVEN });

/** A reference value. */
export type Dec = Decimal;

/** The exact value of a finite double (or float32) as a reference decimal. */
export function exact(x: number): Decimal {
  if (!Number.isFinite(x)) throw new RangeError(`exact: ${x} is not finite`);
  // toPrecision rounds the exact binary value, unlike String(x), which gives the shortest round trip.
  return new Dec(x.toPrecision(REFERENCE_PRECISION));
}

/** Decimal zero of the reference constructor. */
export const ZERO = new Dec(0);
/** Decimal one of the reference constructor. */
export const ONE = new Dec(1);

/** ln(1 + x) without the cancellation of `ln` at 1 + tiny: a series below 1e-4, else `ln`. */
export function log1p(x: Decimal): Decimal {
  if (x.abs().gte(1e-4)) return Dec.ln(x.plus(1));
  const stop = x.abs().times(new Dec(10).pow(-REFERENCE_PRECISION - 2));
  let power = x;
  let sum = x;
  for (let k = 2; ; k++) {
    power = power.times(x).neg();
    const term = power.div(k);
    sum = sum.plus(term);
    if (term.abs().lt(stop)) return sum;
  }
}
