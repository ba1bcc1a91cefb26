import type { Matrix } from '@onegrad/core';

/** next = param - lr * grad elementwise; writes a separate buffer so a rejected step keeps `param`. */
export function sgdUpdate(param: Matrix, grad: Matrix, lr: number, next: Matrix): void {
  const P = param.data;
  const G = grad.data;
  const N = next.data;
  for (let i = 0; i < P.length; i++) N[i] = (P[i] as number) - lr * (G[i] as number);
}
