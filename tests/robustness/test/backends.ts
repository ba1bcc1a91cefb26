import { judgeStep, type StepJudgement, type StepJudgementInput } from '@onegrad/conformance';
import {
  type Backend,
  type Batch,
  type Params,
  paramsBitEqual,
  type StepResult,
  type TrainingSession,
} from '@onegrad/core';
import { afterAll, beforeAll, expect } from 'vitest';
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

/**
 * Asserts that `session` still holds `params` bit for bit and that its next step on `batch` is the one a
 * fresh session from `params` takes (`fresh`, or one created on `backend`): same cost, same bits after.
 */
export async function expectUntouched(
  backend: Backend,
  session: TrainingSession,
  params: Params,
  batch: Batch,
  learningRate: number,
  fresh?: TrainingSession,
): Promise<void> {
  expect(paramsBitEqual(await session.getParams(), params)).toBe(true);
  const other = fresh ?? (await backend.createSession(session.spec, params));
  const [got, want] = [
    await session.step(batch, { learningRate }),
    await other.step(batch, { learningRate }),
  ];
  expect(got.loss).toBe(want.loss);
  expect(paramsBitEqual(await session.getParams(), await other.getParams())).toBe(true);
  if (fresh === undefined) other.dispose();
}
