import { createTsBackend } from '@onegrad/backend-ts';
import { initParams, type NetworkSpec } from '@onegrad/core';
import { describe, expect, it } from 'vitest';
import { makeDataset, toBatch } from './datasets.js';
import { centralDifference } from './finite-difference.js';

describe('centralDifference', () => {
  it("agrees with a float64 step's dW to the accuracy of the difference, and tells weights apart", async () => {
    const backend = createTsBackend();
    await backend.init();
    const spec: NetworkSpec = { sizes: [2, 3, 1], loss: 'bce', dtype: 'float64' };
    const params = initParams(spec, 3);
    const batch = toBatch(makeDataset('moons', 3, 40), 'float64');
    const session = await backend.createSession(spec, params);
    const { trace } = await session.step(batch, { learningRate: 0.1, trace: true });
    const dW = trace!.layers[1]!.dW;
    for (const [row, col] of [
      [0, 0],
      [2, 0],
    ] as const) {
      const fd = await centralDifference(backend, spec, params, batch, { layer: 2, row, col }, 1e-5);
      const exact = dW.data[row * dW.cols + col] as number;
      // h = 1e-5: truncation about 1e-11 and rounding about 1e-11 on a cost of order 1.
      expect(Math.abs(fd - exact)).toBeLessThan(1e-8);
    }
    const other = await centralDifference(backend, spec, params, batch, { layer: 2, row: 1, col: 0 }, 1e-5);
    expect(Math.abs(other - (dW.data[0] as number))).toBeGreaterThan(1e-6);
    backend.dispose();
  });
});
