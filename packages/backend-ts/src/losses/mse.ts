import type { Matrix } from '@onegrad/core';
import type { TsLossKernel } from '../kernels.js';

/** Squared error (a - y)^2, no 1/2; after the identity its output dZ is fused to 2 (A - Y). */
export const mse: TsLossKernel = {
  name: 'mse',
  total(_z: Matrix, a: Matrix, y: Matrix): number {
    let s = 0;
    for (let i = 0; i < a.data.length; i++) {
      const d = (a.data[i] as number) - (y.data[i] as number);
      s += d * d;
    }
    return s;
  },
  gradA(a: Matrix, y: Matrix, dA: Matrix): void {
    for (let i = 0; i < dA.data.length; i++) dA.data[i] = 2 * ((a.data[i] as number) - (y.data[i] as number));
  },
  fusedGradZ(a: Matrix, y: Matrix, dZ: Matrix): void {
    this.gradA(a, y, dZ);
  },
};
