import type { Matrix } from '@onegrad/core';
import type { TsActivationKernel } from '../kernels.js';

/**
 * Row-wise A_i = exp(Z_i - max Z) / sum_j exp(Z_j - max Z): subtracting the row's maximum keeps every
 * exp in (0, 1], so nothing overflows. dZ_i = A_i (dA_i - sum_j dA_j A_j), the Jacobian product.
 */
export const softmax: TsActivationKernel = {
  name: 'softmax',
  forward(z: Matrix, a: Matrix): void {
    const { cols } = z;
    const Z = z.data;
    const A = a.data;
    for (let o = 0; o < Z.length; o += cols) {
      let max = Number.NEGATIVE_INFINITY;
      for (let j = o; j < o + cols; j++) max = Math.max(max, Z[j] as number);
      let sum = 0;
      for (let j = o; j < o + cols; j++) {
        const e = Math.exp((Z[j] as number) - max);
        A[j] = e;
        sum += e;
      }
      for (let j = o; j < o + cols; j++) A[j] = (A[j] as number) / sum;
    }
  },
  backward(dA: Matrix, _z: Matrix, a: Matrix, dZ: Matrix): void {
    const { cols } = a;
    const D = dA.data;
    const A = a.data;
    const out = dZ.data;
    for (let o = 0; o < A.length; o += cols) {
      let dot = 0;
      for (let j = o; j < o + cols; j++) dot += (D[j] as number) * (A[j] as number);
      for (let j = o; j < o + cols; j++) out[j] = (A[j] as number) * ((D[j] as number) - dot);
    }
  },
};
