import type { LossName } from './descriptors.js';
import type { Matrix } from './matrix.js';

// One element's loss from the output A (not the logits), in float64. A term whose target weight is 0
// is skipped, so a saturated output never turns 0 * ln(0) into NaN; a confidently wrong output gives
// +Infinity, which is the cost's value at that A.
type Term = (a: number, y: number) => number;

const TERMS: Readonly<Record<string, Term>> = {
  bce: (a, y) => (y === 0 ? 0 : -y * Math.log(a)) + (y === 1 ? 0 : -(1 - y) * Math.log1p(-a)),
  mse: (a, y) => (a - y) ** 2,
  cce: (a, y) => (y === 0 ? 0 : -y * Math.log(a)),
};

/** True when {@link outputCost} knows `loss` (the losses onegrad ships). */
export function hasOutputCost(loss: LossName): boolean {
  return Object.hasOwn(TERMS, loss);
}

/** Cost J of outputs `a` against targets `y` (same shape): the mean over rows of the summed terms. */
export function outputCost(loss: LossName, a: Matrix, y: Matrix): number {
  const term = TERMS[loss] as Term;
  let sum = 0;
  for (let i = 0; i < a.data.length; i++) sum += term(a.data[i] as number, y.data[i] as number);
  return sum / a.rows;
}
