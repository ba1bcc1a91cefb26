import { judgeStep } from '@onegrad/conformance/judge';
import { type Backend, fromRows, type NetworkSpec } from '@onegrad/core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTfjsBackend } from './index.js';

const spec: NetworkSpec = { sizes: [1, 1], loss: 'bce', dtype: 'float32' };

/**
 * One sample whose cost is the softplus tail alone: x = 0 and W = 0 give z = b < 0, and with y = 0 the
 * bce cost is log1p(exp(z)), so an inaccurate log1p shows undiluted.
 */
function tailStep(z: number) {
  return {
    spec,
    params: [{ W: fromRows([[0]], 'float32'), b: fromRows([[z]], 'float32') }],
    batch: { x: fromRows([[0]]), y: fromRows([[0]]) },
    learningRate: 0.03125,
  };
}

// -3.140625 (lr 2^-5) is the property test's counterexample on tfjs-wasm: with log(1 + e) for log1p
// the loss's ratio to its bound is 1.41 there, 16 at z = -8 and 4e5 at z = -17.
const Z = [-3.140625, -8, -17, -40, -80];

describe.each([
  ['cpu', false],
  ['wasm', true],
] as const)('the bce softplus tail on tfjs-%s', (tfBackend, flushesSubnormals) => {
  let backend: Backend;
  beforeAll(async () => {
    backend = createTfjsBackend({ tfBackend });
    await backend.init();
  });
  afterAll(() => backend.dispose());

  it.each(Z)('is within the error bound at z = %d', async (z) => {
    const input = tailStep(z);
    const session = await backend.createSession(spec, input.params);
    const result = await session.step(input.batch, { learningRate: input.learningRate, trace: true });
    const { offenders, problems, pass } = judgeStep(input, result, { flushesSubnormals });
    expect({ offenders, problems, pass }).toEqual({ offenders: [], problems: [], pass: true });
    session.dispose();
  });
});
