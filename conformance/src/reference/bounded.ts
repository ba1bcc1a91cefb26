import type { Dec } from './decimal.js';
import type { DMatrix } from './dmatrix.js';

/**
 * A reference matrix with its error-model coefficients: a backend's element i may differ from `v[i]`
 * by at most `u * m[i] + floor * f[i]`: u of the dtype under test, and `floor` the largest error of one
 * underflowing operation (u MIN_NORMAL with subnormals, MIN_NORMAL when flushing; see `arithmeticOf`).
 */
export interface BoundedMatrix extends DMatrix {
  /** Magnitude coefficient M: the first-order rounding error in units of the unit roundoff u. */
  readonly m: Float64Array;
  /** Floor coefficient F: the underflow error in units of one correctly rounded operation's. */
  readonly f: Float64Array;
}

/** Fills a {@link BoundedMatrix} element by element. */
export class BoundedBuilder {
  private readonly v: Dec[] = [];
  private readonly m: Float64Array;
  private readonly f: Float64Array;
  constructor(
    readonly rows: number,
    readonly cols: number,
  ) {
    this.m = new Float64Array(rows * cols);
    this.f = new Float64Array(rows * cols);
  }
  /** Sets element `index` to value `v` with coefficients `m` and `f`. */
  set(index: number, v: Dec, m: number, f: number): void {
    this.v[index] = v;
    this.m[index] = m;
    this.f[index] = f;
  }
  /** The finished matrix. */
  done(): BoundedMatrix {
    return { rows: this.rows, cols: this.cols, v: this.v, m: this.m, f: this.f };
  }
}

/** An input known exactly (X, or the parameters before the step): no error, no floor. */
export function exactBounded(d: DMatrix): BoundedMatrix {
  const n = d.rows * d.cols;
  return { ...d, m: new Float64Array(n), f: new Float64Array(n) };
}

/** |x| as a double, for bound coefficients (their own rounding is immaterial). */
export function mag(x: Dec): number {
  return Math.abs(x.toNumber());
}
