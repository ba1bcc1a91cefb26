import type { Matrix } from '@onegrad/core';

/** Z = X W + b (X m x n, W n x p, b 1 x p) into `z`, row by row so that W is read contiguously. */
export function denseForward(x: Matrix, w: Matrix, b: Matrix, z: Matrix): void {
  const { rows: m, cols: n } = x;
  const p = w.cols;
  const X = x.data;
  const W = w.data;
  const Z = z.data;
  for (let i = 0; i < m; i++) {
    const zi = i * p;
    for (let j = 0; j < p; j++) Z[zi + j] = b.data[j] as number;
    for (let k = 0; k < n; k++) {
      const xik = X[i * n + k] as number;
      const wk = k * p;
      for (let j = 0; j < p; j++) Z[zi + j] = (Z[zi + j] as number) + xik * (W[wk + j] as number);
    }
  }
}
