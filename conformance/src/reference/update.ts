import { UPDATE_PRODUCT_ROUNDINGS } from '../error-model/constants.js';
import { BoundedBuilder, type BoundedMatrix, mag } from './bounded.js';
import type { Dec } from './decimal.js';
import type { DMatrix } from './dmatrix.js';

/**
 * SGD: P' = P - lr dP. The product costs two roundings (lr to the dtype, then the product), the
 * subtraction one, and dP's own error is scaled by lr:
 *   M = |P'| + 2 |lr dP| + lr M(dP),   F = 2 + lr F(dP).
 */
export function referenceUpdate(p: DMatrix, grad: BoundedMatrix, lr: Dec): BoundedMatrix {
  const out = new BoundedBuilder(p.rows, p.cols);
  const lrn = lr.toNumber();
  p.v.forEach((w, i) => {
    const step = lr.times(grad.v[i] as Dec);
    const next = w.minus(step);
    out.set(
      i,
      next,
      mag(next) + UPDATE_PRODUCT_ROUNDINGS * mag(step) + lrn * (grad.m[i] as number),
      2 + lrn * (grad.f[i] as number),
    );
  });
  return out.done();
}
