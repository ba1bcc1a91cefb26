import type { OnnxActivationEmitter } from '../emitters.js';

/** A = Z; dZ = dA. Identity nodes keep Z and A (dA and dZ) distinct values, as the trace names them. */
export const identity: OnnxActivationEmitter = {
  name: 'identity',
  forward: (g, z, out) => g.op('Identity', [z], out),
  backward: (g, dA, _z, _a, out) => g.op('Identity', [dA], out),
};
