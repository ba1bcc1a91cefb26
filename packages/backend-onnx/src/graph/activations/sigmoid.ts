import type { OnnxActivationEmitter } from '../emitters.js';
import type { GraphBuilder } from '../graph-builder.js';

/** Emits a (1 - a), the sigmoid's local derivative written in its output. */
export function emitSigmoidSlope(g: GraphBuilder, a: string): string {
  return g.op('Mul', [a, g.op('Sub', [g.scalar(1, 'one'), a])]);
}

/**
 * A = sigmoid(Z) as E / (1 + E) for Z < 0 and 1 / (1 + E) otherwise, with E = Exp(-|Z|); dZ = dA * A (1 - A).
 * ONNX Runtime's Sigmoid kernels are accurate only in absolute terms (float32 returns 8.9e-8 for
 * sigmoid(-17), whose value is 4.1e-8; float64 loses ~60 ulps near sigmoid(-5)), which would break the
 * relative error bounds of small activations and of every gradient that flows through them. Exp never
 * sees a positive argument here, so it cannot overflow: 1 / (1 + Exp(-Z)) would return 0 instead of the
 * subnormal sigmoid(-90) in float32. This form keeps a few ulps of relative error for every Z and
 * uses only ops with float and double kernels.
 */
export const sigmoid: OnnxActivationEmitter = {
  name: 'sigmoid',
  forward(g, z, out) {
    const one = g.scalar(1, 'one');
    const e = g.op('Exp', [g.op('Neg', [g.op('Abs', [z])])]);
    const den = g.op('Add', [one, e]);
    const negative = g.op('Less', [z, g.scalar(0, 'zero')]);
    return g.op('Where', [negative, g.op('Div', [e, den]), g.op('Div', [one, den])], out);
  },
  backward: (g, dA, _z, a, out) => g.op('Mul', [dA, emitSigmoidSlope(g, a)], out),
};
