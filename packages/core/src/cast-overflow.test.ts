import { describe, expect, it } from 'vitest';
import {
  fromRows,
  NonFiniteError,
  validateBatch,
  validateInput,
  validateParams,
  validateSpec,
} from './index.js';

// A float64 value can be finite yet round to Infinity in a float32 session: it must be refused, not stored.
describe('values that overflow the session dtype', () => {
  const f32 = validateSpec({ sizes: [1, 1], loss: 'bce', dtype: 'float32' });
  const f64 = validateSpec({ ...f32, dtype: 'float64' });

  it('refuses parameters that round to Infinity in float32, naming the element and the rounding', () => {
    const params = [{ W: fromRows([[1e39]]), b: fromRows([[0]]) }];
    expect(() => validateParams(f32, params)).toThrow(NonFiniteError);
    expect(() => validateParams(f32, params)).toThrow(
      /params\[0\]\.W: element \(0, 0\) of the 1x1 matrix is 1e\+39, which rounds to Infinity in float32/,
    );
    expect(validateParams(f64, params)[0]!.W.data[0]).toBe(1e39);
  });

  it('refuses inputs and targets that round to Infinity in float32', () => {
    expect(() => validateInput(f32, fromRows([[-1e39]]))).toThrow(/rounds to -Infinity in float32/);
    const mse = validateSpec({ ...f32, loss: 'mse' });
    expect(() => validateBatch(mse, { x: fromRows([[1]]), y: fromRows([[4e38]]) })).toThrow(NonFiniteError);
    expect(() => validateInput(f64, fromRows([[-1e39]]))).not.toThrow();
  });
});
