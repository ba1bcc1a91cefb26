import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bitEqual, DTYPES, fromRows, initParams, SpecError } from '@onegrad/core';
import * as ort from 'onnxruntime-node';
import { afterAll, describe, expect, it } from 'vitest';
import { createOnnxBackend, exportOnnx, saveTrainingGraph, trainingGraph } from './index.js';
import { toMatrix } from './tensors.js';
import { seedBatch, seedParams, seedSpec } from './test/seed-net.js';

const backend = createOnnxBackend();
afterAll(() => backend.dispose());

describe.each(DTYPES)('exportOnnx (%s)', (dtype) => {
  it('loads in onnxruntime-node and gives the session forward pass', async () => {
    const spec = { sizes: [2, 5, 3, 2], loss: 'mse', dtype } as const;
    const s = await backend.createSession(spec, initParams(spec, 3));
    await s.step(
      {
        x: fromRows([
          [1, 2],
          [3, -1],
        ]),
        y: fromRows([
          [0, 1],
          [1, 0],
        ]),
      },
      { learningRate: 0.3 },
    );
    const bytes = exportOnnx(spec, await s.getParams());
    const exported = await ort.InferenceSession.create(bytes);
    expect(exported.inputNames).toEqual(['X']);
    expect(exported.outputNames).toEqual(['probabilities']);
    const x = fromRows(
      [
        [0.5, -2],
        [1, 1],
        [4, 0.25],
      ],
      dtype,
    );
    const out = await exported.run({ X: new ort.Tensor(dtype, x.data, [3, 2]) });
    expect(bitEqual(toMatrix(out.probabilities as ort.Tensor), await s.forward(x))).toBe(true);
    await exported.release();
  });
});

describe('training graph files', () => {
  it('trainingGraph gives bytes the runtime runs; saveTrainingGraph writes them', async () => {
    const spec = seedSpec('bce', 'float64');
    const bytes = trainingGraph(spec, { trace: true });
    const dir = await mkdtemp(join(tmpdir(), 'onegrad-onnx-'));
    try {
      const path = join(dir, 'step.onnx');
      await saveTrainingGraph(spec, path, { trace: true });
      expect(new Uint8Array(await readFile(path))).toEqual(bytes);
    } finally {
      await rm(dir, { recursive: true });
    }
    const session = await ort.InferenceSession.create(bytes);
    const p = seedParams('float64');
    const feeds = {
      X: new ort.Tensor('float64', seedBatch.x.data, [2, 2]),
      Y: new ort.Tensor('float64', seedBatch.y.data, [2, 1]),
      lr: new ort.Tensor('float64', Float64Array.of(0.5), []),
      W1: new ort.Tensor('float64', p[0]!.W.data, [2, 2]),
      b1: new ort.Tensor('float64', p[0]!.b.data, [1, 2]),
      W2: new ort.Tensor('float64', p[1]!.W.data, [2, 1]),
      b2: new ort.Tensor('float64', p[1]!.b.data, [1, 1]),
    };
    const out = await session.run(feeds);
    const s = await backend.createSession(spec, p);
    const { loss, trace } = await s.step(seedBatch, { learningRate: 0.5, trace: true });
    expect(out.loss!.data[0]).toBe(loss);
    expect(bitEqual(toMatrix(out.dZ1 as ort.Tensor), trace!.layers[0]!.dZ)).toBe(true);
    await session.release();
  });

  it('rejects a malformed spec', () => {
    expect(() => trainingGraph({ sizes: [2], loss: 'bce', dtype: 'float32' })).toThrow(SpecError);
    expect(() => exportOnnx(seedSpec('bce', 'float32'), [])).toThrow();
  });
});
