import type { Matrix } from '@onegrad/core';
import type { TsLossKernel } from '../kernels.js';

/** Categorical cross-entropy from the logits; after a softmax its output dZ is fused to A - Y. */
export const cce: TsLossKernel = {
  name: 'cce',
  total(z: Matrix, _a: Matrix, y: Matrix): number {
    const { cols } = z;
    const Z = z.data;
    const Y = y.data;
    let s = 0;
    for (let o = 0; o < Z.length; o += cols) {
      // -sum y ln a = logsumexp(z) - sum y z, with the row's maximum taken out so exp never overflows.
      let max = Number.NEGATIVE_INFINITY;
      for (let j = o; j < o + cols; j++) max = Math.max(max, Z[j] as number);
      let e = 0;
      let yz = 0;
      for (let j = o; j < o + cols; j++) {
        e += Math.exp((Z[j] as number) - max);
        yz += (Y[j] as number) * (Z[j] as number);
      }
      s += max + Math.log(e) - yz;
    }
    return s;
  },
  gradA(a: Matrix, y: Matrix, dA: Matrix): void {
    for (let i = 0; i < dA.data.length; i++) dA.data[i] = -(y.data[i] as number) / (a.data[i] as number);
  },
  // The loss node's -Y / A through the softmax's Jacobian: the row sums cancel to A - Y (rows of Y sum to 1).
  fusedGradZ(a: Matrix, y: Matrix, dZ: Matrix): void {
    for (let i = 0; i < dZ.data.length; i++) dZ.data[i] = (a.data[i] as number) - (y.data[i] as number);
  },
};
