import { type FloatArray, paramsBitEqual, type StepTrace } from '@onegrad/core';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { TARGETS } from '../src/targets.js';
import { judgedStep, startedPerTarget } from './backends.js';
import { inDType, type RandomProblem, type Reach, randomProblem } from './random-problem.js';

// Each run steps every backend in every dtype on one problem.
const RUNS = 25;

/** Names of the traced values that are not finite, but the unfused bce output dA (flagged, and allowed). */
function nonFinite(trace: StepTrace, bce: boolean): string[] {
  const L = trace.layers.length;
  const named: (readonly [string, FloatArray])[] = trace.layers.flatMap((t, l) => {
    const all = { z: t.z, a: t.a, dA: t.dA, dZ: t.dZ, dW: t.dW, db: t.db };
    if (bce && l === L - 1) delete (all as Partial<typeof all>).dA;
    return Object.entries(all).map(([k, m]) => [`${k}${l + 1}`, m.data] as const);
  });
  named.push(
    ...trace.params.flatMap((p, l) => [[`W${l + 1}'`, p.W.data] as const, [`b${l + 1}'`, p.b.data] as const]),
  );
  return named.filter(([, data]) => !data.every(Number.isFinite)).map(([name]) => name);
}

describe('random problems on every backend', () => {
  const backendOf = startedPerTarget();

  // Steps `p` on every target: the trace within the error model, nothing non-finite but the flagged dA.
  async function agrees(p: RandomProblem): Promise<void> {
    for (const target of TARGETS) {
      const { session, result, verdict } = await judgedStep(backendOf(target), target, {
        ...inDType(p, target.dtype),
        learningRate: p.learningRate,
      });
      const { offenders, problems } = verdict;
      expect({ target: target.label, offenders, problems }).toEqual({
        target: target.label,
        offenders: [],
        problems: [],
      });
      expect(verdict.pass).toBe(true);
      expect(nonFinite(result.trace as StepTrace, p.loss === 'bce'), target.label).toEqual([]);
      expect(Number.isFinite(result.loss)).toBe(true);
      expect(paramsBitEqual(await session.getParams(), result.trace?.params ?? [])).toBe(true);
      session.dispose();
    }
  }

  const property = (reach: Reach) => () =>
    fc.assert(fc.asyncProperty(randomProblem(reach), agrees), {
      numRuns: RUNS,
      // A failure's shrinking re-steps every backend many times: stop it in time to report what it found.
      interruptAfterTimeLimit: 45_000,
      // Running out of time before the runs are done is a failure, never a silent pass with fewer runs.
      markInterruptAsFailure: true,
    });

  it(
    'agrees with the reference on moderate values (|x| <= 4, |W| <= 2)',
    property({ x: 4, w: 2, b: 1 }),
    90_000,
  );
  it(
    'stays finite and within bounds when the sigmoids saturate (|x|, |W| <= 8)',
    property({ x: 8, w: 8, b: 8 }),
    90_000,
  );
});
