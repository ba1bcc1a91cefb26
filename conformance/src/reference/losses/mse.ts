import { mag } from '../bounded.js';
import type { LossReference } from '../kinds.js';
import { gapOf } from './bce.js';

/**
 * Squared error, per element (d = a - y): l = d^2 with M = 2 |d| M(a) + 3 d^2, F = 2 |d| F(a) + 2;
 * dA = 2 d with M = 2 (M(a) + |d|), F = 2 (F(a) + 1). After the identity the fused dZ is that same 2 d.
 */
export const mseReference: LossReference = {
  name: 'mse',
  terms(_z, a, y) {
    return a.a.map((ai, i) => {
      const d = gapOf(a, y, i);
      const dAbs = mag(d);
      return { v: d.times(d), m: 2 * dAbs * ai.m + 3 * dAbs * dAbs, f: 2 * dAbs * ai.f + 2 };
    });
  },
  gradA(_z, a, y) {
    return a.a.map((ai, i) => {
      const d = gapOf(a, y, i);
      return { v: d.times(2), m: 2 * (ai.m + mag(d)), f: 2 * (ai.f + 1) };
    });
  },
  fusedGradZ(z, a, y) {
    return this.gradA(z, a, y);
  },
};
