import type { LossName } from '@onegrad/core';
import { BoundedBuilder, type BoundedMatrix, mag } from '../error-model/bounded.js';
import {
  BCE_GRAD_ROUNDINGS,
  BCE_LOSS_UNDERFLOWS,
  ELEMENTARY_ULP,
  MEAN_SCALE_ROUNDINGS,
} from '../error-model/constants.js';
import { Dec, log1p, ZERO } from './decimal.js';
import type { DMatrix } from './dmatrix.js';
import type { ReferenceForwardLayer } from './forward.js';
import { sigmoidProduct } from './product.js';

/** The cost J (1 x 1), the unfused dA_L and the dZ_L of the output layer, with their bounds. */
export interface ReferenceOutput {
  /** J = (1/m) sum over samples and outputs of l(a, y). */
  readonly cost: BoundedMatrix;
  /** dl/dA per sample: bce (a - y) / (a (1 - a)), mse 2 (a - y). */
  readonly dA: BoundedMatrix;
  /** dl/dZ per sample: bce fused a - y, mse dA * a (1 - a). */
  readonly dZ: BoundedMatrix;
}

/**
 * Loss, its gradient and the output dZ. Per element (d = a - y, t1 = max(z, 0), t3 = log1p(e^-|z|)):
 *   bce l = t1 - z y + t3:  M = |d| M(z) + 2 t1 + 3 |z y| + (2 + 2 * 2) t3,  F = |d| F(z) + 7
 *   mse l = d^2:            M = 2 |d| M(a) + 3 d^2,                          F = 2 |d| F(a) + 2
 *   J over N = m nL terms (all >= 0): M = (N - 1 + 2) J + (1/m) sum M(l),   F = N + 1 + (1/m) sum F(l)
 */
export function referenceOutput(out: ReferenceForwardLayer, y: DMatrix, loss: LossName): ReferenceOutput {
  const { z, a, aBar } = out;
  const count = z.rows * z.cols;
  const dA = new BoundedBuilder(z.rows, z.cols);
  const dZ = new BoundedBuilder(z.rows, z.cols);
  let total = ZERO;
  let lossM = 0;
  let lossF = 0;
  for (let i = 0; i < count; i++) {
    const zi = z.v[i] as Dec;
    const ai = a.v[i] as Dec;
    const bar = aBar.v[i] as Dec;
    const yi = y.v[i] as Dec;
    const [zM, zF, aM, aF] = [z.m[i] as number, z.f[i] as number, a.m[i] as number, a.f[i] as number];
    // a - y as (1 - y) - (1 - a) when y is near 1, so that a near 1 keeps its digits.
    const d = yi.gt(0.5) ? new Dec(1).minus(yi).minus(bar) : ai.minus(yi);
    const dAbs = mag(d);
    if (loss === 'bce') {
      const t1 = zi.isNeg() ? ZERO : zi;
      const t2 = zi.times(yi);
      const t3 = log1p(Dec.exp(zi.abs().neg()));
      total = total.plus(t1.minus(t2).plus(t3));
      lossM += dAbs * zM + 2 * mag(t1) + 3 * mag(t2) + (2 + 2 * ELEMENTARY_ULP) * mag(t3);
      lossF += dAbs * zF + BCE_LOSS_UNDERFLOWS;
      const s = ai.times(bar);
      const slope = d
        .times(d)
        .plus(yi.times(new Dec(1).minus(yi)))
        .div(s.times(s))
        .toNumber();
      const g = d.div(s);
      dA.set(i, g, slope * aM + BCE_GRAD_ROUNDINGS * mag(g), slope * aF + BCE_GRAD_ROUNDINGS);
      dZ.set(i, d, aM + dAbs, aF + 1);
    } else {
      total = total.plus(d.times(d));
      lossM += 2 * dAbs * aM + 3 * dAbs * dAbs;
      lossF += 2 * dAbs * aF + 2;
      const g = d.times(2);
      const gM = 2 * (aM + dAbs);
      const gF = 2 * (aF + 1);
      dA.set(i, g, gM, gF);
      const p = sigmoidProduct(g, gM, gF, ai, bar, aM, aF);
      dZ.set(i, p.v, p.m, p.f);
    }
  }
  const m = z.rows;
  const J = total.div(m);
  const cost = new BoundedBuilder(1, 1);
  cost.set(0, J, (count - 1 + MEAN_SCALE_ROUNDINGS) * mag(J) + lossM / m, count + 1 + lossF / m);
  return { cost: cost.done(), dA: dA.done(), dZ: dZ.done() };
}
