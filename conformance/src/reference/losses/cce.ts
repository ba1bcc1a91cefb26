import { CCE_GRAD_ROUNDINGS, ELEMENTARY_ULP } from '../../error-model/constants.js';
import { rounder } from '../../error-model/float-class.js';
import { mag } from '../bounded.js';
import { Dec, ZERO } from '../decimal.js';
import type { LossReference } from '../kinds.js';
import type { BoundedValue } from '../product.js';
import { fusedGap } from './bce.js';

/**
 * Categorical cross-entropy of one softmax row from its n logits: l = lse - sum_j y_j z_j with
 * lse = max z + t, t = ln S, S = sum_j exp(z_j - max z). The error of the maximum cancels (lse is
 * shift invariant); the rest: the subtractions (u |w_j|, through S relative to S: sum_j a_j |w_j|),
 * the exps and the sum of n positive terms ((n + 1) u relative to S, i.e. absolute on t), ln (2u |t|),
 * the addition (u |lse|), the dot y z (gamma_n: n sum_j |y_j z_j|), the final subtraction (u |l|),
 * and Z's error through dl/dz_j = a_j - y_j:
 *   M = sum_j |a_j - y_j| M(z_j) + sum_j a_j |w_j| + (n + 1) + 2 |t| + |lse| + n sum_j |y_j z_j| + |l|,
 *   F = sum_j |a_j - y_j| F(z_j) + 4n   (the exps, the products and the additions).
 * Unfused dA_j = -y_j / a_j: M = (y / a^2) M(a) + |dA|, F = (y / a^2) F(a) + 1; where a underflows
 * it is -Inf (y > 0) or NaN (y = 0), judged over A's interval (`unfused`). Fused dZ = a - y.
 */
export const cceReference: LossReference = {
  name: 'cce',
  terms(z, a, y) {
    const n = z.length;
    const max = Dec.max(...z.map((x) => x.v));
    let S = ZERO;
    let yz = ZERO;
    let yzAbs = 0;
    let spread = 0;
    let carriedM = 0;
    let carriedF = 0;
    z.forEach((x, j) => {
      const w = x.v.minus(max);
      const yj = y[j] as Dec;
      const p = yj.times(x.v);
      S = S.plus(Dec.exp(w));
      yz = yz.plus(p);
      yzAbs += mag(p);
      const aj = (a.a[j] as BoundedValue).v;
      spread += mag(aj) * mag(w);
      const slope = mag(aj.minus(yj));
      carriedM += slope * x.m;
      carriedF += slope * x.f;
    });
    const t = Dec.ln(S);
    const lse = max.plus(t);
    const l = lse.minus(yz);
    const m = carriedM + spread + (n + 1) + ELEMENTARY_ULP * mag(t) + mag(lse) + n * yzAbs + mag(l);
    return [{ v: l, m, f: carriedF + 4 * n }];
  },
  gradA(_z, a, y) {
    return a.a.map((ai, i) => {
      const yi = y[i] as Dec;
      const g = yi.neg().div(ai.v);
      const slope = yi.div(ai.v.times(ai.v)).toNumber();
      return { v: g, m: slope * ai.m + CCE_GRAD_ROUNDINGS * mag(g), f: slope * ai.f + CCE_GRAD_ROUNDINGS };
    });
  },
  fusedGradZ: (_z, a, y) => fusedGap(a, y),
  unfused: {
    roundings: CCE_GRAD_ROUNDINGS,
    upper: () => 1,
    inDType(a, y, dtype) {
      const r = rounder(dtype);
      return r(-y / r(a));
    },
    exact: (t, y) => y.neg().div(t),
    // |f'(t)| = y / t^2, largest at the lower end of the interval.
    slopeSup: (a, _bar, delta, y) => (a - delta <= 0 ? undefined : y / (a - delta) / (a - delta)),
  },
};
