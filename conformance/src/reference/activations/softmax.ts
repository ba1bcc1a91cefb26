import { ELEMENTARY_ULP } from '../../error-model/constants.js';
import { mag } from '../bounded.js';
import { Dec, ZERO } from '../decimal.js';
import type { ActivationReference } from '../kinds.js';
import { type BoundedValue, productOf } from '../product.js';

/**
 * Row-wise A_i = e_i / S with w_j = z_j - max z, e_j = exp(w_j), S = sum_j e_j over the n units. A
 * shift of every z_j moves no A_i, so the error of the maximum cancels; what remains, relative to
 * a_i: the subtraction (u |w_j|), the exps (2u each), the sum of n positive terms ((n - 1) u) and
 * the division (u), plus the error carried in by Z through the Jacobian a_i (delta_ij - a_j):
 *   M(A_i) = a_i [ (n + 4) + |w_i| + sum_j a_j |w_j| + M(z_i) + sum_j a_j M(z_j) ],
 *   F(A_i) = a_i [ 2n + F(z_i) + sum_j a_j F(z_j) ] + 3   (e_i's own floor twice, the division's once).
 * dZ_i = A_i (dA_i - dot), dot = sum_j dA_j A_j: the dot carries gamma_n on each term and its
 * factors' errors, the subtraction one rounding, the product its own (see productOf).
 */
export const softmaxReference: ActivationReference = {
  name: 'softmax',
  forward(z) {
    const n = z.length;
    const max = Dec.max(...z.map((x) => x.v));
    const w = z.map((x) => x.v.minus(max));
    const e = w.map((wj) => Dec.exp(wj));
    const S = e.reduce((s, ej) => s.plus(ej), ZERO);
    const av = e.map((ej) => ej.div(S));
    const an = av.map(mag);
    let spreadM = 0;
    let carriedM = 0;
    let carriedF = 0;
    z.forEach((x, j) => {
      const aj = an[j] as number;
      spreadM += aj * mag(w[j] as Dec);
      carriedM += aj * x.m;
      carriedF += aj * x.f;
    });
    const rounds = n - 1 + 2 * ELEMENTARY_ULP + 1;
    const a = z.map((x, i) => {
      const ai = an[i] as number;
      return {
        v: av[i] as Dec,
        m: ai * (rounds + mag(w[i] as Dec) + spreadM + x.m + carriedM),
        f: ai * (2 * n + x.f + carriedF) + ELEMENTARY_ULP + 1,
      };
    });
    return { a, bar: e.map((ej) => S.minus(ej).div(S)) };
  },
  backward(dA, _z, { a }) {
    const n = a.length;
    let dot = ZERO;
    let absSum = 0;
    let carriedM = 0;
    let carriedF = 0;
    dA.forEach((g, j) => {
      const aj = a[j] as BoundedValue;
      const [ga, aa] = [mag(g.v), mag(aj.v)];
      dot = dot.plus(g.v.times(aj.v));
      absSum += ga * aa;
      carriedM += aa * g.m + ga * aj.m;
      carriedF += aa * g.f + ga * aj.f;
    });
    const dotM = n * absSum + carriedM;
    const dotF = 2 * n - 1 + carriedF;
    return dA.map((g, i) => {
      const diff = g.v.minus(dot);
      const gap = { v: diff, m: g.m + dotM + mag(diff), f: g.f + dotF };
      return productOf(a[i] as BoundedValue, gap);
    });
  },
};
