import { type DType, type Matrix, zeros } from '@onegrad/core';

/** A reusable matrix buffer: reallocated only when the requested shape changes. */
export class Buffer {
  private m: Matrix;
  constructor(
    private readonly dtype: DType,
    private readonly cols: number,
  ) {
    this.m = zeros(0, cols, dtype);
  }

  /** The buffer with `rows` rows, reusing the previous allocation when the shape is unchanged. */
  rows(rows: number): Matrix {
    if (this.m.rows !== rows) this.m = zeros(rows, this.cols, this.dtype);
    return this.m;
  }
}
