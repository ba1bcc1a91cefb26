import type { BackendInfo } from './backend.js';
import { firstNonFinite } from './dtype.js';
import {
  EmptyBatchError,
  LearningRateError,
  NonFiniteError,
  ShapeError,
  TargetRangeError,
  UnsupportedDTypeError,
} from './errors.js';
import { type Matrix, shapeOf } from './matrix.js';
import type { NetworkSpec } from './network-spec.js';
import type { Batch, StepOptions } from './session.js';

function checkMatrix(name: string, m: Matrix | undefined, cols: number, rows?: number): void {
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
  const bad = firstNonFinite(m.data);
  if (bad >= 0) {
    const at = `(${Math.floor(bad / m.cols)}, ${bad % m.cols})`;
    throw new NonFiniteError(name, `element ${at} of the ${shapeOf(m)} matrix is ${m.data[bad]}`);
  }
}

/** Checks the input of a forward pass: `x` is batch x n0, batch >= 1, all finite. */
export function validateInput(spec: NetworkSpec, x: Matrix, name = 'x'): void {
  checkMatrix(name, x, spec.sizes[0] as number);
}

/** Checks a batch against the spec: shapes, non-empty, finite, and bce targets in [0, 1]. */
export function validateBatch(spec: NetworkSpec, batch: Batch, name = 'batch'): void {
  if (typeof batch !== 'object' || batch === null)
    throw new ShapeError(name, `expected { x, y }, got ${batch}`);
  checkMatrix(`${name}.x`, batch.x, spec.sizes[0] as number);
  checkMatrix(`${name}.y`, batch.y, spec.sizes[spec.sizes.length - 1] as number, batch.x.rows);
  if (spec.loss === 'bce') {
    const bad = batch.y.data.findIndex((v) => v < 0 || v > 1);
    if (bad >= 0) {
      throw new TargetRangeError(
        `${name}.y`,
        `bce targets must lie in [0, 1]; element ${bad} is ${batch.y.data[bad]}`,
      );
    }
  }
}

/** Checks step options: the learning rate is a positive finite number. */
export function validateStepOptions(options: StepOptions, name = 'options'): void {
  const lr = options?.learningRate;
  if (typeof lr !== 'number' || !Number.isFinite(lr) || lr <= 0) {
    throw new LearningRateError(`${name}.learningRate`, `expected a positive finite number, got ${lr}`);
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
