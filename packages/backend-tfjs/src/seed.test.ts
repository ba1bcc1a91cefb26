import { fromRows, type Matrix, type NetworkSpec } from '@onegrad/core';
import { describe, expect, it } from 'vitest';
import { createTfjsBackend, type TfjsBackendName } from './index.js';
import { seedByHand, seedNet } from './seed-net.test.util.js';

function expectClose(m: Matrix, expected: readonly number[]): void {
  expect(m.data).toBeInstanceOf(Float32Array);
  expect(m.data.length).toBe(expected.length);
  m.data.forEach((v, k) => {
    const e = expected[k] as number;
    expect(Math.abs(v - e)).toBeLessThanOrEqual(4e-7 * Math.max(1, Math.abs(e)));
  });
}

const cases = (['cpu', 'wasm'] as const).flatMap((b) =>
  (['bce', 'mse'] as const).map((l) => [b, l] as const),
);

describe.each(cases)('the seed network on tfjs-%s (%s)', (tfBackend: TfjsBackendName, loss) => {
  it('computes every intermediate of the step as the seed does by hand', async () => {
    const backend = createTfjsBackend({ tfBackend });
    const { spec, params, batch } = seedNet(loss);
    const session = await backend.createSession(spec, params);
    const hand = seedByHand(loss, 0.5);
    const { loss: J, trace } = await session.step(batch, { learningRate: 0.5, trace: true });
    expect(Math.abs(J - hand.J)).toBeLessThan(1e-6 * hand.J);
    expect(trace?.loss).toBe(J);
    expect(trace?.fusedOutput).toBe(loss === 'bce');
    hand.layers.forEach((h, l) => {
      const t = trace?.layers[l];
      for (const key of ['z', 'a', 'dA', 'dZ', 'dW', 'db'] as const) expectClose(t?.[key] as Matrix, h[key]);
      expect(t?.dANonFinite).toEqual([]);
    });
    expectClose(trace?.params[0]?.W as Matrix, hand.W1);
    expectClose(trace?.params[1]?.W as Matrix, hand.W2);
    expect(await session.getParams()).toEqual(trace?.params);
    await backend.dispose();
  });

  it('forward gives the output activations; an untraced step returns only the loss', async () => {
    const backend = createTfjsBackend({ tfBackend });
    const { spec, params, batch } = seedNet(loss);
    const session = await backend.createSession(spec, params);
    expectClose(await session.forward(batch.x), seedByHand(loss, 0.5).layers[1]?.a as number[]);
    const result = await session.step(batch, { learningRate: 0.5 });
    expect(Object.keys(result)).toEqual(['loss', 'diverging']);
    await backend.dispose();
  });
});

describe.each(['cpu', 'wasm'] as const)('saturation on tfjs-%s', (tfBackend) => {
  it('keeps the fused dZ exact where the unfused dA is 0/0 or inf, and flags those dA', async () => {
    const spec: NetworkSpec = { sizes: [1, 1], loss: 'bce', dtype: 'float32' };
    const params = [{ W: fromRows([[40]], 'float32'), b: fromRows([[0]], 'float32') }];
    const backend = createTfjsBackend({ tfBackend });
    const session = await backend.createSession(spec, params);
    const batch = { x: fromRows([[1], [1]]), y: fromRows([[1], [0]]) };
    const { trace } = await session.step(batch, { learningRate: 0.1, trace: true });
    const out = trace?.layers[0];
    expect(Array.from(out?.a.data ?? [])).toEqual([1, 1]);
    expect(out?.dA.data[0]).toBeNaN();
    expect(out?.dA.data[1]).toBe(Number.POSITIVE_INFINITY);
    expect(out?.dANonFinite).toEqual([0, 1]);
    expect(Array.from(out?.dZ.data ?? [])).toEqual([0, 1]);
    expect(trace?.loss).toBeCloseTo(20, 5);
    await backend.dispose();
  });
});
