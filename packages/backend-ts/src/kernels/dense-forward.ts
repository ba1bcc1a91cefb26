import type { Matrix } from '@onegrad/core';
import { gemm } from './gemm.js';

/** Z = X W + b (X m x n, W n x p, b 1 x p) into `z`. */
export function denseForward(x: Matrix, w: Matrix, b: Matrix, z: Matrix): void {
  gemm(x.rows, w.cols, x.cols, x.data, x.cols, 1, w.data, w.cols, 1, z.data, 1, b.data);
}
