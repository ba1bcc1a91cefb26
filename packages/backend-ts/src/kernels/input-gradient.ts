import type { Matrix } from '@onegrad/core';

/** dA_prev = dZ W^T per sample (dZ m x p, W n x p): both operands are read along contiguous rows. */
export function inputGradient(dZ: Matrix, w: Matrix, dAPrev: Matrix): void {
  const m = dZ.rows;
  const p = dZ.cols;
  const n = w.rows;
  const D = dZ.data;
  const W = w.data;
  const out = dAPrev.data;
  for (let i = 0; i < m; i++) {
    const di = i * p;
    for (let k = 0; k < n; k++) {
      const wk = k * p;
      let s = 0;
      for (let j = 0; j < p; j++) s += (D[di + j] as number) * (W[wk + j] as number);
      out[i * n + k] = s;
    }
  }
}
