import { SIGMOID_OPS, SIGMOID_ROUNDINGS } from '../../error-model/constants.js';
import { mag } from '../bounded.js';
import { Dec, ONE } from '../decimal.js';
import type { ActivationReference } from '../kinds.js';
import { type BoundedValue, productOf } from '../product.js';

/**
 * A = sigma(Z): M(A) = s M(Z) + 4 |a|, F(A) = s F(Z) + 4 with s = a (1 - a) (exp counts twice).
 * dZ = dA * s, s = a (1 - a) from the backend's own A: two roundings, carrying M(a) (see productOf).
 */
export const sigmoidReference: ActivationReference = {
  name: 'sigmoid',
  forward(z) {
    const a: BoundedValue[] = [];
    const bar: Dec[] = [];
    for (const { v, m, f } of z) {
      // One exp of -|z| gives both sigma(z) and sigma(-z) without cancellation.
      const e = Dec.exp(v.abs().neg());
      const big = ONE.div(e.plus(1));
      const small = e.div(e.plus(1));
      const [av, barv] = v.isNeg() ? [small, big] : [big, small];
      const slope = av.times(barv).toNumber();
      a.push({ v: av, m: slope * m + SIGMOID_ROUNDINGS * av.toNumber(), f: slope * f + SIGMOID_OPS });
      bar.push(barv);
    }
    return { a, bar };
  },
  backward(dA, _z, { a, bar }) {
    return dA.map((g, i) => {
      const ai = a[i] as BoundedValue;
      const s = ai.v.times((bar as Dec[])[i] as Dec);
      // s = a (1 - a): |1 - a| M(a) + |a| M(a) = M(a) carried, plus two roundings relative to s.
      const slope = { v: s, m: ai.m + 2 * mag(s), f: ai.f + 2 };
      return productOf(g, slope);
    });
  },
};
