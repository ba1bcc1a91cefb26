import {
  DisposedError,
  DivergenceError,
  fromRows,
  initParams,
  LearningRateError,
  type NetworkSpec,
  paramsBitEqual,
  ShapeError,
  UnsupportedDTypeError,
} from '@onegrad/core';
import { describe, expect, it } from 'vitest';
import { createTsBackend } from './index.js';

const spec: NetworkSpec = { sizes: [2, 3, 1], loss: 'bce', dtype: 'float32' };
const batch = {
  x: fromRows([
    [1, 1],
    [0, 0],
  ]),
  y: fromRows([[1], [0]]),
};

describe('backend-ts session', () => {
  it('declares float32 and float64 and computes in the spec dtype', async () => {
    const backend = createTsBackend();
    await backend.init();
    expect(backend.info.dtypes).toEqual(['float32', 'float64']);
    const session = await backend.createSession(spec, initParams(spec, 1));
    const { trace } = await session.step(batch, { learningRate: 0.5, trace: true });
    expect(trace!.layers[0]!.z.data).toBeInstanceOf(Float32Array);
    expect((await session.forward(batch.x)).data).toBeInstanceOf(Float32Array);
  });

  it('hands parameters over bit for bit and does not alias the caller', async () => {
    const params = initParams(spec, 2);
    const a = await createTsBackend().createSession(spec, params);
    await a.step(batch, { learningRate: 0.5 });
    const mid = await a.getParams();
    const b = await createTsBackend().createSession(spec, mid);
    (mid[0]!.W.data as Float32Array)[0] = 99;
    await a.step(batch, { learningRate: 0.5 });
    await b.step(batch, { learningRate: 0.5 });
    expect(paramsBitEqual(await a.getParams(), await b.getParams())).toBe(true);
  });

  it('leaves the parameters unchanged after a rejected step', async () => {
    const session = await createTsBackend().createSession(spec, initParams(spec, 3));
    const before = await session.getParams();
    await expect(
      session.step({ x: fromRows([[1, 1, 1]]), y: fromRows([[1]]) }, { learningRate: 0.1 }),
    ).rejects.toThrow(ShapeError);
    await expect(session.step(batch, { learningRate: -1 })).rejects.toThrow(LearningRateError);
    expect(paramsBitEqual(before, await session.getParams())).toBe(true);
  });

  it('refuses a step whose update is not finite, keeping the old weights', async () => {
    const s64: NetworkSpec = { sizes: [1, 1], loss: 'bce', dtype: 'float32' };
    const session = await createTsBackend().createSession(s64, [
      { W: fromRows([[0.5]]), b: fromRows([[0]]) },
    ]);
    const before = await session.getParams();
    await expect(
      session.step({ x: fromRows([[1e30]]), y: fromRows([[0]]) }, { learningRate: 1e30 }),
    ).rejects.toThrow(DivergenceError);
    expect(paramsBitEqual(before, await session.getParams())).toBe(true);
  });

  it('serializes concurrent steps in call order', async () => {
    const p = initParams(spec, 4);
    const a = await createTsBackend().createSession(spec, p);
    const b = await createTsBackend().createSession(spec, p);
    await Promise.all([a.step(batch, { learningRate: 0.1 }), a.step(batch, { learningRate: 0.2 })]);
    await b.step(batch, { learningRate: 0.1 });
    await b.step(batch, { learningRate: 0.2 });
    expect(paramsBitEqual(await a.getParams(), await b.getParams())).toBe(true);
  });

  it('throws DisposedError after dispose, and dispose twice is harmless', async () => {
    const backend = createTsBackend();
    const session = await backend.createSession(spec, initParams(spec, 1));
    session.dispose();
    session.dispose();
    await expect(session.step(batch, { learningRate: 0.1 })).rejects.toThrow(DisposedError);
    const other = await backend.createSession(spec, initParams(spec, 1));
    await backend.dispose();
    await expect(other.getParams()).rejects.toThrow(DisposedError);
    await expect(backend.createSession(spec, initParams(spec, 1))).rejects.toThrow(DisposedError);
  });

  it('does not know float16 and says so', async () => {
    const bad = { ...spec, dtype: 'float16' } as unknown as NetworkSpec;
    await expect(createTsBackend().createSession(bad, [])).rejects.toThrow(/spec\.dtype/);
    expect(UnsupportedDTypeError).toBeDefined();
  });
});
