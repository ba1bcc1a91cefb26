import {
  type Backend,
  DivergenceError,
  fromRows,
  LearningRateError,
  type NetworkSpec,
  type Params,
  paramsBitEqual,
  type StepResult,
} from '@onegrad/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedNet } from '../src/seed-net.js';
import { started, TARGETS } from '../src/targets.js';
import { rejection } from './rejected-call.js';

const LARGEST = { float32: 3.4028234663852886e38, float64: Number.MAX_VALUE } as const;
const batch = {
  x: fromRows([
    [4, 4],
    [0, 0],
  ]),
  y: fromRows([[0], [1]]),
};

describe.each(TARGETS)('divergence on $label', (target) => {
  const { dtype } = target;
  let backend: Backend;
  beforeAll(async () => {
    backend = await started(target);
  });
  afterAll(() => backend.dispose());

  // Refuses the step and keeps the parameters; a step the parameters allow still runs afterwards.
  async function expectRefused(
    spec: NetworkSpec,
    params: Params,
    learningRate: number,
    named: RegExp,
    thenTrains = true,
  ) {
    const session = await backend.createSession(spec, params);
    const error = await rejection(() => session.step(batch, { learningRate }));
    expect(error).toBeInstanceOf(DivergenceError);
    expect((error as DivergenceError).parameter).toMatch(named);
    expect((error as Error).message).toMatch(/not applied/);
    expect(paramsBitEqual(await session.getParams(), params)).toBe(true);
    if (!thenTrains) return;
    const next = await session.step(batch, { learningRate: 0.1 });
    expect(Number.isFinite(next.loss)).toBe(true);
  }

  it('refuses an update that overflows (lr = the largest finite value, |dW1| near 4)', async () => {
    const spec: NetworkSpec = { sizes: [2, 2, 1], loss: 'bce', dtype };
    const params = [
      {
        W: fromRows(
          [
            [0.25, -0.25],
            [0.5, 0.125],
          ],
          dtype,
        ),
        b: fromRows([[0, 0]], dtype),
      },
      { W: fromRows([[8], [8]], dtype), b: fromRows([[0]], dtype) },
    ];
    await expectRefused(spec, params, LARGEST[dtype], /^(step|params\[\d\]\.(W|b))$/);
  });

  it('refuses a step whose logits overflow, making the bce cost NaN', async () => {
    const spec: NetworkSpec = { sizes: [2, 1], loss: 'bce', dtype };
    const half = LARGEST[dtype] / 2;
    const params = [{ W: fromRows([[half], [half]], dtype), b: fromRows([[0]], dtype) }];
    await expectRefused(spec, params, 0.1, /^(loss|step)$/, false);
  });

  // Only float32 has learning rates that are finite doubles yet round to Infinity or 0 in the dtype.
  if (dtype === 'float32') {
    it('refuses a learning rate that is Infinity in float32 (1e39)', async () => {
      const { spec, params, batch: seed } = seedNet(dtype);
      const session = await backend.createSession(spec, params);
      const error = await rejection(() => session.step(seed, { learningRate: 1e39 }));
      expect(error).toBeInstanceOf(LearningRateError);
      expect(paramsBitEqual(await session.getParams(), params)).toBe(true);
    });
    it('refuses a learning rate that rounds to 0 in float32 (1e-50)', async () => {
      const { spec, params, batch: seed } = seedNet(dtype);
      const session = await backend.createSession(spec, params);
      const error = await rejection(() => session.step(seed, { learningRate: 1e-50 }));
      expect(error).toBeInstanceOf(LearningRateError);
      expect(paramsBitEqual(await session.getParams(), params)).toBe(true);
    });
  }

  it('reports lr = 1e6 on the seed as diverging: the cost grows 1e4-fold while every step stays finite', async () => {
    const { spec, params, batch: seed } = seedNet(dtype);
    const session = await backend.createSession(spec, params);
    const results: StepResult[] = [];
    for (let i = 0; i < 20; i++) results.push(await session.step(seed, { learningRate: 1e6 }));
    const losses = results.map((r) => r.loss);
    expect(losses.every(Number.isFinite)).toBe(true);
    expect(Math.min(...losses.slice(1))).toBeGreaterThan(1e4 * (losses[0] as number));
    expect(results[0]?.diverging).toBe(false);
    expect(results.slice(1).every((r) => r.diverging)).toBe(true);
    const after = await session.getParams();
    expect(after.every((p) => [...p.W.data, ...p.b.data].every(Number.isFinite))).toBe(true);
    // New parameters start a new watch: the first step after setParams is never flagged.
    await session.setParams(params);
    expect((await session.step(seed, { learningRate: 0.1 })).diverging).toBe(false);
  });

  it('does not flag ordinary training after an easy first batch (cost near 0)', async () => {
    const spec: NetworkSpec = { sizes: [2, 1], loss: 'bce', dtype };
    const params = [{ W: fromRows([[60], [60]], dtype), b: fromRows([[0]], dtype) }];
    const session = await backend.createSession(spec, params);
    const easy = { x: fromRows([[1, 1]], dtype), y: fromRows([[1]], dtype) };
    expect((await session.step(easy, { learningRate: 0.1 })).diverging).toBe(false);
    const { batch: seed } = seedNet(dtype);
    const results: StepResult[] = [];
    for (let i = 0; i < 5; i++) results.push(await session.step(seed, { learningRate: 0.1 }));
    expect(results.map((r) => r.diverging)).toEqual([false, false, false, false, false]);
  });

  it('never flags mse, whose cost is at most nL (it saturates instead)', async () => {
    const { spec, params, batch: seed } = seedNet(dtype, 'mse');
    const session = await backend.createSession(spec, params);
    for (let i = 0; i < 20; i++) {
      const r = await session.step(seed, { learningRate: 1e6 });
      expect(r.loss).toBeLessThanOrEqual(1);
      expect(r.diverging).toBe(false);
    }
  });

  it('does not flag ordinary training on the seed', async () => {
    const { spec, params, batch: seed } = seedNet(dtype);
    const session = await backend.createSession(spec, params);
    for (let i = 0; i < 200; i++)
      expect((await session.step(seed, { learningRate: 0.5 })).diverging).toBe(false);
  });
});
