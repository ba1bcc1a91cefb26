import { type DType, MIN_NORMAL } from '@onegrad/core';
import type { Tally } from '../judge/tally.js';

/**
 * Hints for failures that match a common mistake: a dW or db off by an integer factor (the batch size
 * m, a missing 1/m), a zero where the reference is subnormal (e^-z overflowing in 1 / (1 + e^-z)), a
 * non-finite cost where the reference is finite (the loss computed from A instead of the logits).
 */
export function hintsFor(tally: Tally, dtype: DType): string[] {
  const hints: string[] = [];
  const grads = tally.offenders.filter((o) => (o.quantity === 'dW' || o.quantity === 'db') && o.want !== 0);
  const factors = new Set(
    grads.map((o) => o.got / o.want).map((k) => (Math.abs(k - Math.round(k)) < 1e-4 * k ? Math.round(k) : 0)),
  );
  const [k] = [...factors];
  if (grads.length > 0 && factors.size === 1 && k !== undefined && k >= 2)
    hints.push(
      `every offending dW and db is exactly ${k} times the reference: the batch mean is missing (dW = (1/m) A^T dZ, db = (1/m) sum dZ, m = ${k})`,
    );
  const min = MIN_NORMAL[dtype];
  const zero = tally.offenders.find((o) => o.got === 0 && o.want !== 0 && Math.abs(o.want) < min);
  if (zero)
    hints.push(
      `${zero.quantity}${zero.layer === undefined ? '' : ` layer ${zero.layer}`} is 0 where the reference is the subnormal ${zero.want}: e^-z overflowing in 1 / (1 + e^-z) (compute e^-|z|), or an engine that flushes subnormals (declare flushesSubnormals only if it does)`,
    );
  const cost = tally.offenders.find(
    (o) => o.quantity === 'loss' && !Number.isFinite(o.got) && Number.isFinite(o.want),
  );
  const refused = tally.problems.some((p) => /DivergenceError: loss: the cost is (NaN|-?Infinity)/.test(p));
  if (cost || refused)
    hints.push(
      `the cost is ${cost ? `${cost.got} where the reference is ${cost.want}` : 'not finite (the step was refused) where the reference is finite'}: at saturation a loss computed from A (log a, log(1 - a)) breaks; compute it from the logits (bce: max(z, 0) - z y + log1p(e^-|z|))`,
    );
  return hints;
}
