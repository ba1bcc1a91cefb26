import type { Matrix } from '@onegrad/core';
import { gemm } from './gemm.js';

/** dA_prev = dZ W^T per sample (dZ m x p, W n x p). */
export function inputGradient(dZ: Matrix, w: Matrix, dAPrev: Matrix): void {
  const D = { data: dZ.data, rowStride: dZ.cols, colStride: 1 };
  // W^T is read in place: element (j, k) of the transpose is w[k * p + j].
  const Wt = { data: w.data, rowStride: 1, colStride: w.cols };
  gemm(dZ.rows, w.rows, dZ.cols, D, Wt, dAPrev.data);
}
