import type { GraphBuilder } from './graph-builder.js';

/**
 * Emits log1p(e) for e >= 0. ONNX has no Log1p and Softplus has no double kernel, while Log(1 + e)
 * loses every digit once e is below the unit roundoff. Kahan's form keeps the relative error at a
 * few ulps: with u = 1 + e, log1p(e) = e when u == 1, else Log(u) * e / (u - 1).
 */
export function emitLog1p(g: GraphBuilder, e: string): string {
  const one = g.scalar(1, 'one');
  const u = g.op('Add', [one, e]);
  const uMinusOne = g.op('Sub', [u, one]);
  const exactlyOne = g.op('Equal', [uMinusOne, g.scalar(0, 'zero')]);
  const scaled = g.op('Div', [g.op('Mul', [g.op('Log', [u]), e]), uMinusOne]);
  return g.op('Where', [exactlyOne, e, scaled]);
}
