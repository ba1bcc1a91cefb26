import type { OnnxActivationEmitter } from '../emitters.js';
import type { GraphBuilder } from '../graph-builder.js';

/**
 * Emits tanh(Z) for |Z| < 1 from Lambert's continued fraction tanh z = z / (1 + q), q = z^2 / (3 + z^2 /
 * (5 + ... z^2 / (2n + 1))), written z - z q / (1 + q) so that the last step takes a correction of at
 * most z / 4 off z and q's roundings reach the result damped. n = 5 levels (float32) or 9 (float64)
 * truncate the fraction below 1% of the unit roundoff.
 */
function emitTanhNearZero(g: GraphBuilder, z: string): string {
  const levels = g.dtype === 'float32' ? 5 : 9;
  const z2 = g.op('Mul', [z, z]);
  const odd = (k: number): string => g.scalar(2 * k + 1, `odd_${2 * k + 1}`);
  let q = g.op('Div', [z2, odd(levels)]);
  for (let k = levels - 1; k >= 1; k--) q = g.op('Div', [z2, g.op('Add', [odd(k), q])]);
  const correction = g.op('Div', [q, g.op('Add', [g.scalar(1, 'one'), q])]);
  return g.op('Sub', [z, g.op('Mul', [z, correction])]);
}

/**
 * Emits tanh(Z) for |Z| >= 1 as sign(Z) (1 - 2E / (1 + E)) with E = Exp(-2|Z|) <= e^-2: Exp never
 * overflows, and E's error reaches the result damped by 2E / (1 + E) < 1/4.
 */
function emitTanhAway(g: GraphBuilder, z: string): string {
  const e = g.op('Exp', [g.op('Mul', [g.op('Abs', [z]), g.scalar(-2, 'minus_two')])]);
  const gap = g.op('Div', [g.op('Add', [e, e]), g.op('Add', [g.scalar(1, 'one'), e])]);
  const magnitude = g.op('Sub', [g.scalar(1, 'one'), gap]);
  const negative = g.op('Less', [z, g.scalar(0, 'zero')]);
  return g.op('Where', [negative, g.op('Neg', [magnitude]), magnitude]);
}

/**
 * A = tanh(Z), composed; dZ = dA * (1 - A)(1 + A). ONNX Runtime's Tanh kernels are off by up to 3.9 ulps
 * in float32 (near Z = 1e-3) and 7.3 ulps in float64 (near Z = 18), and the textbook (1 - E) / (1 + E)
 * with E = Exp(-2|Z|) cancels for small |Z| (1.7e7 ulps near Z = 1e-8, 130 near 1e-3). The continued
 * fraction below 1 and the damped exponential form above keep every Z within 0.9 ulps in both dtypes
 * (scripts/measure-accuracy.mjs). 1 - A^2 is formed as (1 - A)(1 + A): for |A| >= 1/2 the small factor
 * is exact, so the slope of a saturating unit keeps what A holds instead of losing it to A^2's rounding.
 */
export const tanh: OnnxActivationEmitter = {
  name: 'tanh',
  forward(g, z, out) {
    const nearZero = emitTanhNearZero(g, z);
    const away = emitTanhAway(g, z);
    const small = g.op('Less', [g.op('Abs', [z]), g.scalar(1, 'one')]);
    return g.op('Where', [small, nearZero, away], out);
  },
  backward(g, dA, _z, a, out) {
    const one = g.scalar(1, 'one');
    const slope = g.op('Mul', [g.op('Sub', [one, a]), g.op('Add', [one, a])]);
    return g.op('Mul', [dA, slope], out);
  },
};
