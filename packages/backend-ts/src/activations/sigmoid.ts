import type { Matrix } from '@onegrad/core';
import type { TsActivationKernel } from '../kernels.js';

/** A = 1 / (1 + exp(-Z)); dZ = dA * A (1 - A), the sigmoid's local derivative written in its output. */
export const sigmoid: TsActivationKernel = {
  name: 'sigmoid',
  forward(z: Matrix, a: Matrix): void {
    const Z = z.data;
    const A = a.data;
    // Saturates to exactly 0 or 1 only where the dtype cannot tell.
    for (let i = 0; i < Z.length; i++) A[i] = 1 / (1 + Math.exp(-(Z[i] as number)));
  },
  backward(dA: Matrix, _z: Matrix, a: Matrix, dZ: Matrix): void {
    const D = dA.data;
    const A = a.data;
    const out = dZ.data;
    for (let i = 0; i < A.length; i++) {
      const ai = A[i] as number;
      out[i] = (D[i] as number) * (ai * (1 - ai));
    }
  },
};
