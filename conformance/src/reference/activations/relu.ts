import { ZERO } from '../decimal.js';
import type { ActivationReference } from '../kinds.js';

/**
 * A = max(Z, 0) is exact and 1-Lipschitz: M(A) = M(Z), F(A) = F(Z) wherever Z lies. dZ = dA where
 * Z > 0, else 0, exactly: it carries dA's bound or nothing. At Z = 0 the derivative is 0; a Z within
 * its bound of 0 makes the gate undetermined (a kink).
 */
export const reluReference: ActivationReference = {
  name: 'relu',
  kinks: [0],
  forward(z) {
    return { a: z.map(({ v, m, f }) => ({ v: v.isPos() && !v.isZero() ? v : ZERO, m, f })) };
  },
  backward(dA, z) {
    return dA.map((g, i) => {
      const zi = z[i]?.v as typeof ZERO;
      return zi.isPos() && !zi.isZero() ? g : { v: ZERO, m: 0, f: 0 };
    });
  },
};
