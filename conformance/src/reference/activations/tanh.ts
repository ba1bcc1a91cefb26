import { TANH_OPS, TANH_ROUNDINGS } from '../../error-model/constants.js';
import { mag } from '../bounded.js';
import { Dec, ONE } from '../decimal.js';
import type { ActivationReference } from '../kinds.js';
import { type BoundedValue, productOf } from '../product.js';

/**
 * A = tanh(Z): M(A) = s M(Z) + 4 |a|, F(A) = s F(Z) + 4 with s = 1 - a^2 (a faithful tanh, or one
 * composed from a faithful expm1 and two roundings, as sigmoid). dZ = dA * s with s = 1 - a^2 from
 * the backend's own A, either as 1 - A A (the square's rounding, relative to a^2, and the
 * subtraction's, relative to s) or as (1 - A)(1 + A) (two sums and the product, at most 3 s): A's
 * error reaches s as 2 |a| M(a) in both, since its first-order effect on 1 - a^2 is -2a whatever the
 * form. M(s) = 2 |a| M(a) + a^2 + 3 s, F(s) = 2 |a| F(a) + 3.
 */
export const tanhReference: ActivationReference = {
  name: 'tanh',
  forward(z) {
    const a: BoundedValue[] = [];
    const bar: Dec[] = [];
    for (const { v, m, f } of z) {
      // e = exp(-2|z|) in (0, 1]: tanh|z| = (1 - e) / (1 + e) and 1 - tanh|z| = 2e / (1 + e), both exact.
      const e = Dec.exp(v.abs().times(-2));
      const t = ONE.minus(e).div(ONE.plus(e));
      const av = v.isNeg() ? t.neg() : t;
      const barv = v.isNeg() ? ONE.plus(t) : e.times(2).div(ONE.plus(e));
      const slope = barv.times(ONE.plus(av)).toNumber();
      a.push({ v: av, m: slope * m + TANH_ROUNDINGS * mag(av), f: slope * f + TANH_OPS });
      bar.push(barv);
    }
    return { a, bar };
  },
  backward(dA, _z, { a, bar }) {
    return dA.map((g, i) => {
      const ai = a[i] as BoundedValue;
      const barv = (bar as Dec[])[i] as Dec;
      const s = barv.times(ONE.plus(ai.v));
      const abs = mag(ai.v);
      const square = { v: s, m: 2 * abs * ai.m + abs * abs + 3 * mag(s), f: 2 * abs * ai.f + 3 };
      return productOf(g, square);
    });
  },
};
