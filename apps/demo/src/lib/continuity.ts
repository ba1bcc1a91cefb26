import { type DType, UNIT_ROUNDOFF } from '@onegrad/core';

/** How many steps before a switch set the scale of a normal step-to-step change. */
export const LOOKBACK = 5;

/**
 * The jump of the cost at a backend switch, relative to how much it moved per step just before:
 * |J[at] - J[at-1]| / (max over the LOOKBACK steps before of |J[k] - J[k-1]| + 16 u |J[at-1]|), with
 * `losses[k]` the cost of step k + 1 and `at` the index of the first step on the new backend. About 1 or
 * below means the curve continued; a lost or altered parameter shows up as a ratio far above 1.
 */
export function jumpRatio(losses: readonly number[], at: number, dtype: DType): number {
  if (at < 2 || at >= losses.length) return Number.NaN;
  const d = (k: number) => Math.abs((losses[k] as number) - (losses[k - 1] as number));
  let usual = 0;
  for (let k = Math.max(1, at - LOOKBACK); k < at; k++) usual = Math.max(usual, d(k));
  const floor = 16 * UNIT_ROUNDOFF[dtype] * Math.abs(losses[at - 1] as number);
  return d(at) / (usual + floor);
}
