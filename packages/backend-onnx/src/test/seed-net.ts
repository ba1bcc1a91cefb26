import { type DType, fromRows, type LossName, matrix, type NetworkSpec, type Params } from '@onegrad/core';

/** The network of the seed question: 2 inputs, 2 hidden units, 1 output. */
export function seedSpec(loss: LossName, dtype: DType): NetworkSpec {
  return { sizes: [2, 2, 1], loss, dtype };
}

/** The seed batch in row layout: samples (1, 1) -> 1 and (0, 0) -> 0. */
export const seedBatch = {
  x: fromRows([
    [1, 1],
    [0, 0],
  ]),
  y: fromRows([[1], [0]]),
};

/** Fixed, asymmetric parameters for the seed network. */
export function seedParams(dtype: DType): Params {
  return [
    { W: matrix(2, 2, [0.1, -0.2, 0.3, 0.4], dtype), b: matrix(1, 2, [0.01, -0.02], dtype) },
    { W: matrix(2, 1, [0.5, -0.6], dtype), b: matrix(1, 1, [0.05], dtype) },
  ];
}

/** All-zero parameters: every activation is exactly 1/2, so the step can be worked out by hand. */
export function zeroParams(dtype: DType): Params {
  return [
    { W: matrix(2, 2, [0, 0, 0, 0], dtype), b: matrix(1, 2, [0, 0], dtype) },
    { W: matrix(2, 1, [0, 0], dtype), b: matrix(1, 1, [0], dtype) },
  ];
}

/** Largest relative difference between `got` and `want`, scaled by max(|want|, 1) (an absolute error below 1, as the values here are O(1)). */
export function maxRelDiff(got: ArrayLike<number>, want: readonly number[]): number {
  let worst = 0;
  for (let i = 0; i < want.length; i++) {
    const w = want[i] as number;
    worst = Math.max(worst, Math.abs((got[i] as number) - w) / Math.max(Math.abs(w), 1));
  }
  return got.length === want.length ? worst : Infinity;
}
