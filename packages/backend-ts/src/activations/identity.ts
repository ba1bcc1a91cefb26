import type { Matrix } from '@onegrad/core';
import type { TsActivationKernel } from '../kernels.js';

/** A = Z; dZ = dA. */
export const identity: TsActivationKernel = {
  name: 'identity',
  forward(z: Matrix, a: Matrix): void {
    a.data.set(z.data);
  },
  backward(dA: Matrix, _z: Matrix, _a: Matrix, dZ: Matrix): void {
    dZ.data.set(dA.data);
  },
};
