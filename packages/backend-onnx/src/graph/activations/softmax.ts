import type { OnnxActivationEmitter } from '../emitters.js';
import type { GraphBuilder } from '../graph-builder.js';

/** Emits the row sums of `v` (batch x n) as a batch x 1 column. */
export function emitRowSum(g: GraphBuilder, v: string): string {
  return g.op('ReduceSum', [v, g.int64('feature_axis', [1], [1])], undefined, { keepdims: 1 });
}

/** Emits the row maxima of `v` (batch x n) as a batch x 1 column. */
export function emitRowMax(g: GraphBuilder, v: string): string {
  return g.op('ReduceMax', [v], undefined, { axes: [1], keepdims: 1 });
}

/**
 * Row-wise A_i = E_i / sum_j E_j with E = Exp(Z - max Z): with the row's maximum taken out every
 * exponent is <= 0, so Exp never overflows (logits 100 apart give E = 3.7e-44 or 0, never Inf / Inf),
 * and the largest E is exactly 1. The runtime's Softmax measures the same (about 3 ulps on rows of 5,
 * scripts/measure-accuracy.mjs); composing it fixes that arithmetic on every runtime the graph meets.
 * dZ_i = A_i (dA_i - sum_j dA_j A_j), the Jacobian product.
 */
export const softmax: OnnxActivationEmitter = {
  name: 'softmax',
  forward(g, z, out) {
    const e = g.op('Exp', [g.op('Sub', [z, emitRowMax(g, z)])]);
    return g.op('Div', [e, emitRowSum(g, e)], out);
  },
  backward(g, dA, _z, a, out) {
    const dot = emitRowSum(g, g.op('Mul', [dA, a]));
    return g.op('Mul', [a, g.op('Sub', [dA, dot])], out);
  },
};
