import {
  BackendInitError,
  DisposedError,
  DivergenceError,
  fromRows,
  LearningRateError,
  type NetworkSpec,
  paramsBitEqual,
  ShapeError,
  TargetRangeError,
  UnsupportedDTypeError,
} from '@onegrad/core';
import { describe, expect, it } from 'vitest';
import { createTfjsBackend, type TfjsBackendName } from './index.js';
import { seedNet } from './seed-net.test.util.js';

describe('backend errors', () => {
  it('refuses float64 with a typed error instead of downcasting', async () => {
    const { params } = seedNet('bce');
    const spec: NetworkSpec = { sizes: [2, 2, 1], loss: 'bce', dtype: 'float64' };
    const backend = createTfjsBackend();
    expect(backend.info.dtypes).toEqual(['float32']);
    await expect(backend.createSession(spec, params)).rejects.toBeInstanceOf(UnsupportedDTypeError);
  });

  it('names a tfjs backend that cannot start here', async () => {
    const error = await createTfjsBackend({ tfBackend: 'webgl' })
      .init()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BackendInitError);
    expect((error as Error).message).toMatch(/webgl.*not available/);
    expect(() => createTfjsBackend({ tfBackend: 'gpu' as TfjsBackendName })).toThrow(BackendInitError);
  });

  it('says which tfjs backend it runs on', () => {
    expect(createTfjsBackend().info).toEqual({
      name: 'tfjs-cpu',
      engine: '@tensorflow/tfjs 4.22.0 (cpu)',
      dtypes: ['float32'],
    });
    expect(createTfjsBackend({ tfBackend: 'wasm' }).info.name).toBe('tfjs-wasm');
  });

  it('throws DisposedError after dispose; disposing twice is harmless', async () => {
    const { spec, params, batch } = seedNet('bce');
    const backend = createTfjsBackend();
    const session = await backend.createSession(spec, params);
    session.dispose();
    session.dispose();
    await expect(session.step(batch, { learningRate: 0.1 })).rejects.toBeInstanceOf(DisposedError);
    await expect(session.getParams()).rejects.toBeInstanceOf(DisposedError);
    await backend.dispose();
    await backend.dispose();
    await expect(backend.createSession(spec, params)).rejects.toBeInstanceOf(DisposedError);
  });
});

describe.each(['cpu', 'wasm'] as const)(
  'rejected calls on tfjs-%s leave the parameters as they were',
  (tfBackend) => {
    it('rejects bad batches, options and params with typed errors', async () => {
      const { spec, params, batch } = seedNet('bce');
      const backend = createTfjsBackend({ tfBackend });
      const session = await backend.createSession(spec, params);
      const wide = { x: fromRows([[1, 2, 3]]), y: fromRows([[1]]) };
      await expect(session.step(wide, { learningRate: 0.1 })).rejects.toBeInstanceOf(ShapeError);
      await expect(
        session.step({ ...batch, y: fromRows([[2], [0]]) }, { learningRate: 0.1 }),
      ).rejects.toBeInstanceOf(TargetRangeError);
      await expect(session.step(batch, { learningRate: -1 })).rejects.toBeInstanceOf(LearningRateError);
      await expect(session.forward(fromRows([[1]]))).rejects.toBeInstanceOf(ShapeError);
      await expect(session.setParams(params.slice(1))).rejects.toBeInstanceOf(ShapeError);
      expect(paramsBitEqual(await session.getParams(), params)).toBe(true);
      await backend.dispose();
    });

    it('refuses a step whose update overflows, and one whose loss is infinite', async () => {
      const spec: NetworkSpec = { sizes: [1, 1], loss: 'bce', dtype: 'float32' };
      const params = [{ W: fromRows([[0]], 'float32'), b: fromRows([[0]], 'float32') }];
      const backend = createTfjsBackend({ tfBackend });
      const session = await backend.createSession(spec, params);
      const batch = { x: fromRows([[1e30]]), y: fromRows([[0]]) };
      const overflow = await session.step(batch, { learningRate: 1e10 }).catch((e: unknown) => e);
      expect(overflow).toBeInstanceOf(DivergenceError);
      expect((overflow as DivergenceError).parameter).toBe('params[0].W');
      expect(paramsBitEqual(await session.getParams(), params)).toBe(true);
      const big = [{ W: fromRows([[1e10]], 'float32'), b: fromRows([[0]], 'float32') }];
      await session.setParams(big);
      const infinite = await session.step(batch, { learningRate: 0.1, trace: true }).catch((e: unknown) => e);
      expect(infinite).toBeInstanceOf(DivergenceError);
      expect((infinite as DivergenceError).parameter).toBe('loss');
      expect(paramsBitEqual(await session.getParams(), big)).toBe(true);
      await backend.dispose();
    });

    it('takes and returns parameters bit for bit', async () => {
      const { spec, params } = seedNet('mse');
      const odd = new Float32Array([1e-45, -0, 3.4028234663852886e38, 1 / 3]);
      const backend = createTfjsBackend({ tfBackend });
      const session = await backend.createSession(spec, params);
      const next = [{ W: { rows: 2, cols: 2, data: odd }, b: params[0]!.b }, params[1]!];
      await session.setParams(next);
      odd[0] = 7; // the session holds its own copy
      const back = await session.getParams();
      expect(Array.from(new Uint32Array(back[0]!.W.data.buffer))).toEqual([
        1, 0x80000000, 0x7f7fffff, 0x3eaaaaab,
      ]);
      await backend.dispose();
    });
  },
);
