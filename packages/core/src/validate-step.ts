import type { BackendInfo } from './backend.js';
import type { DType } from './dtype.js';
import {
  EmptyBatchError,
  LearningRateError,
  ShapeError,
  TargetRangeError,
  UnsupportedDTypeError,
} from './errors.js';
import { assertFiniteIn, cellOf } from './finite-matrix.js';
import { type Matrix, shapeOf } from './matrix.js';
import type { NetworkSpec } from './network-spec.js';
import type { Batch, StepOptions } from './session.js';

function checkMatrix(name: string, m: Matrix | undefined, dtype: DType, cols: number, rows?: number): void {
  const expected = `${rows ?? 'batch'}x${cols}`;
  if (
    typeof m !== 'object' ||
    m === null ||
    !(m.data instanceof Float32Array || m.data instanceof Float64Array)
  ) {
    throw new ShapeError(
      name,
      `expected a ${expected} matrix with Float32Array or Float64Array data, got ${m}`,
    );
  }
  if (m.rows === 0) throw new EmptyBatchError(name, `expected at least one row, got ${shapeOf(m)}`);
  if (m.cols !== cols || (rows !== undefined && m.rows !== rows) || m.data.length !== m.rows * m.cols) {
    throw new ShapeError(name, `expected ${expected}, got ${shapeOf(m)} with ${m.data.length} values`);
  }
  assertFiniteIn(name, m, dtype);
}

/** Checks the input of a forward pass: `x` is batch x n0, batch >= 1, all finite. */
export function validateInput(spec: NetworkSpec, x: Matrix, name = 'x'): void {
  checkMatrix(name, x, spec.dtype, spec.sizes[0] as number);
}

/** Checks a batch against the spec: shapes, non-empty, finite, and bce targets in [0, 1]. */
export function validateBatch(spec: NetworkSpec, batch: Batch, name = 'batch'): void {
  if (typeof batch !== 'object' || batch === null)
    throw new ShapeError(name, `expected { x, y }, got ${batch}`);
  checkMatrix(`${name}.x`, batch.x, spec.dtype, spec.sizes[0] as number);
  checkMatrix(`${name}.y`, batch.y, spec.dtype, spec.sizes[spec.sizes.length - 1] as number, batch.x.rows);
  if (spec.loss === 'bce') {
    const bad = batch.y.data.findIndex((v) => v < 0 || v > 1);
    if (bad >= 0) {
      throw new TargetRangeError(
        `${name}.y`,
        `bce targets must lie in [0, 1]; element ${cellOf(bad, batch.y.cols)} of the ${shapeOf(batch.y)} matrix is ${batch.y.data[bad]}`,
      );
    }
  }
}

/**
 * Checks step options: the learning rate is a positive finite number and, when `dtype` is given, stays
 * positive and finite once rounded to it (1e39 is Infinity in float32, 1e-50 is 0).
 */
export function validateStepOptions(options: StepOptions, name = 'options', dtype?: DType): void {
  const lr = options?.learningRate;
  if (typeof lr !== 'number' || !Number.isFinite(lr) || lr <= 0) {
    throw new LearningRateError(`${name}.learningRate`, `expected a positive finite number, got ${lr}`);
  }
  const rounded = dtype === 'float32' ? Math.fround(lr) : lr;
  if (!Number.isFinite(rounded) || rounded === 0) {
    throw new LearningRateError(`${name}.learningRate`, `${lr} rounds to ${rounded} in ${dtype}`);
  }
}

/** Throws {@link UnsupportedDTypeError} unless the backend computes in the spec's dtype. */
export function assertDTypeSupported(info: BackendInfo, spec: NetworkSpec): void {
  if (!info.dtypes.includes(spec.dtype)) {
    throw new UnsupportedDTypeError(
      'spec.dtype',
      `backend '${info.name}' computes in ${info.dtypes.join(', ')}, not ${spec.dtype}`,
    );
  }
}
