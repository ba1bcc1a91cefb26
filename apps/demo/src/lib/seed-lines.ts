import { type DType, type LossName, type Matrix, type StepTrace, UNIT_ROUNDOFF } from '@onegrad/core';

/** The seed's three lines and the fused form, for one sample of the output layer. */
export interface SeedLine {
  /** Row of the sample in the batch. */
  readonly sample: number;
  /** Target Y. */
  readonly y: number;
  /** Output activation A2 from the trace. */
  readonly a: number;
  /** `error = A2 - Y`, computed here in the dtype. */
  readonly error: number;
  /** `A2 (1 - A2)`, the sigmoid's local derivative, computed here in the dtype. */
  readonly factor: number;
  /** The seed's dA2: bce `error / (A2 (1 - A2))`, mse `2 error`; computed here, may be Inf or NaN. */
  readonly dANaive: number;
  /** The seed's `dZ2 = dA2 * A2 (1 - A2)`, computed here; NaN wherever dANaive is not finite. */
  readonly dZNaive: number;
  /** The backend's unfused dA2 from the trace. */
  readonly dATrace: number;
  /** True when the trace flags this dA2 as not finite. */
  readonly dANonFinite: boolean;
  /** The backend's dZ2 from the trace: fused `A2 - Y` for bce, `dA2 A2 (1 - A2)` for mse. */
  readonly dZTrace: number;
}

/** Rounds every operation to the dtype, so the seed's lines behave as they would in NumPy float32. */
export function rounder(dtype: DType): (v: number) => number {
  return dtype === 'float32' ? Math.fround : (v) => v;
}

/**
 * The seed's lines on the output layer of `trace` for the given sample rows (output unit 0), in `dtype`
 * arithmetic: `error = A2 - Y`, `dA2 = error / (A2 (1 - A2))` (mse: `2 error`), `dZ2 = dA2 * A2 (1 - A2)`.
 */
export function seedLines(
  trace: StepTrace,
  y: Matrix,
  loss: LossName,
  dtype: DType,
  samples: readonly number[],
): SeedLine[] {
  const out = trace.layers[trace.layers.length - 1];
  if (!out) return [];
  const r = rounder(dtype);
  const cols = out.a.cols;
  return samples
    .filter((i) => i < out.a.rows)
    .map((i) => {
      const k = i * cols;
      const a = out.a.data[k] as number;
      const target = y.data[k] as number;
      const error = r(a - target);
      const factor = r(a * r(1 - a));
      const dANaive = loss === 'bce' ? r(error / factor) : r(2 * error);
      return {
        sample: i,
        y: target,
        a,
        error,
        factor,
        dANaive,
        dZNaive: r(dANaive * factor),
        dATrace: out.dA.data[k] as number,
        dANonFinite: out.dANonFinite.includes(k),
        dZTrace: out.dZ.data[k] as number,
      };
    });
}

/** The logit shift that saturates sigmoid to exactly 1 in `dtype`: sigmoid(z) rounds to 1 once e^-z < u. */
export function saturatingShift(dtype: DType): number {
  return Math.ceil(-Math.log(UNIT_ROUNDOFF[dtype])) + 12;
}
