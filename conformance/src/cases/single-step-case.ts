import type { StepResult } from '@onegrad/core';
import { type ExpectedStep, expectedStep } from '../judge/expected-step.js';
import { referenceStep } from '../reference/step.js';
import type { CaseContext, ConformanceCase } from './case.js';
import { checkStep } from './check-step.js';
import { type Problem, problemParams, problemSpec, referenceInputOf } from './problem.js';

/** The reference step of a problem, ready for comparison. */
export function expectedOf(problem: Problem): ExpectedStep {
  return expectedStep(referenceStep(referenceInputOf(problem)), problem.y.data);
}

/**
 * A case that runs one step of a problem on a fresh session and compares it with the reference.
 * `expected` is computed on first use (or read from stored data) and shared by both dtypes;
 * `extra` adds case-specific checks on the step's result.
 */
export function singleStepCase(
  id: string,
  description: string,
  problem: () => Problem,
  expected: () => ExpectedStep,
  extra?: (ctx: CaseContext, result: StepResult, expected: ExpectedStep) => void,
): ConformanceCase {
  return {
    id,
    description,
    async run(ctx) {
      const p = problem();
      const session = await ctx.backend.createSession(problemSpec(p, ctx.dtype), problemParams(p, ctx.dtype));
      try {
        const result = await checkStep(ctx, session, p, expected(), { case: id });
        extra?.(ctx, result, expected());
      } finally {
        session.dispose();
      }
    },
  };
}

/** Memoizes a thunk. */
export function once<T>(make: () => T): () => T {
  let value: { v: T } | undefined;
  return () => {
    value ??= { v: make() };
    return value.v;
  };
}
