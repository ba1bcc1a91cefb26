import { judgeStep, type StepJudgement, type StepJudgementInput } from '@onegrad/conformance';
import type { Backend, StepResult, TrainingSession } from '@onegrad/core';
import { afterAll, beforeAll } from 'vitest';
import { started, TARGETS, type Target } from '../src/targets.js';

/**
 * Starts one backend per target before the suite's tests and disposes them after; call it inside a
 * `describe`. Returns the lookup of a target's started backend.
 */
export function startedPerTarget(): (target: Target) => Backend {
  const backends = new Map<string, Backend>();
  beforeAll(async () => {
    for (const t of TARGETS) backends.set(t.label, await started(t));
  });
  afterAll(async () => {
    for (const b of backends.values()) await b.dispose();
  });
  return (target) => backends.get(target.label) as Backend;
}

/**
 * One traced step of `input` in a new session on `backend`, judged by the conformance suite with the
 * target's subnormal handling. The caller disposes the session (or the backend).
 */
export async function judgedStep(
  backend: Backend,
  target: Target,
  input: StepJudgementInput,
): Promise<{ session: TrainingSession; result: StepResult; verdict: StepJudgement }> {
  const { spec, params, batch, learningRate } = input;
  const session = await backend.createSession(spec, params);
  const result = await session.step(batch, { learningRate, trace: true });
  const verdict = judgeStep(input, result, { flushesSubnormals: target.flushesSubnormals });
  return { session, result, verdict };
}
