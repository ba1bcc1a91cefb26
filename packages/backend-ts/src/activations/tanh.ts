import type { Matrix } from '@onegrad/core';
import type { TsActivationKernel } from '../kernels.js';

/** A = tanh(Z); dZ = dA * (1 - A^2). */
export const tanh: TsActivationKernel = {
  name: 'tanh',
  forward(z: Matrix, a: Matrix): void {
    const Z = z.data;
    const A = a.data;
    for (let i = 0; i < Z.length; i++) A[i] = Math.tanh(Z[i] as number);
  },
  backward(dA: Matrix, _z: Matrix, a: Matrix, dZ: Matrix): void {
    const D = dA.data;
    const A = a.data;
    const out = dZ.data;
    for (let i = 0; i < A.length; i++) {
      const ai = A[i] as number;
      out[i] = (D[i] as number) * (1 - ai * ai);
    }
  },
};
