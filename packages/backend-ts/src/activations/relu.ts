import type { Matrix } from '@onegrad/core';
import type { TsActivationKernel } from '../kernels.js';

/** A = max(Z, 0); dZ = dA where Z > 0, else 0 (the derivative at 0 is taken as 0). */
export const relu: TsActivationKernel = {
  name: 'relu',
  forward(z: Matrix, a: Matrix): void {
    const Z = z.data;
    const A = a.data;
    for (let i = 0; i < Z.length; i++) {
      const zi = Z[i] as number;
      A[i] = Math.max(zi, 0);
    }
  },
  backward(dA: Matrix, z: Matrix, _a: Matrix, dZ: Matrix): void {
    const D = dA.data;
    const Z = z.data;
    const out = dZ.data;
    for (let i = 0; i < Z.length; i++) out[i] = (Z[i] as number) > 0 ? (D[i] as number) : 0;
  },
};
