import { THRESHOLD } from '../error-model/constants.js';
import { emptyWorst, type Quantity, type WorstRatios } from '../error-model/quantity.js';

/** One measured element: where it is, what the backend gave, what the reference says, and the ratio. */
export interface Offender {
  /** Case id, e.g. `seed/bce`. */
  readonly case: string;
  /** Step index within a multi-step case. */
  readonly step?: number;
  /** The quantity. */
  readonly quantity: Quantity;
  /** Layer, 1-based (absent for the cost). */
  readonly layer?: number;
  /** Row and column of the element. */
  readonly row: number;
  readonly col: number;
  /** Backend value. */
  readonly got: number;
  /** Reference value (rounded to double). */
  readonly want: number;
  /** The error bound for this element (0 for a class comparison). */
  readonly bound: number;
  /** |got - want| / bound; Infinity for a class mismatch. */
  readonly ratio: number;
  /** Which output of the backend: `forward()` or `trace` (absent for a single-source value). */
  readonly source?: string;
  /** What was expected when it is a class rather than a value (e.g. `+Infinity`, `one of finite, +Infinity`). */
  readonly expected?: string;
  /** Why, when it is not a plain distance (class mismatch, missing flag). */
  readonly note?: string;
}

/** Accumulates ratios over elements, layers, steps and cases. */
export class Tally {
  /** Worst ratio per quantity. */
  readonly worst: WorstRatios = emptyWorst();
  /** The element behind each worst ratio. */
  readonly at: Partial<Record<Quantity, Offender>> = {};
  /** Elements above the threshold: the five worst per quantity. */
  readonly offenders: Offender[] = [];
  /** Elements of the unfused output dA judged ill-conditioned. */
  illConditioned = 0;
  /** Contract violations that are not about one element (missing trace, thrown errors). */
  readonly problems: string[] = [];
  /** Records one element. */
  record(o: Offender): void {
    const ratio = Number.isNaN(o.ratio) ? Number.POSITIVE_INFINITY : o.ratio;
    const q = o.quantity;
    if (this.at[q] === undefined || ratio > this.worst[q]) {
      this.worst[q] = ratio;
      this.at[q] = { ...o, ratio };
    }
    if (ratio > THRESHOLD) this.keep({ ...o, ratio });
  }
  // Keeps the five worst elements per quantity.
  private keep(o: Offender): void {
    const same = this.offenders.filter((x) => x.quantity === o.quantity);
    if (same.length < 5) {
      this.offenders.push(o);
      return;
    }
    const least = same.reduce((p, q) => (q.ratio < p.ratio ? q : p));
    if (o.ratio > least.ratio) this.offenders.splice(this.offenders.indexOf(least), 1, o);
  }
  /** True when no ratio exceeds the threshold and no problem was found. */
  get pass(): boolean {
    return this.problems.length === 0 && Object.values(this.worst).every((r) => r <= THRESHOLD);
  }
  /** Adds another tally's findings to this one. */
  merge(other: Tally): void {
    for (const [q, o] of Object.entries(other.at) as [Quantity, Offender][]) {
      if (this.at[q] === undefined || other.worst[q] > this.worst[q]) {
        this.worst[q] = other.worst[q];
        this.at[q] = o;
      }
    }
    for (const o of other.offenders) this.keep(o);
    this.illConditioned += other.illConditioned;
    this.problems.push(...other.problems);
  }
}
