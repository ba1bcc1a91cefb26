import type { StepResult, TrainingSession } from '@onegrad/core';
import { arithmeticOf } from '../error-model/arithmetic.js';
import { compareMatrix, type Where, whereText } from '../judge/compare-matrix.js';
import { compareStep } from '../judge/compare-step.js';
import type { ExpectedStep } from '../judge/expected-step.js';
import { paramsDifference } from './bit-difference.js';
import type { CaseContext } from './case.js';
import { type Problem, problemBatch } from './problem.js';

/**
 * Runs `forward` and one traced `step` of `problem` on `session` and compares both with `expected`;
 * the parameters read back after the step must be the trace's updated parameters, bit for bit.
 * Returns the step's result for case-specific checks.
 */
export async function checkStep(
  ctx: CaseContext,
  session: TrainingSession,
  problem: Problem,
  expected: ExpectedStep,
  where: Where,
): Promise<StepResult> {
  const batch = problemBatch(problem, ctx.dtype);
  const arith = arithmeticOf(ctx.dtype, ctx.flushesSubnormals);
  const L = expected.layers.length;
  const out = await session.forward(batch.x);
  const c = { tally: ctx.tally, arith, where: { ...where, source: 'trace' } };
  compareMatrix(
    { ...c, where: { ...where, source: 'forward()' } },
    'A',
    L,
    out,
    (expected.layers[L - 1] as ExpectedStep['layers'][number]).a,
  );
  const result = await session.step(batch, { learningRate: problem.learningRate, trace: true });
  compareStep(c, result, expected);
  const after = await session.getParams();
  const d = result.trace && paramsDifference(result.trace.params, after);
  if (d) {
    ctx.tally.problems.push(
      `${whereText(where)}: getParams() after the step differs from the trace's updated parameters (trace vs getParams: ${d})`,
    );
  }
  return result;
}
