import type { FloatArray } from '@onegrad/core';

/**
 * C (M x N, row-major) = alpha * (A B + bias), where A is M x K and B is K x N, element (i, k) of A
 * being `a[i * ar + k * ac]` and element (k, j) of B `b[k * br + j * bc]`, so a transpose is free.
 * The strides are plain arguments, not operand objects: a warmed-up step then allocates nothing.
 * Blocks of 4 x 4 outputs are accumulated in sixteen locals (in double precision, rounded once on the
 * store), so each step over K loads 8 values for 16 multiply-adds and stores nothing: several times a
 * naive triple loop in JS. Every output sums its K products in order from its bias, whatever the block.
 */
export function gemm(
  M: number,
  N: number,
  K: number,
  a: FloatArray,
  ar: number,
  ac: number,
  b: FloatArray,
  br: number,
  bc: number,
  C: FloatArray,
  alpha = 1,
  bias?: FloatArray,
): void {
  // Products too small for one block (the seed net's are all 2 x 2) take the short loop, which the
  // compiler inlines into the caller: the blocked function is too large to inline, and its call was
  // a measurable part of a step that does almost no arithmetic.
  if (M < 4 || N < 4) outputByOutput(M, N, K, a, ar, ac, b, br, bc, C, alpha, bias, 0, 0);
  else blocked(M, N, K, a, ar, ac, b, br, bc, C, alpha, bias);
}

/**
 * Outputs summed one at a time, in the same order as a block sums them: every output, or with `M4`
 * and `N4` set only those outside the blocks (columns from `N4` in the first `M4` rows, every column
 * below them).
 */
function outputByOutput(
  M: number,
  N: number,
  K: number,
  a: FloatArray,
  ar: number,
  ac: number,
  b: FloatArray,
  br: number,
  bc: number,
  C: FloatArray,
  alpha: number,
  bias: FloatArray | undefined,
  M4: number,
  N4: number,
): void {
  for (let i = 0; i < M; i++) {
    for (let j = i < M4 ? N4 : 0; j < N; j++) {
      let s = bias ? (bias[j] as number) : 0;
      for (let k = 0, pa = i * ar, pb = j * bc; k < K; k++, pa += ac, pb += br)
        s += (a[pa] as number) * (b[pb] as number);
      C[i * N + j] = alpha * s;
    }
  }
}

/** 4 x 4 blocks, then the ragged right and bottom edges. */
function blocked(
  M: number,
  N: number,
  K: number,
  a: FloatArray,
  ar: number,
  ac: number,
  b: FloatArray,
  br: number,
  bc: number,
  C: FloatArray,
  alpha: number,
  bias: FloatArray | undefined,
): void {
  const M4 = M - (M % 4);
  const N4 = N - (N % 4);
  for (let i = 0; i < M4; i += 4) {
    for (let j = 0; j < N4; j += 4) {
      const z0 = bias ? (bias[j] as number) : 0;
      const z1 = bias ? (bias[j + 1] as number) : 0;
      const z2 = bias ? (bias[j + 2] as number) : 0;
      const z3 = bias ? (bias[j + 3] as number) : 0;
      let c00 = z0,
        c01 = z1,
        c02 = z2,
        c03 = z3,
        c10 = z0,
        c11 = z1,
        c12 = z2,
        c13 = z3;
      let c20 = z0,
        c21 = z1,
        c22 = z2,
        c23 = z3,
        c30 = z0,
        c31 = z1,
        c32 = z2,
        c33 = z3;
      let pa = i * ar;
      let pb = j * bc;
      for (let k = 0; k < K; k++, pa += ac, pb += br) {
        const a0 = a[pa] as number;
        const a1 = a[pa + ar] as number;
        const a2 = a[pa + 2 * ar] as number;
        const a3 = a[pa + 3 * ar] as number;
        const b0 = b[pb] as number;
        const b1 = b[pb + bc] as number;
        const b2 = b[pb + 2 * bc] as number;
        const b3 = b[pb + 3 * bc] as number;
        c00 += a0 * b0;
        c01 += a0 * b1;
        c02 += a0 * b2;
        c03 += a0 * b3;
        c10 += a1 * b0;
        c11 += a1 * b1;
        c12 += a1 * b2;
        c13 += a1 * b3;
        c20 += a2 * b0;
        c21 += a2 * b1;
        c22 += a2 * b2;
        c23 += a2 * b3;
        c30 += a3 * b0;
        c31 += a3 * b1;
        c32 += a3 * b2;
        c33 += a3 * b3;
      }
      let o = i * N + j;
      C[o] = alpha * c00;
      C[o + 1] = alpha * c01;
      C[o + 2] = alpha * c02;
      C[o + 3] = alpha * c03;
      o += N;
      C[o] = alpha * c10;
      C[o + 1] = alpha * c11;
      C[o + 2] = alpha * c12;
      C[o + 3] = alpha * c13;
      o += N;
      C[o] = alpha * c20;
      C[o + 1] = alpha * c21;
      C[o + 2] = alpha * c22;
      C[o + 3] = alpha * c23;
      o += N;
      C[o] = alpha * c30;
      C[o + 1] = alpha * c31;
      C[o + 2] = alpha * c32;
      C[o + 3] = alpha * c33;
    }
  }
  outputByOutput(M, N, K, a, ar, ac, b, br, bc, C, alpha, bias, M4, N4);
}
