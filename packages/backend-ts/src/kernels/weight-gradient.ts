import type { Matrix } from '@onegrad/core';
import { gemm } from './gemm.js';

/** dW = (1/m) A_prev^T dZ and db = (1/m) column sums of dZ. */
export function weightGradient(aPrev: Matrix, dZ: Matrix, dW: Matrix, db: Matrix): void {
  const m = aPrev.rows;
  const p = dZ.cols;
  // A_prev^T is read in place: element (k, i) of the transpose is aPrev[i * n + k].
  gemm(aPrev.cols, p, m, aPrev.data, 1, aPrev.cols, dZ.data, p, 1, dW.data, 1 / m);
  const B = db.data;
  const Z = dZ.data;
  for (let j = 0; j < p; j++) {
    let s = 0;
    for (let i = 0, o = j; i < m; i++, o += p) s += Z[o] as number;
    B[j] = s / m;
  }
}
