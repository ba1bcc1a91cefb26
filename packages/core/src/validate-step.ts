import type { BackendInfo } from './backend.js';
import type { DType } from './dtype.js';
import {
  LearningRateError,
  OptionError,
  ShapeError,
  TargetRangeError,
  UnsupportedDTypeError,
} from './errors.js';
import type { Matrix } from './matrix.js';
import { lossOf, type NetworkSpec } from './network-spec.js';
import type { Batch, StepOptions } from './session.js';
import { snapshotMatrix } from './snapshot.js';

const inputs = (spec: NetworkSpec): number => spec.sizes[0] as number;
const outputs = (spec: NetworkSpec): number => spec.sizes[spec.sizes.length - 1] as number;

/** Reads `x` once into a private copy in the spec's dtype: batch x n0, batch >= 1, all finite. */
export function snapshotInput(spec: NetworkSpec, x: Matrix, name = 'x'): Matrix {
  return snapshotMatrix(name, x, spec.dtype, { cols: inputs(spec) });
}

/** Reads a batch once into private copies: shapes, non-empty, finite, and targets the loss accepts. */
export function snapshotBatch(spec: NetworkSpec, batch: Batch, name = 'batch'): { x: Matrix; y: Matrix } {
  if (typeof batch !== 'object' || batch === null)
    throw new ShapeError(name, `expected { x, y }, got ${batch}`);
  const { x: rawX, y: rawY } = batch;
  const x = snapshotMatrix(`${name}.x`, rawX, spec.dtype, { cols: inputs(spec) });
  const { checkTargets } = lossOf(spec);
  const inRange =
    checkTargets &&
    ((exact: ArrayLike<number>, cols: number) => {
      const reason = checkTargets(exact, cols, spec.dtype);
      if (reason !== undefined) throw new TargetRangeError(`${name}.y`, reason);
    });
  const y = snapshotMatrix(`${name}.y`, rawY, spec.dtype, { rows: x.rows, cols: outputs(spec) }, inRange);
  return { x, y };
}

/** Checks the input of a forward pass: `x` is batch x n0, batch >= 1, all finite. */
export function validateInput(spec: NetworkSpec, x: Matrix, name = 'x'): void {
  snapshotInput(spec, x, name);
}

/** Checks a batch against the spec: shapes, non-empty, finite, and bce targets in [0, 1]. */
export function validateBatch(spec: NetworkSpec, batch: Batch, name = 'batch'): void {
  snapshotBatch(spec, batch, name);
}

/**
 * Reads step options once: the learning rate is a positive finite number and, when `dtype` is given,
 * stays positive and finite once rounded to it (1e39 is Infinity in float32, 1e-50 is 0); `trace` is a
 * boolean or absent (OptionError otherwise).
 */
export function snapshotStepOptions(
  options: StepOptions,
  name = 'options',
  dtype?: DType,
): { learningRate: number; trace: boolean } {
  if (typeof options !== 'object' || options === null) {
    throw new LearningRateError(`${name}.learningRate`, `expected options { learningRate }, got ${options}`);
  }
  const { learningRate: lr, trace } = options;
  if (typeof lr !== 'number' || !Number.isFinite(lr) || lr <= 0) {
    throw new LearningRateError(`${name}.learningRate`, `expected a positive finite number, got ${lr}`);
  }
  const rounded = dtype === 'float32' ? Math.fround(lr) : lr;
  if (!Number.isFinite(rounded) || rounded === 0) {
    throw new LearningRateError(`${name}.learningRate`, `${lr} rounds to ${rounded} in ${dtype}`);
  }
  // No truthiness: `trace: 1` or `'false'` is a mistake to name, not a value to guess at.
  if (trace !== undefined && typeof trace !== 'boolean') {
    throw new OptionError(
      `${name}.trace`,
      `expected true, false or undefined, got ${JSON.stringify(trace) ?? String(trace)}`,
    );
  }
  return { learningRate: lr, trace: trace === true };
}

/** Checks step options (see {@link snapshotStepOptions}). */
export function validateStepOptions(options: StepOptions, name = 'options', dtype?: DType): void {
  snapshotStepOptions(options, name, dtype);
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
