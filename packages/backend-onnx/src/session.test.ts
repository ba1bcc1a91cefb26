import { bitEqual, fromRows, initParams, matrix, paramsBitEqual } from '@onegrad/core';
import * as ort from 'onnxruntime-node';
import { afterAll, describe, expect, it } from 'vitest';
import { createOnnxBackend } from './index.js';
import { createRuntimeBackend } from './onnx-backend.js';
import type { OrtModule } from './ort-like.js';
import { seedBatch, seedParams, seedSpec } from './test/seed-net.js';

const backend = createOnnxBackend();
afterAll(() => backend.dispose());
const lr = { learningRate: 0.5 };

describe('session', () => {
  it('reports the engine once loaded', async () => {
    await backend.init();
    expect(backend.info).toMatchObject({ name: 'onnx', dtypes: ['float32', 'float64'] });
    expect(backend.info.engine).toBe(`onnxruntime-node ${ort.env.versions.node} (cpu)`);
  });

  it('keeps parameters bit for bit through setParams and getParams', async () => {
    const spec = seedSpec('mse', 'float64');
    const s = await backend.createSession(spec, initParams(spec, 7));
    const odd = seedParams('float64').map((p) => ({
      W: p.W,
      b: matrix(
        1,
        p.b.cols,
        p.b.data.map((v) => v + 1e-17),
      ),
    }));
    await s.setParams(odd);
    expect(paramsBitEqual(await s.getParams(), odd)).toBe(true);
  });

  it('is deterministic and serializes calls made without awaiting', async () => {
    const spec = seedSpec('bce', 'float32');
    const a = await backend.createSession(spec, seedParams('float32'));
    const b = await backend.createSession(spec, seedParams('float32'));
    const inFlight = [a.step(seedBatch, lr), a.step(seedBatch, lr), a.step(seedBatch, lr)];
    const losses = (await Promise.all(inFlight)).map((r) => r.loss);
    const sequential: number[] = [];
    for (let i = 0; i < 3; i++) sequential.push((await b.step(seedBatch, lr)).loss);
    expect(losses).toEqual(sequential);
    expect(paramsBitEqual(await a.getParams(), await b.getParams())).toBe(true);
  });

  it('serves every batch size from one compiled graph, compiled once per (spec, kind)', async () => {
    let compiled = 0;
    const counting: OrtModule = {
      ...ort,
      InferenceSession: {
        create: (bytes, options) => {
          compiled++;
          return ort.InferenceSession.create(bytes, options);
        },
      },
    };
    const own = createRuntimeBackend({
      name: 'onnx',
      runtime: 'onnxruntime-node',
      versionKey: 'node',
      device: 'cpu',
      load: async () => counting,
      sessionOptions: {},
    });
    const spec = seedSpec('bce', 'float64');
    const one = await own.createSession(spec, seedParams('float64'));
    const two = await own.createSession(spec, seedParams('float64'));
    await one.step(seedBatch, lr);
    await two.step(
      {
        x: fromRows([
          [1, 0],
          [0, 1],
          [1, 1],
        ]),
        y: fromRows([[1], [1], [0]]),
      },
      lr,
    );
    await two.step({ x: fromRows([[1, 0]]), y: fromRows([[1]]) }, lr);
    expect(compiled).toBe(1);
    await one.step(seedBatch, { ...lr, trace: true });
    await one.forward(seedBatch.x);
    expect(compiled).toBe(3);
    await own.dispose();
  });

  it('forward matches the A of a traced step', async () => {
    const spec = seedSpec('bce', 'float32');
    const s = await backend.createSession(spec, seedParams('float32'));
    const out = await s.forward(seedBatch.x);
    const { trace } = await s.step(seedBatch, { ...lr, trace: true });
    expect(bitEqual(out, trace!.layers[1]!.a)).toBe(true);
  });

  it('converts float64 inputs and parameters to a float32 spec', async () => {
    const s = await backend.createSession(seedSpec('mse', 'float32'), seedParams('float64'));
    const params = await s.getParams();
    expect(params[0]!.W.data).toBeInstanceOf(Float32Array);
    expect(params[0]!.W.data[0]).toBe(Math.fround(0.1));
    expect((await s.forward(seedBatch.x)).data).toBeInstanceOf(Float32Array);
  });
});

describe('a saturated bce output', () => {
  // A1 = (1/2, 1/2) whatever X is, so Z2 = 40: sigmoid rounds to exactly 1 in both dtypes and the
  // unfused dA = (a - y) / (a (1 - a)) divides by 0.
  const saturated = (dtype: 'float32' | 'float64') => [
    { W: matrix(2, 2, [0, 0, 0, 0], dtype), b: matrix(1, 2, [0, 0], dtype) },
    { W: matrix(2, 1, [40, 40], dtype), b: matrix(1, 1, [0], dtype) },
  ];
  it.each(['float32', 'float64'] as const)(
    '%s: dA flagged non-finite, fused dZ and the loss exact',
    async (dtype) => {
      const s = await backend.createSession(seedSpec('bce', dtype), saturated(dtype));
      // The wrong target costs 40 + log1p(e^-40), the right one log1p(e^-40): J = 20 to every digit shown.
      const batch = {
        x: fromRows([
          [1, 1],
          [0, 0],
        ]),
        y: fromRows([[0], [1]]),
      };
      const { loss, trace } = await s.step(batch, { learningRate: 0.01, trace: true });
      const out = trace!.layers[1]!;
      expect([...out.a.data]).toEqual([1, 1]);
      expect(out.dANonFinite.length).toBeGreaterThan(0);
      expect([...out.dZ.data]).toEqual([1, 0]);
      expect(loss).toBe(20);
    },
  );

  it('keeps the tiny loss of a correct saturated output to full relative precision', async () => {
    // y = 1 at z = 40: l = log1p(exp(-40)) ~ 4.2e-18; Log(1 + e) would give 0.
    const s = await backend.createSession(seedSpec('bce', 'float64'), saturated('float64'));
    const { loss } = await s.step({ x: fromRows([[1, 1]]), y: fromRows([[1]]) }, { learningRate: 0.01 });
    const exact = Math.log1p(Math.exp(-40));
    expect(Math.abs(loss - exact) / exact).toBeLessThan(1e-14);
  });
});
