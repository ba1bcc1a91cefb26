import type { Matrix } from '@onegrad/core';

/** A = 1 / (1 + exp(-Z)) elementwise; saturates to exactly 0 or 1 only where the dtype cannot tell. */
export function sigmoid(z: Matrix, a: Matrix): void {
  const Z = z.data;
  const A = a.data;
  for (let i = 0; i < Z.length; i++) A[i] = 1 / (1 + Math.exp(-(Z[i] as number)));
}
