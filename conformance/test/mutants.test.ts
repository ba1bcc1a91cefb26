import { describe, expect, test } from 'vitest';
import { THRESHOLD } from '../src/error-model/constants.js';
import type { Quantity } from '../src/error-model/quantity.js';
import { runConformance } from '../src/runner/run-conformance.js';
import { createNaiveBackend } from './fixtures/naive-backend.js';
import type { Mutation } from './fixtures/naive-step.js';
import { scaledOutputGrad } from './fixtures/scaled-output-grad.js';

// Each deliberately wrong backend, the cases that expose it, and the quantities that must exceed the threshold.
const mutants: [Mutation, string[], Quantity[]][] = [
  ['perturb-dz', ['seed/*', 'random/*'], ['dZ']],
  ['no-mean', ['seed/*', 'random/*'], ['dW', 'db']],
  ['transposed-update', ['seed/*', 'random/*'], ['W']],
  ['unflagged-grad', ['saturation/sigmoid+bce/*'], ['dA']],
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
      { only: ['seed/sigmoid+bce'] },
    );
    const at = report.backends[0]?.results[0]?.at.dZ;
    expect(at?.layer).toBe(2);
    expect(at?.ratio).toBeGreaterThan(10 * THRESHOLD);
  });

  test('a bce loss computed as log(A) breaks at saturation', async () => {
    const report = await runConformance(
      { name: 'loss-from-a', create: () => createNaiveBackend({ mutation: 'loss-from-a' }) },
      { only: ['saturation/sigmoid+bce/*'] },
    );
    for (const b of report.backends) {
      const failed = b.results.filter((r) => !r.pass);
      expect(failed.map((r) => r.id)).toEqual(
        expect.arrayContaining(['saturation/sigmoid+bce/+40', 'saturation/sigmoid+bce/+90']),
      );
      for (const r of failed)
        expect(r.worst.loss > THRESHOLD || r.problems.some((p) => p.includes('loss'))).toBe(true);
    }
  });

  // The sigmoid in double gives a = 1 - 2^-24 at z = +17 in float32, so the unfused dA is finite
  // there while A's interval reaches 1: an ill-conditioned element, which must still lie in f's range.
  test('a finite unfused dA scaled by 1000 is caught where the element is ill-conditioned', async () => {
    const target = (name: string, factor: number) => ({
      name,
      create: () => scaledOutputGrad(createNaiveBackend({ sigmoidInDouble: true }), factor),
      dtypes: ['float32'] as const,
    });
    const only = ['saturation/sigmoid+bce/+17'];
    const honest = (await runConformance(target('double-sigmoid', 1), { only })).backends[0];
    expect(honest?.pass).toBe(true);
    expect(honest?.illConditioned).toBeGreaterThan(0);
    const scaled = (await runConformance(target('scaled-grad', 1000), { only })).backends[0];
    expect(scaled?.pass).toBe(false);
    expect(scaled?.worst.dA).toBeGreaterThan(THRESHOLD);
    expect(scaled?.results[0]?.offenders.some((o) => o.note?.includes('ill-conditioned'))).toBe(true);
  });

  test('the same mutant is caught in both dtypes on every bce case it touches', async () => {
    const report = await runConformance(
      {
        name: 'scaled-grad',
        create: () => scaledOutputGrad(createNaiveBackend({ sigmoidInDouble: true }), 1000),
      },
      { only: ['seed/sigmoid+bce', 'saturation/sigmoid+bce/*'] },
    );
    for (const b of report.backends) {
      expect(b.worst.dA, b.dtype).toBeGreaterThan(THRESHOLD);
      const missed = b.results.filter((r) => r.pass).map((r) => r.id);
      // At +-40 and +-90 the scaled elements are non-finite (or the dtype's answer is), nothing to scale.
      for (const id of missed)
        expect([
          'saturation/sigmoid+bce/+40',
          'saturation/sigmoid+bce/+90',
          'saturation/sigmoid+bce/-40',
          'saturation/sigmoid+bce/-90',
        ]).toContain(id);
    }
  });
});
