import type { Matrix } from '@onegrad/core';

/** dZ = dA * A (1 - A) elementwise: the chain rule through the sigmoid. */
export function sigmoidBackward(dA: Matrix, a: Matrix, dZ: Matrix): void {
  const D = dA.data;
  const A = a.data;
  const out = dZ.data;
  for (let i = 0; i < A.length; i++) {
    const ai = A[i] as number;
    out[i] = (D[i] as number) * (ai * (1 - ai));
  }
}
