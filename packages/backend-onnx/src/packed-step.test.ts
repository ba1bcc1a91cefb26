import {
  type DType,
  initParams,
  matrix,
  type NetworkSpec,
  type Params,
  parameterCount,
  paramsBitEqual,
  seededRandom,
} from '@onegrad/core';
import * as ort from 'onnxruntime-node';
import { afterAll, describe, expect, it } from 'vitest';
import { createOnnxBackend, trainingGraph } from './index.js';
import { PACKED_STEP_MAX_PARAMS } from './onnx-session.js';

const backend = createOnnxBackend();
afterAll(() => backend.dispose());

/** A batch of `m` samples for `spec`: inputs in [-1, 1), targets 0/1 or one-hot rows for cce. */
function batchOf(spec: NetworkSpec, m: number) {
  const rand = seededRandom(11);
  const n0 = spec.sizes[0] as number;
  const nL = spec.sizes[spec.sizes.length - 1] as number;
  const x = Array.from({ length: m * n0 }, () => 2 * rand() - 1);
  const y = Array.from({ length: m * nL }, (_, e) =>
    spec.loss === 'cce' ? (e % nL === Math.floor(e / nL) % nL ? 1 : 0) : rand() < 0.5 ? 0 : 1,
  );
  return { x: matrix(m, n0, x, spec.dtype), y: matrix(m, nL, y, spec.dtype) };
}

/** `steps` steps of the exported training graph, run directly on onnxruntime-node: the losses and the parameters after. */
async function exportedSteps(
  spec: NetworkSpec,
  params: Params,
  batch: ReturnType<typeof batchOf>,
  steps: number,
) {
  const session = await ort.InferenceSession.create(trainingGraph(spec));
  const t = (data: Float32Array | Float64Array, dims: number[]) => new ort.Tensor(spec.dtype, data, dims);
  let current = params.map((p) => ({ W: p.W, b: p.b }));
  const losses: number[] = [];
  for (let s = 0; s < steps; s++) {
    const feeds: Record<string, ort.Tensor> = {
      X: t(batch.x.data, [batch.x.rows, batch.x.cols]),
      Y: t(batch.y.data, [batch.y.rows, batch.y.cols]),
      lr: t(spec.dtype === 'float32' ? Float32Array.of(0.1) : Float64Array.of(0.1), []),
    };
    current.forEach((p, i) => {
      feeds[`W${i + 1}`] = t(p.W.data, [p.W.rows, p.W.cols]);
      feeds[`b${i + 1}`] = t(p.b.data, [1, p.b.cols]);
    });
    const out = await session.run(feeds);
    losses.push(Number((out.loss as ort.Tensor).data[0]));
    current = current.map((p, i) => ({
      W: matrix(p.W.rows, p.W.cols, (out[`W${i + 1}_next`] as ort.Tensor).data as Float32Array, spec.dtype),
      b: matrix(1, p.b.cols, (out[`b${i + 1}_next`] as ort.Tensor).data as Float32Array, spec.dtype),
    }));
  }
  await session.release();
  return { losses, params: current };
}

const specs: [string, Omit<NetworkSpec, 'dtype'>][] = [
  ['seed sigmoid+bce', { sizes: [2, 2, 1], loss: 'bce' }],
  ['seed sigmoid+mse', { sizes: [2, 2, 1], loss: 'mse' }],
  ['tanh-softmax+cce', { sizes: [2, 3, 3], loss: 'cce', activations: ['tanh', 'softmax'] }],
  [
    'relu-identity+mse, three layers',
    { sizes: [3, 4, 4, 2], loss: 'mse', activations: ['relu', 'relu', 'identity'] },
  ],
  // Above PACKED_STEP_MAX_PARAMS: steps on the training graph itself.
  ['64-64-1 sigmoid+bce', { sizes: [64, 64, 1], loss: 'bce' }],
];

describe('an untraced step, packed or not, is the exported training graph bit for bit', () => {
  it('the last spec is above the packed limit and the others below it', () => {
    const counts = specs.map(([, s]) => parameterCount(s.sizes));
    expect(counts.slice(0, -1).every((c) => c <= PACKED_STEP_MAX_PARAMS)).toBe(true);
    expect(counts.at(-1)).toBeGreaterThan(PACKED_STEP_MAX_PARAMS);
  });

  for (const dtype of ['float32', 'float64'] as DType[]) {
    it.each(specs)(`${dtype}: %s, three steps`, async (_, partial) => {
      const spec = { ...partial, dtype } as NetworkSpec;
      const params = initParams(spec, 5);
      const batch = batchOf(spec, 3);
      const want = await exportedSteps(spec, params, batch, 3);
      const session = await backend.createSession(spec, params);
      const losses: number[] = [];
      for (let s = 0; s < 3; s++) losses.push((await session.step(batch, { learningRate: 0.1 })).loss);
      expect(losses).toEqual(want.losses);
      expect(paramsBitEqual(await session.getParams(), want.params)).toBe(true);
      session.dispose();
    });
  }
});

describe('a small network moves between packed and per-tensor parameters without a bit lost', () => {
  it.each(['float32', 'float64'] as DType[])(
    '%s: step, traced step, train of 2, step, setParams, step',
    async (dtype) => {
      const spec: NetworkSpec = { sizes: [2, 3, 2], loss: 'mse', dtype };
      const params = initParams(spec, 8);
      const batch = batchOf(spec, 4);
      const want = await exportedSteps(spec, params, batch, 5);
      const session = await backend.createSession(spec, params);
      const options = { learningRate: 0.1 };
      const losses = [(await session.step(batch, options)).loss];
      const traced = await session.step(batch, { ...options, trace: true });
      losses.push(traced.loss, ...(await session.train(batch, { ...options, steps: 2 })).losses);
      losses.push((await session.step(batch, options)).loss);
      expect(losses).toEqual(want.losses);
      expect(paramsBitEqual(await session.getParams(), want.params)).toBe(true);

      const other = initParams(spec, 9);
      await session.setParams(other);
      const again = await exportedSteps(spec, other, batch, 1);
      expect((await session.step(batch, options)).loss).toBe(again.losses[0]);
      expect(paramsBitEqual(await session.getParams(), again.params)).toBe(true);
      session.dispose();
    },
  );
});
