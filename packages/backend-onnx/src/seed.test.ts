import { DTYPES, LOSSES } from '@onegrad/core';
import { afterAll, describe, expect, it } from 'vitest';
import { createOnnxBackend } from './index.js';
import { referenceStep } from './test/reference-step.js';
import { maxRelDiff, seedBatch, seedParams, seedSpec, zeroParams } from './test/seed-net.js';

const backend = createOnnxBackend();
afterAll(() => backend.dispose());
const TOL = { float32: 1e-6, float64: 1e-14 } as const;

describe('seed network by hand: zero parameters make every activation 1/2', () => {
  it('bce: J = ln 2, dA2 = (a - y) / (a (1 - a)) = [-2, 2], dZ2 = a - y = [-1/2, 1/2]', async () => {
    const s = await backend.createSession(seedSpec('bce', 'float64'), zeroParams('float64'));
    const { loss, trace } = await s.step(seedBatch, { learningRate: 0.1, trace: true });
    expect(loss).toBeCloseTo(Math.LN2, 15);
    const out = trace!.layers[1]!;
    expect([...out.a.data]).toEqual([0.5, 0.5]);
    expect([...out.dA.data]).toEqual([-2, 2]);
    expect([...out.dZ.data]).toEqual([-0.5, 0.5]);
    expect([...out.dW.data]).toEqual([0, 0]);
    expect([...trace!.layers[0]!.dA.data]).toEqual([0, 0, 0, 0]);
    expect(trace!.fusedOutput).toBe(true);
  });

  it('mse: J = 1/4, dA2 = 2 (a - y) = [-1, 1], dZ2 = dA2 a (1 - a) = [-1/4, 1/4]', async () => {
    const s = await backend.createSession(seedSpec('mse', 'float64'), zeroParams('float64'));
    const { loss, trace } = await s.step(seedBatch, { learningRate: 0.1, trace: true });
    expect(loss).toBe(0.25);
    expect([...trace!.layers[1]!.dA.data]).toEqual([-1, 1]);
    expect([...trace!.layers[1]!.dZ.data]).toEqual([-0.25, 0.25]);
    expect(trace!.fusedOutput).toBe(false);
  });
});

describe.each(DTYPES)('seed network against a float64 reference (%s)', (dtype) => {
  it.each(LOSSES)('%s: every intermediate of the trace and the update', async (loss) => {
    const params = seedParams(dtype);
    const s = await backend.createSession(seedSpec(loss, dtype), params);
    const got = await s.step(seedBatch, { learningRate: 0.5, trace: true });
    const want = referenceStep(params, seedBatch.x, seedBatch.y, loss, 0.5);
    const Array_ = dtype === 'float32' ? Float32Array : Float64Array;
    expect(maxRelDiff([got.loss], [want.loss])).toBeLessThan(TOL[dtype]);
    got.trace!.layers.forEach((t, l) => {
      for (const key of ['z', 'a', 'dA', 'dZ', 'dW'] as const) {
        expect(t[key].data).toBeInstanceOf(Array_);
        expect(maxRelDiff(t[key].data, want[key][l]!.flat()), `${key}${l + 1}`).toBeLessThan(TOL[dtype]);
      }
      expect(maxRelDiff(t.db.data, want.db[l]!), `db${l + 1}`).toBeLessThan(TOL[dtype]);
      expect(t.dANonFinite).toEqual([]);
    });
    const after = await s.getParams();
    after.forEach((p, l) => {
      expect(maxRelDiff(p.W.data, want.W[l]!.flat())).toBeLessThan(TOL[dtype]);
      expect(maxRelDiff(p.b.data, want.b[l]!)).toBeLessThan(TOL[dtype]);
    });
    expect(got.trace!.params).toEqual(after);
  });
});
