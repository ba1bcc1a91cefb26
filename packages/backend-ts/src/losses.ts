import type { DType, Loss, LossName, Matrix } from '@onegrad/core';
import { Buffer } from './buffer.js';

/** Per-element loss, unfused dA and output dZ of one loss, in plain numbers. */
interface LossMath {
  value(z: number, a: number, y: number): number;
  gradA(a: number, y: number): number;
  gradZ(a: number, y: number, dA: number): number;
}

const MATH: Record<LossName, LossMath> = {
  // -(y ln a + (1-y) ln(1-a)) from the logit, so it stays finite where a rounds to 0 or 1.
  bce: {
    value: (z, _a, y) => Math.max(z, 0) - z * y + Math.log1p(Math.exp(-Math.abs(z))),
    gradA: (a, y) => (a - y) / (a * (1 - a)),
    gradZ: (a, y) => a - y,
  },
  mse: {
    value: (_z, a, y) => (a - y) * (a - y),
    gradA: (a, y) => 2 * (a - y),
    gradZ: (a, _y, dA) => dA * (a * (1 - a)),
  },
};

/** A core Loss over typed-array matrices, writing into reused buffers. */
export class MatrixLoss implements Loss<Matrix> {
  readonly fused: boolean;
  private readonly math: LossMath;
  private readonly dA: Buffer;
  private readonly dZ: Buffer;
  private readonly j: Matrix;

  constructor(
    readonly name: LossName,
    dtype: DType,
    outputs: number,
  ) {
    this.math = MATH[name];
    this.fused = name === 'bce';
    this.dA = new Buffer(dtype, outputs);
    this.dZ = new Buffer(dtype, outputs);
    this.j = new Buffer(dtype, 1).rows(1);
  }

  /** J = (1/m) sum over samples and outputs of l, as a 1x1 matrix. */
  cost(z: Matrix, a: Matrix, y: Matrix): Matrix {
    let s = 0;
    for (let i = 0; i < z.data.length; i++) {
      s += this.math.value(z.data[i] as number, a.data[i] as number, y.data[i] as number);
    }
    this.j.data[0] = s / z.rows;
    return this.j;
  }

  /** Unfused per-sample dA = dl/da; not finite for bce where a is exactly 0 or 1. */
  gradA(a: Matrix, y: Matrix): Matrix {
    const out = this.dA.rows(a.rows);
    for (let i = 0; i < out.data.length; i++)
      out.data[i] = this.math.gradA(a.data[i] as number, y.data[i] as number);
    return out;
  }

  /** Output dZ: a - y for bce, dA * a (1 - a) for mse. */
  gradZ(a: Matrix, y: Matrix, dA: Matrix): Matrix {
    const out = this.dZ.rows(a.rows);
    for (let i = 0; i < out.data.length; i++) {
      out.data[i] = this.math.gradZ(a.data[i] as number, y.data[i] as number, dA.data[i] as number);
    }
    return out;
  }
}
