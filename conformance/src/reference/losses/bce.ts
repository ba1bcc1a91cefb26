import { UNIT_ROUNDOFF } from '@onegrad/core';
import { BCE_GRAD_ROUNDINGS, BCE_LOSS_UNDERFLOWS, ELEMENTARY_ULP } from '../../error-model/constants.js';
import { unfusedBceGrad } from '../../error-model/float-class.js';
import { mag } from '../bounded.js';
import { Dec, log1p, ONE, ZERO } from '../decimal.js';
import type { ActivationRow, LossReference } from '../kinds.js';
import type { BoundedValue } from '../product.js';

/** a - y, as (1 - y) - (1 - a) when y is near 1, so that a near 1 keeps its digits. */
export function gapOf(a: ActivationRow, y: readonly Dec[], i: number): Dec {
  const yi = y[i] as Dec;
  const bar = a.bar?.[i];
  return yi.gt(0.5) && bar !== undefined ? ONE.minus(yi).minus(bar) : (a.a[i] as BoundedValue).v.minus(yi);
}

/** The fused dZ = a - y of the canonical pairs with bce and cce: M = M(a) + |d|, F = F(a) + 1. */
export function fusedGap(a: ActivationRow, y: readonly Dec[]): BoundedValue[] {
  return a.a.map((ai, i) => {
    const d = gapOf(a, y, i);
    return { v: d, m: ai.m + mag(d), f: ai.f + 1 };
  });
}

/**
 * Binary cross-entropy from the logit. Per element (d = a - y, t1 = max(z, 0), t3 = log1p(e^-|z|)):
 *   l = t1 - z y + t3:  M = |d| M(z) + 2 t1 + 3 |z y| + (2 + 2 * 2) t3,  F = |d| F(z) + 7.
 * Unfused dA = d / s, s = a (1 - a): M = |f'(a)| M(a) + 4 |dA|, F = |f'| F(a) + 4 with
 * f'(a) = (d^2 + y (1 - y)) / s^2; near saturation it is judged over A's interval (`unfused`).
 * Fused dZ = d after a sigmoid: M = M(a) + |d|, F = F(a) + 1.
 */
export const bceReference: LossReference = {
  name: 'bce',
  terms(z, a, y) {
    return z.map((zi, i) => {
      const yi = y[i] as Dec;
      const d = mag(gapOf(a, y, i));
      const t1 = zi.v.isNeg() ? ZERO : zi.v;
      const t2 = zi.v.times(yi);
      const t3 = log1p(Dec.exp(zi.v.abs().neg()));
      return {
        v: t1.minus(t2).plus(t3),
        m: d * zi.m + 2 * mag(t1) + 3 * mag(t2) + (2 + 2 * ELEMENTARY_ULP) * mag(t3),
        f: d * zi.f + BCE_LOSS_UNDERFLOWS,
      };
    });
  },
  gradA(_z, a, y) {
    return a.a.map((ai, i) => {
      const yi = y[i] as Dec;
      const d = gapOf(a, y, i);
      const s = ai.v.times(a.bar?.[i] ?? ONE.minus(ai.v));
      const slope = d
        .times(d)
        .plus(yi.times(ONE.minus(yi)))
        .div(s.times(s))
        .toNumber();
      const g = d.div(s);
      return { v: g, m: slope * ai.m + BCE_GRAD_ROUNDINGS * mag(g), f: slope * ai.f + BCE_GRAD_ROUNDINGS };
    });
  },
  fusedGradZ: (_z, a, y) => fusedGap(a, y),
  unfused: {
    roundings: BCE_GRAD_ROUNDINGS,
    upper: (dtype) => 1 - UNIT_ROUNDOFF[dtype],
    inDType: unfusedBceGrad,
    exact: (t, y) => t.minus(y).div(t.times(ONE.minus(t))),
    // |f'(t)| = ((t - y)^2 + y (1 - y)) / (t (1 - t))^2 <= ((|a - y| + delta)^2 + y (1 - y)) / min_ends(t (1 - t))^2.
    slopeSup(a, bar, delta, y) {
      if (a - delta <= 0 || bar - delta <= 0) return undefined;
      const den = Math.min((a - delta) * (bar + delta), (a + delta) * (bar - delta));
      const gap = y > 0.5 ? Math.abs(1 - y - bar) : Math.abs(a - y);
      // Divided term by term: den * den underflows to 0 in float64 once a is below ~1e-154.
      return ((gap + delta) / den) ** 2 + (y * (1 - y)) / den / den;
    },
  },
};
