import type { Matrix } from '@onegrad/core';
import type { TsLossKernel } from '../kernels.js';

/** Binary cross-entropy from the logit; after a sigmoid its output dZ is fused to A - Y. */
export const bce: TsLossKernel = {
  name: 'bce',
  total(z: Matrix, _a: Matrix, y: Matrix): number {
    let s = 0;
    for (let i = 0; i < z.data.length; i++) {
      const zi = z.data[i] as number;
      // -(y ln a + (1-y) ln(1-a)) from the logit, so it stays finite where a rounds to 0 or 1.
      s += Math.max(zi, 0) - zi * (y.data[i] as number) + Math.log1p(Math.exp(-Math.abs(zi)));
    }
    return s;
  },
  gradA(a: Matrix, y: Matrix, dA: Matrix): void {
    for (let i = 0; i < dA.data.length; i++) {
      const ai = a.data[i] as number;
      dA.data[i] = (ai - (y.data[i] as number)) / (ai * (1 - ai));
    }
  },
  // The loss node's (A - Y) / (A (1 - A)) times the sigmoid's A (1 - A): they cancel, and this never divides.
  fusedGradZ(a: Matrix, y: Matrix, dZ: Matrix): void {
    for (let i = 0; i < dZ.data.length; i++) dZ.data[i] = (a.data[i] as number) - (y.data[i] as number);
  },
};
