import { EmptyBatchError, LearningRateError, NonFiniteError, OptionError, ShapeError } from '@onegrad/core';
import { type BadInput, type BadInputContext, m, type Row, rows } from './bad-input.js';

const lr =
  (value: unknown): Row[1] =>
  (c: BadInputContext) =>
    c.session.step(c.batch, { learningRate: value as number });
const rate = (value: unknown): Row => [[String(value)], lr(value)];

/** Bad step options (the learning rate) and bad inputs of `forward`. */
export const CALL_ROWS: readonly BadInput[] = [
  ...rows(LearningRateError, 'options.learningRate', {
    'learning rate 0': rate(0),
    'learning rate -0.1': rate(-0.1),
    'learning rate NaN': rate(Number.NaN),
    'learning rate Infinity': rate(Number.POSITIVE_INFINITY),
    'learning rate -Infinity': rate(Number.NEGATIVE_INFINITY),
    'learning rate undefined': rate(undefined),
    "learning rate '0.1' (a string)": rate('0.1'),
    'no step options': [['undefined'], (c) => c.session.step(c.batch, undefined as never)],
  }),
  ...rows(OptionError, 'options.trace', {
    'trace 1 (a number)': [
      ['got 1'],
      (c) => c.session.step(c.batch, { learningRate: 0.1, trace: 1 as never }),
    ],
    "trace 'false' (a string)": [
      ['"false"'],
      (c) => c.session.step(c.batch, { learningRate: 0.1, trace: 'false' as never }),
    ],
  }),
  ...rows(ShapeError, 'x', {
    'forward of a 1x3 x': [['batchx2', '1x3'], (c) => c.session.forward(m([1, 1, 1], 1, 3))],
    'forward of 1.5 rows': [
      ['integers', '1.5x2'],
      (c) => c.session.forward({ rows: 1.5, cols: 2, data: new Float64Array(3) }),
    ],
    "forward of cols '2' (a string)": [
      ['integers', '1x2'],
      (c) => c.session.forward({ rows: 1, cols: '2' as never, data: new Float64Array(2) }),
    ],
  }),
  ...rows(EmptyBatchError, 'x', { 'forward of 0 rows': [['0x2'], (c) => c.session.forward(m([], 0, 2))] }),
  ...rows(NonFiniteError, 'x', {
    'forward of NaN': [['(0, 1)', '1x2', 'NaN'], (c) => c.session.forward(m([1, Number.NaN], 1, 2))],
  }),
];
