import { judgeBceGrad } from '@onegrad/conformance';
import { matrix } from '@onegrad/core';
import { describe, expect, it } from 'vitest';
import { started, TARGETS } from '../src/targets.js';
import { judgedStep } from './backends.js';

// Edge cases of the conformance suite's judges, found by the properties in this package.
describe("the conformance suite's judges", () => {
  // A float64 bce output with z near -378 (a near 1e-164, y = 0) has the well-conditioned dA = 1 / (1 - a) = 1,
  // but a slope bound that squares a underflows to 0 / 0.
  it.each([1e-150, 1e-164, 1e-200, 1e-300])(
    'give the unfused bce dA a finite bound at a = %s, y = 0',
    (a) => {
      const verdict = judgeBceGrad(a, 0, a * 1e-13, 0, 1, 'float64');
      expect(verdict.kind).toBe('strict');
      if (verdict.kind !== 'strict') return;
      expect(verdict.expected).toBe('finite');
      expect(verdict.bound).toBeGreaterThan(0);
      expect(verdict.bound).toBeLessThan(1e-12);
    },
  );

  // Every value of this step is exact (zeros and sigmoid(0) = 1/2), so every bound may be tiny but 0 / 0 is no ratio.
  it.each(TARGETS.map((t) => [t.label, t] as const))(
    'pass an exact step of a zero network on %s',
    async (_, target) => {
      const { dtype } = target;
      const spec = { sizes: [2, 1], loss: 'mse', dtype } as const;
      const params = [{ W: matrix(2, 1, [0, 0], dtype), b: matrix(1, 1, [0], dtype) }];
      const batch = { x: matrix(1, 2, [0, 0], dtype), y: matrix(1, 1, [0.5], dtype) };
      const backend = await started(target);
      const { verdict } = await judgedStep(backend, target, { spec, params, batch, learningRate: 0.5 });
      await backend.dispose();
      expect(verdict.offenders).toEqual([]);
      expect(verdict.pass).toBe(true);
    },
  );

  // z = -87.5 puts sigmoid(z) = 1.0e-38 below float32's smallest normal: an engine keeping gradual underflow
  // returns the subnormal, one that flushes returns 0, and the judge must be told which (suite's arithmetic).
  it.each(TARGETS.map((t) => [t.label, t] as const))(
    'pass a subnormal sigmoid output on %s',
    async (_, target) => {
      const { dtype } = target;
      const spec = { sizes: [1, 1], loss: 'mse', dtype } as const;
      const params = [{ W: matrix(1, 1, [-87.5], dtype), b: matrix(1, 1, [0], dtype) }];
      const batch = { x: matrix(1, 1, [1], dtype), y: matrix(1, 1, [0], dtype) };
      const backend = await started(target);
      const { verdict } = await judgedStep(backend, target, { spec, params, batch, learningRate: 0.5 });
      await backend.dispose();
      expect(verdict.offenders).toEqual([]);
    },
  );
});
