import type { OnnxLossEmitter } from '../emitters.js';

/** Squared error (a - y)^2, no 1/2; after the identity its output dZ is fused to 2 (A - Y). */
export const mse: OnnxLossEmitter = {
  name: 'mse',
  costTerms(g, _z, a, y) {
    const d = g.op('Sub', [a, y]);
    return g.op('Mul', [d, d]);
  },
  gradA: (g, a, y, out) => g.op('Mul', [g.scalar(2, 'two'), g.op('Sub', [a, y])], out),
  fusedGradZ: (g, a, y, out) => g.op('Mul', [g.scalar(2, 'two'), g.op('Sub', [a, y])], out),
};
