import { EmptyBatchError, type Matrix, NonFiniteError, ShapeError, TargetRangeError } from '@onegrad/core';
import { type BadInput, type BadInputContext, LR, m, poke, rows } from './bad-input.js';

// The seed's batch: x = [[1, 1], [0, 0]] (2x2), y = [[1], [0]] (2x1).
const X = [1, 1, 0, 0];
const Y = [1, 0];
const withX = (x: unknown) => (c: BadInputContext) => c.session.step({ ...c.batch, x: x as Matrix }, LR);
const withY = (y: unknown) => (c: BadInputContext) => c.session.step({ ...c.batch, y: y as Matrix }, LR);
const y = (values: number[]) => m(values, 2, 1);
const { NaN: NAN, POSITIVE_INFINITY: INF, NEGATIVE_INFINITY: NEG_INF } = Number;

/** Bad batches given to `step`: shapes, empty, non-finite, bce targets out of range. */
export const BATCH_ROWS: readonly BadInput[] = [
  ...rows(ShapeError, 'batch.x', {
    'x with 3 columns': [['batchx2', '2x3'], withX(m([1, 1, 1, 0, 0, 0], 2, 3))],
    'x of 2x2 holding 3 values': [
      ['batchx2', '2x2 with 3 values'],
      withX({ rows: 2, cols: 2, data: new Float64Array(3) }),
    ],
    'x of plain numbers': [['batchx2', 'Float32Array'], withX({ rows: 2, cols: 2, data: X })],
    'x with 1.5 rows': [['integers', '1.5x2'], withX({ rows: 1.5, cols: 2, data: new Float64Array(3) })],
    "x with rows '2' (a string)": [
      ['integers', '2x2'],
      withX({ rows: '2', cols: 2, data: new Float64Array(4) }),
    ],
  }),
  ...rows(ShapeError, 'batch.y', {
    'y with 1 row for 2 samples': [['2x1', '1x1'], withY(m([1], 1, 1))],
    'y with 2 columns': [['2x1', '2x2'], withY(m(X))],
  }),
  ...rows(ShapeError, 'batch', { 'no batch': [['{ x, y }'], (c) => c.session.step(undefined as never, LR)] }),
  ...rows(EmptyBatchError, 'batch.x', {
    'batch of 0 rows': [['0x2'], (c) => c.session.step({ x: m([], 0, 2), y: m([], 0, 1) }, LR)],
  }),
  ...rows(NonFiniteError, 'batch.x', {
    'NaN in x': [['(1, 0)', '2x2', 'NaN'], withX(m(poke(X, 2, NAN)))],
    '+Infinity in x': [['(0, 1)', '2x2', 'Infinity'], withX(m(poke(X, 1, INF)))],
    '-Infinity in x': [['(1, 1)', '2x2', '-Infinity'], withX(m(poke(X, 3, NEG_INF)))],
  }),
  ...rows(NonFiniteError, 'batch.y', {
    'NaN in y': [['(1, 0)', '2x1', 'NaN'], withY(y(poke(Y, 1, NAN)))],
    'Infinity in y': [['(0, 0)', '2x1', 'Infinity'], withY(y(poke(Y, 0, INF)))],
  }),
  ...rows(TargetRangeError, 'batch.y', {
    'bce target 1.5': [['[0, 1]', '(0, 0)', '2x1', '1.5'], withY(y(poke(Y, 0, 1.5)))],
    'bce target -0.5': [['[0, 1]', '(1, 0)', '2x1', '-0.5'], withY(y(poke(Y, 1, -0.5)))],
    'bce target 1 + 2^-52': [['(0, 0)', '2x1'], withY(y(poke(Y, 0, 1 + 2 ** -52)))],
  }),
];
