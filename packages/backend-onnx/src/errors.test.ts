import {
  BackendInitError,
  BackendOptionError,
  DisposedError,
  DivergenceError,
  EmptyBatchError,
  fromRows,
  LearningRateError,
  matrix,
  NonFiniteError,
  paramsBitEqual,
  ShapeError,
  SpecError,
  TargetRangeError,
} from '@onegrad/core';
import { afterAll, describe, expect, it } from 'vitest';
import { createOnnxBackend } from './index.js';
import { createRuntimeBackend } from './onnx-backend.js';
import { seedBatch, seedParams, seedSpec } from './test/seed-net.js';

const backend = createOnnxBackend();
afterAll(() => backend.dispose());
const spec = seedSpec('bce', 'float32');
const lr = { learningRate: 0.1 };

describe('a rejected call leaves the session exactly as it was', () => {
  it.each([
    ['x with 3 columns', { x: matrix(1, 3, [1, 2, 3]), y: matrix(1, 1, [1]) }, lr, ShapeError],
    ['y rows differ from x', { x: seedBatch.x, y: matrix(1, 1, [1]) }, lr, ShapeError],
    ['NaN in x', { x: fromRows([[Number.NaN, 1]]), y: fromRows([[1]]) }, lr, NonFiniteError],
    ['empty batch', { x: matrix(0, 2, []), y: matrix(0, 1, []) }, lr, EmptyBatchError],
    ['bce target 2', { x: fromRows([[1, 1]]), y: fromRows([[2]]) }, lr, TargetRangeError],
    ['learning rate 0', seedBatch, { learningRate: 0 }, LearningRateError],
    ['learning rate NaN', seedBatch, { learningRate: Number.NaN }, LearningRateError],
  ] as const)('step: %s', async (_label, batch, options, Expected) => {
    const s = await backend.createSession(spec, seedParams('float32'));
    const before = await s.getParams();
    await expect(s.step(batch, options)).rejects.toBeInstanceOf(Expected);
    expect(paramsBitEqual(await s.getParams(), before)).toBe(true);
    await expect(s.step(seedBatch, lr)).resolves.toHaveProperty('loss');
  });

  it('setParams with a wrong shape or a NaN', async () => {
    const s = await backend.createSession(spec, seedParams('float32'));
    const before = await s.getParams();
    const [first, second] = seedParams('float32');
    await expect(s.setParams([first!])).rejects.toBeInstanceOf(ShapeError);
    const nan = { W: matrix(2, 1, [Number.NaN, 0], 'float32'), b: second!.b };
    await expect(s.setParams([first!, nan])).rejects.toBeInstanceOf(NonFiniteError);
    expect(paramsBitEqual(await s.getParams(), before)).toBe(true);
  });

  it('createSession rejects a bad spec or bad params before allocating anything', async () => {
    await expect(backend.createSession({ ...spec, dtype: 'float16' } as never, [])).rejects.toBeInstanceOf(
      SpecError,
    );
    await expect(backend.createSession({ ...spec, sizes: [2] }, [])).rejects.toBeInstanceOf(SpecError);
    await expect(backend.createSession(spec, [])).rejects.toBeInstanceOf(ShapeError);
  });
});

describe('divergence is refused, never committed', () => {
  it('a non-finite loss (Z overflows to Infinity)', async () => {
    const huge = [
      { W: matrix(2, 2, [3e38, 3e38, 3e38, 3e38], 'float32'), b: matrix(1, 2, [0, 0], 'float32') },
      { W: matrix(2, 1, [3e38, 3e38], 'float32'), b: matrix(1, 1, [3e38], 'float32') },
    ];
    const s = await backend.createSession(spec, huge);
    await expect(s.step(seedBatch, lr)).rejects.toBeInstanceOf(DivergenceError);
    expect(paramsBitEqual(await s.getParams(), huge)).toBe(true);
  });

  it('a finite loss whose update overflows a weight', async () => {
    const spec64 = seedSpec('bce', 'float64');
    // A1 = (1, 1) exactly and Z2 = 0, so dW2 = (-1/2, -1/2) and W2[0] - 1e308 dW2[0] overflows.
    const params = [
      { W: matrix(2, 2, [50, 50, 50, 50]), b: matrix(1, 2, [0, 0]) },
      { W: matrix(2, 1, [1.7e308, -1.7e308]), b: matrix(1, 1, [0]) },
    ];
    const s = await backend.createSession(spec64, params);
    const error = await s
      .step({ x: fromRows([[1, 1]]), y: fromRows([[1]]) }, { learningRate: 1e308 })
      .catch((e) => e);
    expect(error).toBeInstanceOf(DivergenceError);
    expect(error.parameter).toBe('params[1].W');
    expect(paramsBitEqual(await s.getParams(), params)).toBe(true);
  });
});

describe('lifecycle', () => {
  it('a disposed session throws DisposedError; disposing twice is harmless', async () => {
    const s = await backend.createSession(spec, seedParams('float32'));
    s.dispose();
    s.dispose();
    await expect(s.step(seedBatch, lr)).rejects.toBeInstanceOf(DisposedError);
    await expect(s.forward(seedBatch.x)).rejects.toBeInstanceOf(DisposedError);
    await expect(s.getParams()).rejects.toBeInstanceOf(DisposedError);
  });

  it('a disposed backend refuses new sessions and its sessions refuse calls', async () => {
    const own = createOnnxBackend();
    const s = await own.createSession(spec, seedParams('float32'));
    await own.dispose();
    await own.dispose();
    await expect(s.step(seedBatch, lr)).rejects.toBeInstanceOf(DisposedError);
    await expect(own.createSession(spec, seedParams('float32'))).rejects.toBeInstanceOf(DisposedError);
    await expect(own.init()).rejects.toBeInstanceOf(DisposedError);
  });

  it('a runtime that cannot load gives BackendInitError with the cause', async () => {
    const cause = new Error('no binary for this platform');
    const broken = createRuntimeBackend({
      name: 'onnx',
      runtime: 'onnxruntime-node',
      versionKey: 'node',
      device: 'cpu',
      load: () => Promise.reject(cause),
      sessionOptions: {},
    });
    const error = await broken.init().catch((e) => e);
    expect(error).toBeInstanceOf(BackendInitError);
    expect(error.cause).toBe(cause);
  });
});

describe('the threads option', () => {
  it.each([0, -1, 1.5, Number.NaN, 65, '2'])('refuses %j when the backend is created', async (threads) => {
    const { createOnnxWebBackend } = await import('./web.js');
    for (const create of [createOnnxBackend, createOnnxWebBackend]) {
      expect(() => create({ threads: threads as number })).toThrow(BackendOptionError);
      expect(() => create({ threads: threads as number })).toThrow(
        /options\.threads: expected an integer from 1 to 64/,
      );
    }
  });

  it('runs the same step on two threads as on one, bit for bit, on the seed network', async () => {
    const two = createOnnxBackend({ threads: 2 });
    const sessions = await Promise.all(
      [backend, two].map((b) => b.createSession(spec, seedParams('float32'))),
    );
    const results = await Promise.all(
      sessions.map((s) => s.train(seedBatch, { learningRate: 0.1, steps: 20 })),
    );
    expect(results[1]?.losses).toEqual(results[0]?.losses);
    const [a, b] = await Promise.all(sessions.map((s) => s.getParams()));
    expect(paramsBitEqual(a ?? [], b ?? [])).toBe(true);
    await two.dispose();
  });
});
