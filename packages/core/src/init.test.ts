import { describe, expect, it } from 'vitest';
import {
  formatMatrix,
  fromRows,
  initParams,
  paramsBitEqual,
  serialQueue,
  toColumnLayout,
  transpose,
} from './index.js';

describe('initParams', () => {
  const spec = { sizes: [3, 4, 2], loss: 'bce', dtype: 'float32' } as const;
  it('is deterministic and seed-dependent', () => {
    expect(paramsBitEqual(initParams(spec, 7), initParams(spec, 7))).toBe(true);
    expect(paramsBitEqual(initParams(spec, 7), initParams(spec, 8))).toBe(false);
  });
  it('draws Glorot-uniform weights in the dtype, zero biases', () => {
    const [l1] = initParams(spec, 1);
    const r = Math.sqrt(6 / 7);
    expect(l1!.W.data).toBeInstanceOf(Float32Array);
    expect(Array.from(l1!.W.data).every((v) => Math.abs(v) <= r)).toBe(true);
    expect(Array.from(l1!.b.data)).toEqual([0, 0, 0, 0]);
  });
  it('rounds the float64 draw once to float32', () => {
    const w64 = initParams({ ...spec, dtype: 'float64' }, 5)[0]!.W.data;
    const w32 = initParams(spec, 5)[0]!.W.data;
    expect(Array.from(w32)).toEqual(Array.from(w64, Math.fround));
  });
});

describe('column layout', () => {
  it('shows batch x features as the seed does, features x batch', () => {
    const x = fromRows([
      [1, 1],
      [0, 0],
    ]);
    expect(toColumnLayout(x)).toEqual([
      [1, 0],
      [1, 0],
    ]);
    expect(transpose(transpose(x)).data).toEqual(x.data);
    expect(formatMatrix(fromRows([[0.5, Number.NaN, Number.POSITIVE_INFINITY]]), { digits: 2 })).toBe(
      '[ 0.50   NaN   Inf ]',
    );
  });
});

describe('serialQueue', () => {
  it('runs tasks in call order even when the first is slower, and survives a rejection', async () => {
    const q = serialQueue();
    const order: number[] = [];
    const a = q(async () => {
      await new Promise((r) => setTimeout(r, 20));
      order.push(1);
    });
    const b = q(() => {
      throw new Error('boom');
    });
    const c = q(() => order.push(3));
    await a;
    await expect(b).rejects.toThrow('boom');
    await c;
    expect(order).toEqual([1, 3]);
  });
});
