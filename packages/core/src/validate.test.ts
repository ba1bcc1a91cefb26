import { describe, expect, it } from 'vitest';
import {
  assertDTypeSupported,
  EmptyBatchError,
  fromRows,
  fusesOutput,
  initParams,
  LearningRateError,
  NonFiniteError,
  ShapeError,
  SpecError,
  TargetRangeError,
  UnsupportedDTypeError,
  validateBatch,
  validateParams,
  validateSpec,
  validateStepOptions,
  zeros,
} from './index.js';

const spec = validateSpec({ sizes: [2, 3, 1], loss: 'bce', dtype: 'float32' });

describe('validateSpec', () => {
  it.each([
    [{ sizes: [2], loss: 'bce', dtype: 'float32' }, 'spec.sizes'],
    [{ sizes: [2, 0], loss: 'bce', dtype: 'float32' }, 'spec.sizes[1]'],
    [{ sizes: [2, 1.5], loss: 'bce', dtype: 'float32' }, 'spec.sizes[1]'],
    [{ sizes: [2, 1], loss: 'hinge', dtype: 'float32' }, 'spec.loss'],
    [{ sizes: [2, 1], loss: 'mse', dtype: 'float16' }, 'spec.dtype'],
    [{ sizes: [2, 3], loss: 'cce', dtype: 'float32' }, 'spec.loss'],
    [
      { sizes: [2, 3, 1], loss: 'bce', dtype: 'float32', activations: ['relu', 'tanh'] },
      'spec.activations[1]',
    ],
    [
      { sizes: [2, 3, 3], loss: 'mse', dtype: 'float32', activations: ['softmax', 'tanh'] },
      'spec.activations[0]',
    ],
    [
      { sizes: [2, 3, 1], loss: 'mse', dtype: 'float32', activations: ['relu', 'softmax'] },
      'spec.activations[1]',
    ],
    [
      { sizes: [2, 3, 1], loss: 'mse', dtype: 'float32', activations: ['relu', 'swish'] },
      'spec.activations[1]',
    ],
    [{ sizes: [2, 3, 1], loss: 'mse', dtype: 'float32', activations: ['relu'] }, 'spec.activations'],
  ])('rejects %j naming %s', (bad, parameter) => {
    expect(() => validateSpec(bad)).toThrow(SpecError);
    expect(() => validateSpec(bad)).toThrow(expect.objectContaining({ parameter }));
  });
  it('returns a frozen copy', () => {
    const sizes = [2, 1];
    const s = validateSpec({ sizes, loss: 'mse', dtype: 'float64' });
    sizes[0] = 9;
    expect(s.sizes).toEqual([2, 1]);
    expect(Object.isFrozen(s)).toBe(true);
  });
});

describe('activations and pairs', () => {
  it('names the layer and the pair', () => {
    expect(() =>
      validateSpec({ sizes: [2, 3, 1], loss: 'bce', dtype: 'float32', activations: ['relu', 'tanh'] }),
    ).toThrow("loss 'bce' follows a sigmoid output, got tanh on layer 2");
  });
  it('keeps a spec without activations as it was, and fuses exactly the canonical pairs', () => {
    expect(validateSpec({ sizes: [2, 1], loss: 'bce', dtype: 'float32' })).toEqual({
      sizes: [2, 1],
      loss: 'bce',
      dtype: 'float32',
    });
    const pair = (activations: string[], loss: string) =>
      fusesOutput(validateSpec({ sizes: [2, 3, 3], loss, dtype: 'float64', activations }));
    expect(pair(['tanh', 'sigmoid'], 'bce')).toBe(true);
    expect(pair(['tanh', 'softmax'], 'cce')).toBe(true);
    expect(pair(['tanh', 'identity'], 'mse')).toBe(true);
    expect(pair(['tanh', 'sigmoid'], 'mse')).toBe(false);
    expect(pair(['tanh', 'softmax'], 'mse')).toBe(false);
    expect(pair(['tanh', 'tanh'], 'mse')).toBe(false);
  });
  it('checks cce targets: each in [0, 1], each row a distribution', () => {
    const cce = validateSpec({ sizes: [1, 3], loss: 'cce', dtype: 'float32', activations: ['softmax'] });
    const x = fromRows([[1], [2]]);
    expect(() =>
      validateBatch(cce, {
        x,
        y: fromRows([
          [0.25, 0.25, 0.5],
          [1, 0, 0],
        ]),
      }),
    ).not.toThrow();
    expect(() =>
      validateBatch(cce, {
        x,
        y: fromRows(
          [
            [0.1, 0.2, 0.7],
            [0, 1, 0],
          ],
          'float32',
        ),
      }),
    ).not.toThrow();
    expect(() =>
      validateBatch(cce, {
        x,
        y: fromRows([
          [0.5, 0.25, 0.5],
          [1, 0, 0],
        ]),
      }),
    ).toThrow(/row 0 sums to 1.25/);
    expect(() =>
      validateBatch(cce, {
        x,
        y: fromRows([
          [1.5, -0.5, 0],
          [1, 0, 0],
        ]),
      }),
    ).toThrow(TargetRangeError);
  });
});

describe('validateBatch', () => {
  const x = fromRows([
    [1, 1],
    [0, 0],
  ]);
  const y = fromRows([[1], [0]]);
  it('accepts a well-formed batch', () => expect(() => validateBatch(spec, { x, y })).not.toThrow());
  it('names the parameter and the shapes', () => {
    expect(() => validateBatch(spec, { x: fromRows([[1, 1, 1]]), y })).toThrow(
      /batch\.x: expected batchx2, got 1x3/,
    );
    expect(() => validateBatch(spec, { x, y: fromRows([[1]]) })).toThrow(ShapeError);
    expect(() => validateBatch(spec, { x, y: fromRows([[1]]) })).toThrow(/batch\.y: expected 2x1, got 1x1/);
  });
  it('rejects empty, non-finite and out-of-range input', () => {
    expect(() => validateBatch(spec, { x: zeros(0, 2, 'float32'), y: zeros(0, 1, 'float32') })).toThrow(
      EmptyBatchError,
    );
    expect(() =>
      validateBatch(spec, {
        x: fromRows([
          [1, Number.NaN],
          [0, 0],
        ]),
        y,
      }),
    ).toThrow(NonFiniteError);
    expect(() => validateBatch(spec, { x, y: fromRows([[1.5], [0]]) })).toThrow(TargetRangeError);
    const mse = validateSpec({ ...spec, loss: 'mse' });
    expect(() => validateBatch(mse, { x, y: fromRows([[1.5], [0]]) })).not.toThrow();
  });
  it.each([0, -1, Number.NaN, Number.POSITIVE_INFINITY])('rejects learning rate %s', (lr) => {
    expect(() => validateStepOptions({ learningRate: lr })).toThrow(LearningRateError);
  });
});

describe('validateParams and dtypes', () => {
  it('checks shapes per layer and copies', () => {
    const p = initParams(spec, 3);
    const copy = validateParams(spec, p);
    expect(copy[0]!.W.data).not.toBe(p[0]!.W.data);
    expect(() => validateParams(spec, [p[1]!, p[0]!])).toThrow(/params\[0\]\.W: expected 2x3, got 3x1/);
    expect(() => validateParams(spec, p.slice(0, 1))).toThrow(/expected 2 layers/);
  });
  it('refuses a dtype the backend lacks', () => {
    const info = { name: 'x', engine: 'x', dtypes: ['float32'] as const };
    expect(() => assertDTypeSupported(info, { ...spec, dtype: 'float64' })).toThrow(UnsupportedDTypeError);
  });
});
