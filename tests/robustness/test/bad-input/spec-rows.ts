import { type DType, SpecError, UnsupportedDTypeError } from '@onegrad/core';
import { type BadInput, type BadInputContext, type Row, rows } from './bad-input.js';

const spec =
  (sizes: unknown, loss: unknown = 'bce', dtype?: unknown): Row[1] =>
  (c: BadInputContext) =>
    c.backend.createSession({ sizes, loss, dtype: dtype ?? c.dtype } as never, c.params);

/** Malformed network specs given to `createSession`. */
export const SPEC_ROWS: readonly BadInput[] = [
  ...rows(SpecError, 'spec.sizes[1]', {
    'spec with width 0': [['>= 1', 'got 0'], spec([2, 0, 1])],
    'spec with width 1.5': [['>= 1', '1.5'], spec([2, 1.5, 1])],
    'spec with width -1': [['>= 1', '-1'], spec([2, -1, 1])],
    'spec with width 2^31': [['2147483648', 'MAX_WIDTH'], spec([2, 2 ** 31, 1])],
    'spec with width 2^53 + 1': [['9007199254740992'], spec([2, 2 ** 53 + 1, 1])],
    'spec with width 1e300': [['1e+300'], spec([2, 1e300, 1])],
  }),
  ...rows(SpecError, 'spec.sizes[2]', {
    "spec with width '1' (a string)": [['"1"'], spec([2, 2, '1'])],
  }),
  ...rows(SpecError, 'spec.sizes', {
    'spec [1e5, 1e5, 1] of 1e10 parameters': [['10000200001', 'MAX_PARAMETERS'], spec([1e5, 1e5, 1])],
    'spec of 1001 layers': [['1001 layers', 'MAX_LAYERS'], spec(Array(1002).fill(1))],
    'spec with one size': [['at least two', '[2]'], spec([2])],
    'spec with no sizes': [['at least two', 'undefined'], spec(undefined)],
  }),
  ...rows(SpecError, 'spec.loss', { 'spec with loss hinge': [['"hinge"'], spec([2, 2, 1], 'hinge')] }),
  ...rows(SpecError, 'spec.dtype', {
    'spec with dtype float16': [['"float16"'], spec([2, 2, 1], 'bce', 'float16')],
  }),
];

/** Refused only by backends that lack float64. */
export const FLOAT64_ROWS: readonly BadInput[] = rows(UnsupportedDTypeError, 'spec.dtype', {
  'float64 spec on a float32-only backend': [
    ['float64', 'float32'],
    spec([2, 2, 1], 'bce', 'float64' as DType),
  ],
});
