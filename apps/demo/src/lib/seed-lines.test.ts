import { createTsBackend } from '@onegrad/backend-ts';
import { initParams, type NetworkSpec } from '@onegrad/core';
import { describe, expect, it } from 'vitest';
import { makeDataset, toBatch } from './datasets.js';
import { saturateOutput } from './saturate.js';
import { saturatingShift, seedLines } from './seed-lines.js';

async function traced(spec: NetworkSpec, shift = 0) {
  const batch = toBatch(makeDataset('seed'), spec.dtype);
  const session = await createTsBackend().createSession(spec, saturateOutput(initParams(spec, 1), shift));
  const { trace } = await session.step(batch, { learningRate: 0.1, trace: true });
  return { trace: trace!, y: batch.y };
}

describe('seedLines', () => {
  it("computes the seed's three lines; for bce the fused dZ2 is A2 - Y", async () => {
    const { trace, y } = await traced({ sizes: [2, 2, 1], loss: 'bce', dtype: 'float32' });
    const lines = seedLines(trace, y, 'bce', 'float32', [0, 1]);
    for (const l of lines) {
      expect(l.dZTrace).toBe(Math.fround(l.a - l.y));
      expect(l.dANaive).toBeCloseTo(l.error / (l.a * (1 - l.a)), 4);
      expect(l.dZNaive).toBeCloseTo(l.dZTrace, 6);
    }
  });

  it('shows that mse keeps the factor A2 (1 - A2)', async () => {
    const { trace, y } = await traced({ sizes: [2, 2, 1], loss: 'mse', dtype: 'float64' });
    for (const l of seedLines(trace, y, 'mse', 'float64', [0, 1])) {
      expect(l.dANaive).toBe(2 * l.error);
      expect(l.dZTrace).toBeCloseTo(2 * l.error * l.a * (1 - l.a), 15);
      expect(Math.abs(l.dZTrace)).toBeLessThan(Math.abs(l.error));
    }
  });

  it.each(['float32', 'float64'] as const)(
    'saturates A2 to 1 in %s: naive lines NaN or Inf, fused exact',
    async (dtype) => {
      const { trace, y } = await traced({ sizes: [2, 2, 1], loss: 'bce', dtype }, saturatingShift(dtype));
      const [one, zero] = seedLines(trace, y, 'bce', dtype, [0, 1]);
      expect([one?.a, zero?.a]).toEqual([1, 1]);
      expect(one?.dANaive).toBeNaN(); // 0 / 0
      expect(zero?.dANaive).toBe(Number.POSITIVE_INFINITY); // 1 / 0
      expect([one?.dZNaive, zero?.dZNaive]).toEqual([Number.NaN, Number.NaN]);
      expect([one?.dZTrace, zero?.dZTrace]).toEqual([0, 1]);
      expect([one?.dANonFinite, zero?.dANonFinite]).toEqual([true, true]);
    },
  );
});
