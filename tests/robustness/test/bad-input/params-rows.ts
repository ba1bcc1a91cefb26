import { type Matrix, NonFiniteError, ShapeError } from '@onegrad/core';
import { type BadInput, type BadInputContext, m, poisoned, type Row, rows } from './bad-input.js';

const set =
  (layer: number, key: 'W' | 'b', value: Matrix): Row[1] =>
  (c: BadInputContext) =>
    c.session.setParams(c.params.map((p, l) => (l === layer ? { ...p, [key]: value } : p)));
const poison =
  (layer: number, key: 'W' | 'b', value: number): Row[1] =>
  (c: BadInputContext) =>
    c.session.setParams(poisoned(c, layer, key, value));

/** Bad parameters given to `setParams` or `createSession` (seed shapes: W1 2x2, b1 1x2, W2 2x1, b2 1x1). */
export const PARAMS_ROWS: readonly BadInput[] = [
  ...rows(NonFiniteError, 'params[0].W', {
    'setParams with NaN in W1': [['(1, 1)', '2x2', 'NaN'], poison(0, 'W', Number.NaN)],
    'createSession with NaN in W1': [
      ['(1, 1)', '2x2', 'NaN'],
      (c) => c.backend.createSession(c.session.spec, poisoned(c, 0, 'W', Number.NaN)),
    ],
  }),
  ...rows(NonFiniteError, 'params[1].b', {
    'setParams with Infinity in b2': [
      ['(0, 0)', '1x1', 'Infinity'],
      poison(1, 'b', Number.POSITIVE_INFINITY),
    ],
    'createSession with Infinity in b2': [
      ['(0, 0)', '1x1', 'Infinity'],
      (c) => c.backend.createSession(c.session.spec, poisoned(c, 1, 'b', Number.POSITIVE_INFINITY)),
    ],
  }),
  ...rows(NonFiniteError, 'params[1].W', {
    'setParams with -Infinity in W2': [
      ['(1, 0)', '2x1', '-Infinity'],
      poison(1, 'W', Number.NEGATIVE_INFINITY),
    ],
  }),
  ...rows(ShapeError, 'params', {
    'setParams with one layer': [
      ['2 layers', '[2, 2, 1]', 'got 1'],
      (c) => c.session.setParams(c.params.slice(0, 1)),
    ],
  }),
  ...rows(ShapeError, 'params[0].W', {
    'setParams with a sparse array of 2 layers': [['2x2'], (c) => c.session.setParams(new Array(2))],
    'createSession with a sparse array of 2 layers': [
      ['2x2'],
      (c) => c.backend.createSession(c.session.spec, new Array(2)),
    ],
  }),
  ...rows(ShapeError, 'params[1].W', {
    'setParams with layer 2 a hole': [
      ['2x1'],
      (c) => {
        const holed = new Array(2);
        holed[0] = c.params[0];
        return c.session.setParams(holed);
      },
    ],
    'setParams with W2 transposed': [['2x1', '1x2'], set(1, 'W', m([0.5, -0.75], 1, 2))],
  }),
  ...rows(ShapeError, 'params[0].b', {
    'setParams with b1 of 1x3': [['1x2', '1x3'], set(0, 'b', m([0, 0, 0], 1, 3))],
  }),
];
