import { readFileSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DType } from '@onegrad/core';
import { describe, expect, test } from 'vitest';
import type { Problem } from '../src/cases/problem.js';
import { problemBatch, problemParams, problemSpec } from '../src/cases/problem.js';
import { saturationProblem } from '../src/cases/saturation.js';
import { seedProblem } from '../src/cases/seed.js';
import { THRESHOLD } from '../src/error-model/constants.js';
import { judgeStep } from '../src/judge/judge-step.js';
import { createNaiveBackend } from './fixtures/naive-backend.js';
import type { Mutation } from './fixtures/naive-step.js';

async function traced(problem: Problem, dtype: DType, mutation?: Mutation) {
  const backend = createNaiveBackend(mutation ? { mutation } : {});
  await backend.init();
  const input = {
    spec: problemSpec(problem, dtype),
    params: problemParams(problem, dtype),
    batch: problemBatch(problem, dtype),
    learningRate: problem.learningRate,
  };
  const session = await backend.createSession(input.spec, input.params);
  const result = await session.step(input.batch, { learningRate: input.learningRate, trace: true });
  session.dispose();
  await backend.dispose();
  return { input, result };
}

describe('judgeStep', () => {
  test.each(['float32', 'float64'] as const)(
    'a correct %s step passes, with every ratio measured',
    async (dtype) => {
      const { input, result } = await traced(seedProblem('bce'), dtype);
      const j = judgeStep(input, result);
      expect(j.pass).toBe(true);
      expect(j.offenders).toEqual([]);
      expect(j.worstRatio).toBe(Math.max(...Object.values(j.worst)));
      expect(j.worstRatio).toBeGreaterThan(0);
      expect(j.worstRatio).toBeLessThanOrEqual(THRESHOLD);
    },
  );

  test('a saturated bce step passes with its unfused dA non-finite', async () => {
    const { input, result } = await traced(saturationProblem(40, 'bce'), 'float32');
    expect(judgeStep(input, result).pass).toBe(true);
  });

  test('a wrong dZ fails and names the offending elements', async () => {
    const { input, result } = await traced(seedProblem('bce'), 'float32', 'perturb-dz');
    const j = judgeStep(input, result, { case: 'demo', step: 7 });
    expect(j.pass).toBe(false);
    expect(j.worst.dZ).toBeGreaterThan(THRESHOLD);
    expect(j.offenders.some((o) => o.quantity === 'dZ' && o.case === 'demo' && o.step === 7)).toBe(true);
  });

  test('a step without a trace fails with a problem, not a ratio', async () => {
    const { input, result } = await traced(seedProblem('mse'), 'float64');
    const j = judgeStep(input, { loss: result.loss, diverging: false });
    expect(j.pass).toBe(false);
    expect(j.problems.join()).toMatch(/no trace/);
  });

  test('parameters that do not fit the spec are rejected', async () => {
    const { input, result } = await traced(seedProblem('bce'), 'float32');
    expect(() => judgeStep({ ...input, params: input.params.slice(1) }, result)).toThrow(/layers/);
  });

  // The demo runs it in a browser: nothing it imports (transitively, within this package) may use Node.
  test('its import graph has no node: modules', () => {
    const src = resolve(dirname(fileURLToPath(import.meta.url)), '../src');
    const seen = new Set<string>();
    const visit = (file: string): void => {
      if (seen.has(file)) return;
      seen.add(file);
      const text = readFileSync(file, 'utf8');
      for (const [, spec] of text.matchAll(/from '([^']+)'/g)) {
        expect(spec, file).not.toMatch(/^node:|^(fs|path|url|os|child_process)$/);
        if (spec?.startsWith('.')) visit(resolve(dirname(file), spec.replace(/\.js$/, '.ts')));
        else expect(['@onegrad/core', 'decimal.js']).toContain(spec);
      }
    };
    visit(resolve(src, 'judge/judge-step.ts'));
    expect(seen.size).toBeGreaterThan(5);
  });
});
