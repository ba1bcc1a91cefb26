// Adding an activation from outside the packages, through their public APIs only: a descriptor in
// core's registry, a kernel in backend-ts's, a reference and bound in conformance's. The suite then
// runs its hidden-layer and output cases on it; a kernel with the wrong derivative is caught.
import { createTsBackend, registerTsActivation, type TsActivationKernel } from '@onegrad/backend-ts';
import {
  type ActivationReference,
  constants,
  Dec,
  log1p,
  mag,
  ONE,
  productOf,
  registerActivationReference,
  runConformance,
} from '@onegrad/conformance';
import { type ActivationDescriptor, type Matrix, registerActivation } from '@onegrad/core';
import { describe, expect, it } from 'vitest';

/** softplus(z) = ln(1 + e^z), a smooth relu; its derivative is the sigmoid of z. */
function descriptor(name: string): ActivationDescriptor {
  return {
    name,
    formula: 'A = ln(1 + exp(Z))',
    derivative: 'dA/dZ = 1 / (1 + exp(-Z))',
    rowwise: false,
    minUnits: 1,
  };
}

/** The TypeScript kernel; `slope` is the derivative it multiplies by (the sigmoid of z when correct). */
function kernel(name: string, slope: (z: number, a: number) => number): TsActivationKernel {
  return {
    name,
    forward(z: Matrix, a: Matrix) {
      z.data.forEach((zi, i) => {
        // z + log1p(e^-z) for z > 0, so exp never overflows.
        a.data[i] = zi > 0 ? zi + Math.log1p(Math.exp(-zi)) : Math.log1p(Math.exp(zi));
      });
    },
    backward(dA: Matrix, z: Matrix, a: Matrix, dZ: Matrix) {
      dZ.data.forEach((_, i) => {
        dZ.data[i] = (dA.data[i] as number) * slope(z.data[i] as number, a.data[i] as number);
      });
    },
  };
}

const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));

/**
 * softplus in 50 digits. Forward: the exp and log1p are faithful (2u each, relative to the result,
 * since ln(1 + e) >= e / (1 + e)) and the addition one rounding: M(A) = s M(Z) + 5 |a|,
 * F(A) = s F(Z) + 4 with s = sigma(z). Backward: s from z as a sigmoid (M = s (1 - s) M(Z) + 4 s),
 * then the product with dA.
 */
function reference(name: string): ActivationReference {
  return {
    name,
    forward: (z) => ({
      a: z.map(({ v, m, f }) => {
        const e = Dec.exp(v.abs().neg());
        const a = v.isNeg() ? log1p(e) : v.plus(log1p(e));
        const s = ONE.div(ONE.plus(Dec.exp(v.neg()))).toNumber();
        return { v: a, m: s * m + (2 * constants.ELEMENTARY_ULP + 1) * mag(a), f: s * f + 4 };
      }),
    }),
    backward: (dA, z) =>
      dA.map((g, i) => {
        const zi = z[i] as (typeof z)[number];
        const s = ONE.div(ONE.plus(Dec.exp(zi.v.neg())));
        const sn = s.toNumber();
        const slope = {
          v: s,
          m: sn * (1 - sn) * zi.m + constants.SIGMOID_ROUNDINGS * sn,
          f: sn * (1 - sn) * zi.f + constants.SIGMOID_OPS,
        };
        return productOf(g, slope);
      }),
  };
}

function register(name: string, slope: (z: number, a: number) => number): void {
  registerActivation(descriptor(name));
  registerTsActivation(kernel(name, slope));
  registerActivationReference(reference(name));
}

describe('an activation registered from outside the packages', () => {
  register('softplus', (z) => sigmoid(z));
  // The derivative written in the output, as for a sigmoid: wrong for softplus.
  register('softplus-wrong', (_z, a) => a * (1 - a));

  it('runs the suite on softplus on the ts backend, hidden and output, and passes', async () => {
    const report = await runConformance(
      { name: 'ts', create: createTsBackend },
      { only: ['hidden/softplus-sigmoid+bce', 'output/tanh-softplus+*'] },
    );
    const ids = report.backends.flatMap((b) => b.results.map((r) => `${b.dtype} ${r.id}`));
    expect(ids).toEqual([
      'float32 hidden/softplus-sigmoid+bce',
      'float32 output/tanh-softplus+mse',
      'float64 hidden/softplus-sigmoid+bce',
      'float64 output/tanh-softplus+mse',
    ]);
    for (const b of report.backends)
      expect({ dtype: b.dtype, failed: b.failed }).toEqual({ dtype: b.dtype, failed: [] });
  }, 120_000);

  it('catches a kernel whose derivative is wrong', async () => {
    const report = await runConformance(
      { name: 'ts', create: createTsBackend },
      { only: ['hidden/softplus-wrong-*'] },
    );
    for (const b of report.backends) {
      expect(b.failed).toEqual(['hidden/softplus-wrong-sigmoid+bce']);
      expect(b.worst.dZ).toBeGreaterThan(1e3);
    }
  }, 120_000);
});
