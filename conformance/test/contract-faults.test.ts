import { describe, expect, test } from 'vitest';
import { runConformance } from '../src/runner/run-conformance.js';
import type { ConformanceTarget } from '../src/target.js';
import { createNaiveBackend, type Fault } from './fixtures/naive-backend.js';

const only = ['contract/*', 'deviations/*'];

/** The ids of the failed cases of a run, over both dtypes. */
async function failedCases(target: ConformanceTarget): Promise<string[]> {
  const report = await runConformance(target, { only });
  return [...new Set(report.backends.flatMap((b) => b.failed))].sort();
}

// Each outside backend with one contract fault, and exactly the cases that must fail for it.
const faults: [Fault, string[]][] = [
  ['live-params', ['contract/ownership/get-params']],
  ['reused-trace', ['contract/ownership/trace']],
  [
    'no-validation',
    [
      'contract/errors/create-session',
      'contract/errors/forward',
      'contract/errors/set-params',
      'contract/errors/step',
    ],
  ],
  ['commit-rejected', ['contract/rejected-step/non-finite-cost', 'contract/rejected-step/non-finite-update']],
  [
    'no-divergence',
    [
      'contract/divergence/flag',
      'contract/divergence/non-finite-cost',
      'contract/divergence/non-finite-update',
    ],
  ],
  ['no-dispose', ['contract/disposed/backend', 'contract/disposed/session']],
  ['naive-sigmoid', ['deviations/flushes-subnormals']],
];

const faulty = (fault: Fault): ConformanceTarget => ({
  name: fault,
  create: () => createNaiveBackend({ fault }),
  // The naive sigmoid returns 0 where e^-z overflows and declares a flush to pass the numerical cases.
  ...(fault === 'naive-sigmoid' ? { flushesSubnormals: true } : {}),
});

describe('the contract cases', () => {
  test('a correct hand-written backend passes every contract and deviation case in both dtypes', async () => {
    const report = await runConformance({ name: 'naive', create: () => createNaiveBackend() }, { only });
    expect(report.backends.map((b) => [b.dtype, b.failed])).toEqual([
      ['float32', []],
      ['float64', []],
    ]);
    expect(report.backends[0]?.cases).toBeGreaterThanOrEqual(19);
  });

  test.each(faults)(
    'an outside backend with the fault %s fails exactly its own family',
    async (fault, cases) => {
      expect(await failedCases(faulty(fault))).toEqual(cases);
    },
  );

  test('the naive sigmoid passes the saturation cases only by its flush declaration', async () => {
    const cases = ['saturation/sigmoid+bce/-90', 'saturation/sigmoid+mse/-90'];
    const declared = await runConformance(
      { ...faulty('naive-sigmoid'), dtypes: ['float32'] },
      { only: cases },
    );
    expect(declared.backends[0]?.failed).toEqual([]);
    const honest = await runConformance(
      {
        name: 'naive-sigmoid',
        create: () => createNaiveBackend({ fault: 'naive-sigmoid' }),
        dtypes: ['float32'],
      },
      { only: cases },
    );
    expect(honest.backends[0]?.failed).toEqual(cases);
  });
});
