import type { GraphBuilder } from './graph-builder.js';

/**
 * Emits A = 1 / (1 + Exp(-Z)). ONNX Runtime's Sigmoid kernels are accurate only in absolute terms
 * (float32 returns 8.9e-8 for sigmoid(-17), whose value is 4.1e-8; float64 loses ~60 ulps near
 * sigmoid(-5)), which would break the relative error bounds of small activations and of every
 * gradient that flows through them. This form keeps a few ulps of relative error for every Z,
 * saturates to exactly 0 or 1 where the dtype does, and uses only ops with float and double kernels.
 */
export function emitSigmoid(g: GraphBuilder, z: string, out: string): string {
  const one = g.scalar(1, 'one');
  return g.op('Div', [one, g.op('Add', [one, g.op('Exp', [g.op('Neg', [z])])])], out);
}
