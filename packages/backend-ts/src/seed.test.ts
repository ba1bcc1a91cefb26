import { fromRows, type NetworkSpec, type Params, toColumnLayout } from '@onegrad/core';
import { describe, expect, it } from 'vitest';
import { createTsBackend } from './index.js';

// The seed's NumPy, line by line, in its column layout (features x batch), with plain numbers.
const sig = (z: number) => 1 / (1 + Math.exp(-z));
function seedNumpy(w1: number[][], b1: number[], w2: number[][], b2: number[], loss: 'bce' | 'mse') {
  const X = [
    [1, 0],
    [1, 0],
  ]; // X_train = [[1,1],[0,0]].T
  const Y = [[1, 0]];
  const dot = (A: number[][], B: number[][]) =>
    A.map((r) => B[0]!.map((_, j) => r.reduce((s, v, k) => s + v * B[k]![j]!, 0)));
  const Z1 = dot(w1, X).map((r, i) => r.map((v) => v + b1[i]!));
  const A1 = Z1.map((r) => r.map(sig));
  const Z2 = dot(w2, A1).map((r, i) => r.map((v) => v + b2[i]!));
  const A2 = Z2.map((r) => r.map(sig));
  const error = A2.map((r, i) => r.map((a, j) => a - Y[i]![j]!));
  const derivativeA2 = A2.map((r) => r.map((a) => a * (1 - a)));
  const dA2 =
    loss === 'bce'
      ? error.map((r, i) => r.map((e, j) => e / derivativeA2[i]![j]!))
      : error.map((r) => r.map((e) => 2 * e));
  const dZ2 = dA2.map((r, i) => r.map((d, j) => d * derivativeA2[i]![j]!));
  const m = 2;
  const dW2 = dot(dZ2, A1.length ? A1[0]!.map((_, j) => A1.map((r) => r[j]!)) : []).map((r) =>
    r.map((v) => v / m),
  );
  return { Z1, A1, Z2, A2, dA2, dZ2, dW2 };
}

const w1 = [
  [0.5, -0.25],
  [0.125, 0.75],
]; // seed's w1 is hidden x inputs; onegrad's W1 is inputs x hidden
const w2 = [[1.5, -2]];

function setup(loss: 'bce' | 'mse') {
  const spec: NetworkSpec = { sizes: [2, 2, 1], loss, dtype: 'float64' };
  const params: Params = [
    {
      W: fromRows([
        [w1[0]![0]!, w1[1]![0]!],
        [w1[0]![1]!, w1[1]![1]!],
      ]),
      b: fromRows([[0, 0]]),
    },
    { W: fromRows([[w2[0]![0]!], [w2[0]![1]!]]), b: fromRows([[0]]) },
  ];
  const batch = {
    x: fromRows([
      [1, 1],
      [0, 0],
    ]),
    y: fromRows([[1], [0]]),
  };
  return { spec, params, batch };
}

describe.each(['bce', 'mse'] as const)('backend-ts against the seed NumPy (%s)', (loss) => {
  it('matches every intermediate of the step', async () => {
    const { spec, params, batch } = setup(loss);
    const session = await createTsBackend().createSession(spec, params);
    const { trace } = await session.step(batch, { learningRate: 0.1, trace: true });
    const seed = seedNumpy(w1, [0, 0], w2, [0], loss);
    const out = trace!.layers[1]!;
    const close = (a: number[][], b: number[][]) =>
      expect(
        a
          .flat()
          .map((v, k) => v - b.flat()[k]!)
          .every((d) => Math.abs(d) < 1e-14),
      ).toBe(true);
    close(toColumnLayout(trace!.layers[0]!.z), seed.Z1);
    close(toColumnLayout(trace!.layers[0]!.a), seed.A1);
    close(toColumnLayout(out.a), seed.A2);
    close(toColumnLayout(out.dA), seed.dA2);
    close(toColumnLayout(out.dZ), seed.dZ2);
    close(toColumnLayout(out.dW), seed.dW2);
    expect(trace!.fusedOutput).toBe(loss === 'bce');
  });
});

describe('saturation', () => {
  it('keeps the fused dZ2 exact where the unfused dA2 is 0/0, and flags it', async () => {
    const spec: NetworkSpec = { sizes: [1, 1], loss: 'bce', dtype: 'float32' };
    const params: Params = [{ W: fromRows([[40]], 'float32'), b: fromRows([[0]], 'float32') }];
    const session = await createTsBackend().createSession(spec, params);
    const { trace } = await session.step(
      { x: fromRows([[1], [1]]), y: fromRows([[1], [0]]) },
      { learningRate: 0.1, trace: true },
    );
    const out = trace!.layers[0]!;
    expect(Array.from(out.a.data)).toEqual([1, 1]);
    expect(Number.isNaN(out.dA.data[0])).toBe(true); // (1-1)/(1*0)
    expect(out.dA.data[1]).toBe(Number.POSITIVE_INFINITY); // (1-0)/(1*0)
    expect(out.dANonFinite).toEqual([0, 1]);
    expect(Array.from(out.dZ.data)).toEqual([0, 1]);
    expect(Number.isFinite(trace!.loss)).toBe(true);
  });
});
