import {
  type Batch,
  type DType,
  EmptyBatchError,
  LearningRateError,
  type Matrix,
  matrix,
  type NetworkSpec,
  NonFiniteError,
  type Params,
  ShapeError,
  SpecError,
  type StepOptions,
  TargetRangeError,
} from '@onegrad/core';
import type { ErrorClass } from './expect-rejection.js';

/** One bad argument: what it is, the call's arguments, the core error class and the parameter it must name. */
export interface BadInput<A> {
  readonly what: string;
  readonly args: A;
  readonly error: ErrorClass;
  readonly parameter: string;
}

const m = (rows: number, cols: number, values: number[] | number, dtype: DType): Matrix =>
  matrix(rows, cols, typeof values === 'number' ? new Array(rows * cols).fill(values) : values, dtype);

/** Bad network specs and parameters for `createSession(spec, params)`, around a valid 2-2-1 bce network. */
export function badSessions(spec: NetworkSpec, params: Params): BadInput<readonly [NetworkSpec, Params]>[] {
  const { dtype } = spec;
  const [l1, l2] = params as [Params[number], Params[number]];
  return [
    { what: 'spec.sizes [2]', args: [{ ...spec, sizes: [2] }, params], error: SpecError, parameter: 'spec' },
    {
      what: 'spec.loss "hinge"',
      args: [{ ...spec, loss: 'hinge' as NetworkSpec['loss'] }, params],
      error: SpecError,
      parameter: 'spec',
    },
    { what: 'one layer of params for two', args: [spec, [l1]], error: ShapeError, parameter: 'params' },
    {
      what: 'params[0].W 3x2 for 2x2',
      args: [spec, [{ W: m(3, 2, 0.25, dtype), b: l1.b }, l2]],
      error: ShapeError,
      parameter: 'params',
    },
    {
      what: 'NaN in params[1].b',
      args: [spec, [l1, { W: l2.W, b: m(1, 1, Number.NaN, dtype) }]],
      error: NonFiniteError,
      parameter: 'params',
    },
  ];
}

/** Bad inputs for `forward(x)` of a network with n0 inputs. */
export function badInputs(n0: number, dtype: DType): BadInput<Matrix>[] {
  return [
    { what: `x with ${n0 + 1} columns`, args: m(1, n0 + 1, 0.5, dtype), error: ShapeError, parameter: 'x' },
    { what: 'x with no rows', args: m(0, n0, [], dtype), error: EmptyBatchError, parameter: 'x' },
    { what: 'NaN in x', args: m(2, n0, Number.NaN, dtype), error: NonFiniteError, parameter: 'x' },
    {
      what: 'x whose data is a plain array',
      args: { rows: 1, cols: n0, data: new Array(n0).fill(0.5) } as unknown as Matrix,
      error: ShapeError,
      parameter: 'x',
    },
  ];
}

/** Bad batches and options for `step(batch, options)` of a bce network with n0 inputs and one output. */
export function badSteps(n0: number, dtype: DType, lr: number): BadInput<readonly [Batch, StepOptions]>[] {
  const x = m(2, n0, 0.5, dtype);
  const y = m(2, 1, 1, dtype);
  const ok = { learningRate: lr };
  const rows: BadInput<readonly [Batch, StepOptions]>[] = [
    {
      what: `batch.x with ${n0 + 1} columns`,
      args: [{ x: m(2, n0 + 1, 0.5, dtype), y }, ok],
      error: ShapeError,
      parameter: 'batch.x',
    },
    {
      what: 'batch.y with 3 rows for 2',
      args: [{ x, y: m(3, 1, 1, dtype) }, ok],
      error: ShapeError,
      parameter: 'batch.y',
    },
    {
      what: 'an empty batch',
      args: [{ x: m(0, n0, [], dtype), y: m(0, 1, [], dtype) }, ok],
      error: EmptyBatchError,
      parameter: 'batch.x',
    },
    {
      what: 'Infinity in batch.x',
      args: [{ x: m(2, n0, Number.POSITIVE_INFINITY, dtype), y }, ok],
      error: NonFiniteError,
      parameter: 'batch.x',
    },
    {
      what: 'NaN in batch.y',
      args: [{ x, y: m(2, 1, Number.NaN, dtype) }, ok],
      error: NonFiniteError,
      parameter: 'batch.y',
    },
    {
      what: 'bce target 2 in batch.y',
      args: [{ x, y: m(2, 1, 2, dtype) }, ok],
      error: TargetRangeError,
      parameter: 'batch.y',
    },
    { what: 'batch without y', args: [{ x } as Batch, ok], error: ShapeError, parameter: 'batch.y' },
  ];
  for (const learningRate of [0, -0.1, Number.NaN, Number.POSITIVE_INFINITY]) {
    rows.push({
      what: `learningRate ${learningRate}`,
      args: [{ x, y }, { learningRate }],
      error: LearningRateError,
      parameter: 'options.learningRate',
    });
  }
  return rows;
}

/** Bad parameters for `setParams(params)`. */
export function badParams(params: Params, dtype: DType): BadInput<Params>[] {
  const [l1, l2] = params as [Params[number], Params[number]];
  return [
    { what: 'three layers for two', args: [l1, l2, l2], error: ShapeError, parameter: 'params' },
    {
      what: 'params[1].W 1x1 for 2x1',
      args: [l1, { W: m(1, 1, 0.5, dtype), b: l2.b }],
      error: ShapeError,
      parameter: 'params',
    },
    {
      what: 'Infinity in params[0].W',
      args: [{ W: m(2, 2, Number.POSITIVE_INFINITY, dtype), b: l1.b }, l2],
      error: NonFiniteError,
      parameter: 'params',
    },
  ];
}
