import { emitRowMax, emitRowSum } from '../activations/softmax.js';
import type { OnnxLossEmitter } from '../emitters.js';
import { emitLog1p } from '../log1p.js';

/**
 * Categorical cross-entropy from the logits; after a softmax its output dZ is fused to A - Y.
 *
 * Per row, logsumexp(z) - sum_i y_i z_i = log1p(S - 1) + sum_i y_i (M - z_i), with M = max z and
 * S = sum_i exp(z_i - M) (the two agree because each target row sums to 1). Both terms are >= 0, so
 * nothing cancels: the textbook M + Log(S) - sum y z loses every digit of a confident row's small cost
 * (z = (20, 0), y = (1, 0) costs 2.1e-9, below float32's resolution at 20). S - 1 is summed without
 * the maxima's exact ones, as (ties - 1) + the other exponentials, so log1p sees it unrounded.
 */
export const cce: OnnxLossEmitter = {
  name: 'cce',
  costTerms(g, z, _a, y) {
    const max = emitRowMax(g, z);
    const atMax = g.op('Equal', [z, max]);
    const e = g.op('Exp', [g.op('Sub', [z, max])]);
    const others = emitRowSum(g, g.op('Where', [atMax, g.scalar(0, 'zero'), e]));
    const ties = emitRowSum(g, g.op('Cast', [atMax], undefined, { to: g.type }));
    const sMinusOne = g.op('Add', [g.op('Sub', [ties, g.scalar(1, 'one')]), others]);
    const margins = emitRowSum(g, g.op('Mul', [y, g.op('Sub', [max, z])]));
    return g.op('Add', [emitLog1p(g, sMinusOne), margins]);
  },
  // -Y / A: NaN (y = 0) or -Infinity where A underflows to 0; the trace flags it, the fused dZ never reads it.
  gradA: (g, a, y, out) => g.op('Div', [g.op('Neg', [y]), a], out),
  // The loss node's -Y / A through the softmax's Jacobian: the row sums cancel to A - Y (rows of Y sum to 1).
  fusedGradZ: (g, a, y, out) => g.op('Sub', [a, y], out),
};
