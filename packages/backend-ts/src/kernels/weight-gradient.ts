import type { Matrix } from '@onegrad/core';

/** dW = (1/m) A_prev^T dZ and db = (1/m) column sums of dZ, accumulated sample by sample. */
export function weightGradient(aPrev: Matrix, dZ: Matrix, dW: Matrix, db: Matrix): void {
  const { rows: m, cols: n } = aPrev;
  const p = dZ.cols;
  const A = aPrev.data;
  const D = dZ.data;
  const G = dW.data;
  const B = db.data;
  G.fill(0);
  B.fill(0);
  for (let i = 0; i < m; i++) {
    const di = i * p;
    for (let j = 0; j < p; j++) B[j] = (B[j] as number) + (D[di + j] as number);
    for (let k = 0; k < n; k++) {
      const aik = A[i * n + k] as number;
      const gk = k * p;
      for (let j = 0; j < p; j++) G[gk + j] = (G[gk + j] as number) + aik * (D[di + j] as number);
    }
  }
  for (let k = 0; k < G.length; k++) G[k] = (G[k] as number) / m;
  for (let j = 0; j < p; j++) B[j] = (B[j] as number) / m;
}
