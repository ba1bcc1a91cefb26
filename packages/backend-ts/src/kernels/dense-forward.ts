import type { Matrix } from '@onegrad/core';
import { gemm } from './gemm.js';

/** Z = X W + b (X m x n, W n x p, b 1 x p) into `z`. */
export function denseForward(x: Matrix, w: Matrix, b: Matrix, z: Matrix): void {
  const X = { data: x.data, rowStride: x.cols, colStride: 1 };
  const W = { data: w.data, rowStride: w.cols, colStride: 1 };
  gemm(x.rows, w.cols, x.cols, X, W, z.data, 1, b.data);
}
