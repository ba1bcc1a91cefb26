import { Dec, exact } from '../reference/decimal.js';

/**
 * A reference matrix ready for comparison: each value split into a double `hi` and the remainder
 * `lo` (so |backend - reference| is exact to double precision even for float64 backends), with
 * the bound coefficients M and F.
 */
export interface ExpectedMatrix {
  readonly rows: number;
  readonly cols: number;
  /** The reference rounded to double. */
  readonly hi: Float64Array;
  /** reference - hi, rounded to double. */
  readonly lo: Float64Array;
  /** Magnitude coefficients (units of u). */
  readonly m: Float64Array;
  /** Floor coefficients (units of one underflowing operation's error, see `arithmeticOf`). */
  readonly f: Float64Array;
}

/** Splits decimals (or decimal strings) into hi + lo doubles, keeping the coefficients. */
export function expectedMatrix(source: {
  readonly rows: number;
  readonly cols: number;
  readonly v: readonly (Dec | string)[];
  readonly m: ArrayLike<number>;
  readonly f: ArrayLike<number>;
}): ExpectedMatrix {
  const n = source.rows * source.cols;
  const hi = new Float64Array(n);
  const lo = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const raw = source.v[i] as Dec | string;
    const d = typeof raw === 'string' ? new Dec(raw) : raw;
    const h = d.toNumber();
    hi[i] = h;
    // A reference beyond the double range (cce's -1 / e^-1000) is +-Infinity: only its class is judged.
    lo[i] = Number.isFinite(h) ? d.minus(exact(h)).toNumber() : 0;
  }
  return {
    rows: source.rows,
    cols: source.cols,
    hi,
    lo,
    m: Float64Array.from(source.m),
    f: Float64Array.from(source.f),
  };
}

/** The bound of element `i` for unit roundoff `u` and per-operation underflow error `floor`. */
export function boundOf(e: ExpectedMatrix, i: number, u: number, floor: number): number {
  return u * (e.m[i] as number) + floor * (e.f[i] as number);
}

/** |got - reference| for element `i`, accurate to double precision. */
export function distance(e: ExpectedMatrix, i: number, got: number): number {
  return Math.abs(got - (e.hi[i] as number) - (e.lo[i] as number));
}
