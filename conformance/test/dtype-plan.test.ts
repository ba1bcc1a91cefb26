import type { Backend } from '@onegrad/core';
import { describe, expect, test } from 'vitest';
import { dtypePlan } from '../src/runner/dtype-plan.js';
import { formatReport } from '../src/runner/format-report.js';
import { runConformance } from '../src/runner/run-conformance.js';
import { createNaiveBackend } from './fixtures/naive-backend.js';

const only = ['seed/sigmoid+bce', 'dtype/*'];

// Declares float32 only but accepts float64 anyway: the undeclared dtype must be rejected.
function lenient(): Backend {
  const inner = createNaiveBackend();
  return { ...inner, info: { ...inner.info, dtypes: ['float32'] } };
}

describe('every dtype of core is accounted for', () => {
  test('an undeclared dtype gets the single case dtype/unsupported, and it passes when createSession rejects', async () => {
    const target = { name: 'f32', create: () => createNaiveBackend({ dtypes: ['float32'] }) };
    expect(dtypePlan(target).map((p) => p.mode)).toEqual(['run', 'unsupported']);
    const report = await runConformance(target, { only });
    const f64 = report.backends.find((b) => b.dtype === 'float64');
    expect(f64?.results.map((r) => r.id)).toEqual(['dtype/unsupported']);
    expect(f64?.pass).toBe(true);
    expect(formatReport(report)).toMatch(/f32 +float64 +- +- /);
  });

  test('a backend that accepts a dtype it does not declare fails dtype/unsupported', async () => {
    const report = await runConformance({ name: 'lenient', create: lenient }, { only });
    const f64 = report.backends.find((b) => b.dtype === 'float64');
    expect(f64?.pass).toBe(false);
    expect(f64?.results[0]?.problems.join()).toMatch(/accepted float64/);
  });

  test('narrowing a declared dtype without a reason is a failure, never silent', async () => {
    const target = { name: 'narrow', create: () => createNaiveBackend(), dtypes: ['float32'] as const };
    const report = await runConformance(target, { only });
    const f64 = report.backends.find((b) => b.dtype === 'float64');
    expect(f64?.pass).toBe(false);
    expect(f64?.failed).toEqual(['dtype/dropped']);
    expect(f64?.results[0]?.problems.join()).toMatch(/'float64:\*'/);
  });

  test("narrowing with skip { 'float64:*': reason } reports every case as skipped with it", async () => {
    const target = {
      name: 'narrow',
      create: () => createNaiveBackend(),
      dtypes: ['float32'] as const,
      skip: { 'float64:*': 'too slow on this machine' },
    };
    const report = await runConformance(target, { only });
    const f64 = report.backends.find((b) => b.dtype === 'float64');
    expect(f64?.pass).toBe(true);
    expect(f64?.cases).toBe(0);
    expect(f64?.skipped).toEqual([{ case: 'seed/sigmoid+bce', reason: 'too slow on this machine' }]);
    expect(formatReport(report)).toContain(
      'skipped narrow float64 seed/sigmoid+bce: too slow on this machine',
    );
  });
});
