import { emitSigmoidSlope } from '../activations/sigmoid.js';
import type { OnnxLossEmitter } from '../emitters.js';
import { emitLog1p } from '../log1p.js';

/** Binary cross-entropy from the logit; after a sigmoid its output dZ is fused to A - Y. */
export const bce: OnnxLossEmitter = {
  name: 'bce',
  // max(z, 0) - z y + log1p(exp(-|z|)): finite and accurate even where sigmoid(z) rounds to 0 or 1.
  costTerms(g, z, _a, y) {
    const softplusTail = emitLog1p(g, g.op('Exp', [g.op('Neg', [g.op('Abs', [z])])]));
    return g.op('Add', [g.op('Sub', [g.op('Relu', [z]), g.op('Mul', [z, y])]), softplusTail]);
  },
  // Not finite where a is exactly 0 or 1; the trace flags it, the fused dZ never reads it.
  gradA: (g, a, y, out) => g.op('Div', [g.op('Sub', [a, y]), emitSigmoidSlope(g, a)], out),
  // The loss node's (A - Y) / (A (1 - A)) times the sigmoid's A (1 - A): they cancel, and this never divides.
  fusedGradZ: (g, a, y, out) => g.op('Sub', [a, y], out),
};
