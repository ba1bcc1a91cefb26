import { createOnnxBackend, MAX_ONNX_LAYERS } from '@onegrad/backend-onnx';
import { createTsBackend } from '@onegrad/backend-ts';
import {
  DivergenceError,
  encodeParamsFile,
  formatMatrix,
  fromRows,
  initParams,
  type Matrix,
  matrix,
  type Params,
  paramsBitEqual,
  ShapeError,
  SpecError,
  zeros,
} from '@onegrad/core';
import { describe, expect, it } from 'vitest';
import { settledMemory } from '../src/collect-garbage.js';
import { seedNet } from '../src/seed-net.js';
import { TARGETS } from '../src/targets.js';
import { startedPerTarget } from './backends.js';
import { rejection } from './rejected-call.js';

// Careless and hostile calls beyond the bad-input table, on every backend.
describe.each(TARGETS)('hostile calls on $label', (target) => {
  const backendOf = startedPerTarget();
  const { dtype } = target;

  it('forward refuses an output that overflows, exactly where step refuses the same input', async () => {
    const big = dtype === 'float32' ? 1e30 : 1e200;
    const spec = { sizes: [2, 2, 1], loss: 'bce', dtype } as const;
    const params: Params = [
      { W: matrix(2, 2, [big, big, -big, -big], dtype), b: matrix(1, 2, [0, 0], dtype) },
      { W: matrix(2, 1, [1, 1], dtype), b: matrix(1, 1, [0], dtype) },
    ];
    const session = await backendOf(target).createSession(spec, params);
    const x = matrix(1, 2, [big, big], dtype);
    const forward = await session.forward(x).then(
      (a) => a,
      (e: unknown) => e,
    );
    const step = await session.step({ x, y: matrix(1, 1, [1], dtype) }, { learningRate: 0.1 }).then(
      (r) => r,
      (e: unknown) => e,
    );
    if (forward instanceof Error) {
      expect(forward).toBeInstanceOf(DivergenceError);
      expect((forward as DivergenceError).parameter).toBe('x');
      expect(forward.message).toContain('1x1');
      expect(step).toBeInstanceOf(DivergenceError);
    } else {
      expect(Array.from((forward as Matrix).data).every(Number.isFinite)).toBe(true);
      expect(step).not.toBeInstanceOf(Error);
    }
    session.dispose();
  });

  it('settles a call refused for bad input at once, before the step queued ahead of it, as every backend does', async () => {
    const { spec, params, batch, learningRate } = seedNet(dtype);
    const session = await backendOf(target).createSession(spec, params);
    const order: string[] = [];
    await Promise.all([
      session.step(batch, { learningRate }).then(() => order.push('step')),
      session.step(batch, { learningRate: -1 }).catch(() => order.push('refused')),
      session.getParams().then(() => order.push('getParams')),
    ]);
    expect(order).toEqual(['refused', 'step', 'getParams']);
    session.dispose();
  });

  it('reads a parameter getter once: what was checked is what is installed', async () => {
    const { spec, params } = seedNet(dtype);
    const session = await backendOf(target).createSession(spec, params);
    const W = params[0]?.W as Matrix;
    let reads = 0;
    const sly = [
      {
        get W() {
          reads++;
          return reads === 1 ? W : matrix(2, 2, [Number.NaN, 0, 0, 0], dtype);
        },
        b: params[0]?.b as Matrix,
      },
      params[1],
    ] as Params;
    await session.setParams(sly);
    expect(reads).toBe(1);
    expect(paramsBitEqual(await session.getParams(), params)).toBe(true);
    session.dispose();
  });

  it('reads a target getter once: a bce target of 5 never gets through', async () => {
    const { spec, params, batch, learningRate } = seedNet(dtype);
    const session = await backendOf(target).createSession(spec, params);
    let reads = 0;
    const sly = {
      x: batch.x,
      get y() {
        reads++;
        return reads === 1 ? batch.y : matrix(2, 1, [5, 5], dtype);
      },
    };
    const fresh = await backendOf(target).createSession(spec, params);
    const [got, want] = [
      await session.step(sly, { learningRate }),
      await fresh.step(batch, { learningRate }),
    ];
    expect(reads).toBe(1);
    expect(got.loss).toBe(want.loss);
    expect(got.loss).toBeGreaterThan(0);
    session.dispose();
    fresh.dispose();
  });
});

describe('hostile calls on core and backend-ts', () => {
  it('formats a 500x500 matrix and builds one from a row of 200,000 numbers', () => {
    expect(formatMatrix(zeros(500, 500, 'float32')).split('\n')).toHaveLength(500);
    const row = Array.from({ length: 200_000 }, (_, i) => i);
    const built = fromRows([row, row]);
    expect([built.rows, built.cols, built.data[200_001]]).toEqual([2, 200_000, 1]);
  });

  it('initParams refuses [2, 2^31, 1] before allocating, and [1e5, 1e5, 1] with a typed error', () => {
    expect(() => initParams({ sizes: [2, 2 ** 31, 1], loss: 'bce', dtype: 'float32' })).toThrow(
      expect.objectContaining({ name: 'SpecError', parameter: 'spec.sizes[1]' }),
    );
    expect(() => initParams({ sizes: [1e5, 1e5, 1], loss: 'bce', dtype: 'float32' })).toThrow(
      expect.objectContaining({ name: 'SpecError', parameter: 'spec.sizes' }),
    );
  });

  it('onnx refuses invalid threads when the backend is created, not at the first step', () => {
    for (const threads of [0, 1.5, -1, Number.NaN, '2', 2 ** 40]) {
      expect(() => createOnnxBackend({ threads: threads as number }), String(threads)).toThrow(
        expect.objectContaining({ name: 'BackendOptionError', parameter: 'options.threads' }),
      );
    }
  });

  it(`onnx refuses a spec deeper than MAX_ONNX_LAYERS (${MAX_ONNX_LAYERS}) before compiling`, async () => {
    const backend = createOnnxBackend();
    const spec = {
      sizes: [...Array(MAX_ONNX_LAYERS + 1).fill(2), 1],
      loss: 'bce',
      dtype: 'float32',
    } as const;
    const error = await rejection(() => backend.createSession(spec, initParams(spec, 1)));
    expect(error).toBeInstanceOf(SpecError);
    expect((error as SpecError).parameter).toBe('spec.sizes');
    expect((error as Error).message).toContain('MAX_ONNX_LAYERS');
    await backend.dispose();
  });

  it('encodeParamsFile refuses a sparse parameters array', async () => {
    const { spec } = seedNet('float64');
    const error = await rejection(async () => encodeParamsFile(spec, new Array(2)));
    expect(error).toBeInstanceOf(ShapeError);
    expect((error as ShapeError).parameter).toBe('params[0].W');
  });

  it('forgets disposed sessions: 1,000 create+dispose of a [100, 100, 1] float64 net hold no memory', async () => {
    const backend = createTsBackend();
    await backend.init();
    const spec = { sizes: [100, 100, 1], loss: 'bce', dtype: 'float64' } as const;
    const params = initParams(spec, 1);
    const before = settledMemory();
    for (let i = 0; i < 1000; i++) (await backend.createSession(spec, params)).dispose();
    await new Promise((resolve) => setTimeout(resolve, 0));
    const after = settledMemory();
    // Each session holds 2 x 80 kB of float64 weights: kept sessions would be 160 MB.
    expect(after.heapUsed + after.arrayBuffers - before.heapUsed - before.arrayBuffers).toBeLessThan(16e6);
    await backend.dispose();
  });
});
