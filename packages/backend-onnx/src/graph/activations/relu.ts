import type { OnnxActivationEmitter } from '../emitters.js';

/** A = Relu(Z); dZ = Where(Z > 0, dA, 0): the derivative at Z = 0 is taken as 0, as core defines it. */
export const relu: OnnxActivationEmitter = {
  name: 'relu',
  forward: (g, z, out) => g.op('Relu', [z], out),
  backward(g, dA, z, _a, out) {
    const zero = g.scalar(0, 'zero');
    return g.op('Where', [g.op('Greater', [z, zero]), dA, zero], out);
  },
};
