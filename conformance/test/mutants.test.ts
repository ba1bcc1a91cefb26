import { describe, expect, test } from 'vitest';
import { THRESHOLD } from '../src/error-model/constants.js';
import type { Quantity } from '../src/error-model/quantity.js';
import { runConformance } from '../src/runner/run-conformance.js';
import { createNaiveBackend } from './fixtures/naive-backend.js';
import type { Mutation } from './fixtures/naive-step.js';

// Each deliberately wrong backend, the cases that expose it, and the quantities that must exceed the threshold.
const mutants: [Mutation, string[], Quantity[]][] = [
  ['perturb-dz', ['seed/*', 'random/*'], ['dZ']],
  ['no-mean', ['seed/*', 'random/*'], ['dW', 'db']],
  ['transposed-update', ['seed/*', 'random/*'], ['W']],
  ['unflagged-grad', ['saturation/bce/*'], ['dA']],
];

describe('the suite catches deliberately wrong backends', () => {
  test.each(mutants)('%s', async (mutation, only, quantities) => {
    const report = await runConformance(
      { name: mutation, create: () => createNaiveBackend({ mutation }) },
      { only },
    );
    for (const b of report.backends) {
      expect(b.pass, `${b.dtype} should fail`).toBe(false);
      for (const q of quantities) expect(b.worst[q], `${b.dtype} ${q}`).toBeGreaterThan(THRESHOLD);
    }
  });

  test('a dZ2 off by a relative 1e-5 in float32 (about 168 ulps) on two elements of the seed', async () => {
    const report = await runConformance(
      {
        name: 'perturb-dz',
        create: () => createNaiveBackend({ mutation: 'perturb-dz' }),
        dtypes: ['float32'],
      },
      { only: ['seed/bce'] },
    );
    const at = report.backends[0]?.results[0]?.at.dZ;
    expect(at?.layer).toBe(2);
    expect(at?.ratio).toBeGreaterThan(10 * THRESHOLD);
  });

  test('a bce loss computed as log(A) breaks at saturation', async () => {
    const report = await runConformance(
      { name: 'loss-from-a', create: () => createNaiveBackend({ mutation: 'loss-from-a' }) },
      { only: ['saturation/bce/*'] },
    );
    for (const b of report.backends) {
      const failed = b.results.filter((r) => !r.pass);
      expect(failed.map((r) => r.id)).toEqual(
        expect.arrayContaining(['saturation/bce/+40', 'saturation/bce/+90']),
      );
      for (const r of failed)
        expect(r.worst.loss > THRESHOLD || r.problems.some((p) => p.includes('loss'))).toBe(true);
    }
  });
});
