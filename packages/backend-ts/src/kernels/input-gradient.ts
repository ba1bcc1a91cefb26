import type { Matrix } from '@onegrad/core';
import { gemm } from './gemm.js';

/** dA_prev = dZ W^T per sample (dZ m x p, W n x p). */
export function inputGradient(dZ: Matrix, w: Matrix, dAPrev: Matrix): void {
  // W^T is read in place: element (j, k) of the transpose is w[k * p + j].
  gemm(dZ.rows, w.rows, dZ.cols, dZ.data, dZ.cols, 1, w.data, 1, w.cols, dAPrev.data);
}
