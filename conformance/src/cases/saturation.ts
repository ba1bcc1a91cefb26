import { type LossName, type StepResult, UNIT_ROUNDOFF } from '@onegrad/core';
import type { ExpectedStep } from '../error-model/expected-step.js';
import type { CaseContext, ConformanceCase } from './case.js';
import { type Problem, plain } from './problem.js';
import { expectedOf, once, singleStepCase } from './single-step-case.js';

/** Output pre-activations of the saturation cases. */
export const SATURATION_Z = [17, -17, 40, -40, 90, -90] as const;

/**
 * A 1-1-1 network whose output pre-activation is exactly `z` for two samples with targets 0 and 1:
 * x = 1, W1 = 0, b1 = 0 give A1 = 1/2, and W2 = 2z gives Z2 = z.
 */
export function saturationProblem(z: number, loss: LossName): Problem {
  return {
    sizes: [1, 1, 1],
    loss,
    x: plain([[1], [1]]),
    y: plain([[0], [1]]),
    params: [
      { W: plain([[0]]), b: plain([[0]]) },
      { W: plain([[2 * z]]), b: plain([[0]]) },
    ],
    learningRate: 0.1,
  };
}

/**
 * Where the exact a is closer to 1 than half the spacing below 1 (1 - a < u/2), a correctly rounded
 * sigmoid gives exactly 1, so the unfused bce dA must be non-finite (and flagged): the seed's point.
 * The error model alone would also accept 1 - u there; this is the case's own, stricter expectation.
 */
function expectSaturatedGrad(ctx: CaseContext, result: StepResult, expected: ExpectedStep, id: string): void {
  const out = expected.layers.at(-1);
  const dA = result.trace?.layers.at(-1)?.dA;
  if (!out || !dA) return;
  const u = UNIT_ROUNDOFF[ctx.dtype];
  out.a.hi.forEach((hi, i) => {
    const oneMinusA = 1 - hi - (out.a.lo[i] as number);
    const got = dA.data[i] as number;
    if (oneMinusA < u / 2 && Number.isFinite(got)) {
      ctx.tally.record({
        case: id,
        quantity: 'dA',
        layer: expected.layers.length,
        row: i,
        col: 0,
        got,
        want: Number.POSITIVE_INFINITY,
        bound: 0,
        ratio: Number.POSITIVE_INFINITY,
        note: `exact 1 - a = ${oneMinusA.toExponential(3)} < u/2 rounds a to 1 in ${ctx.dtype}: the unfused dA must be non-finite`,
      });
    }
  });
}

/** Saturated outputs: z = +-17, +-40, +-90 with targets 0 and 1, for bce and mse. */
export function saturationCases(): ConformanceCase[] {
  return (['bce', 'mse'] as const).flatMap((loss) =>
    SATURATION_Z.map((z) => {
      const id = `saturation/${loss}/${z > 0 ? '+' : ''}${z}`;
      const problem = once(() => saturationProblem(z, loss));
      const expected = once(() => expectedOf(problem()));
      const extra =
        loss === 'bce'
          ? (ctx: CaseContext, r: StepResult, e: ExpectedStep) => expectSaturatedGrad(ctx, r, e, id)
          : undefined;
      return singleStepCase(
        id,
        `output pre-activation ${z}, targets 0 and 1, ${loss}`,
        problem,
        expected,
        extra,
      );
    }),
  );
}
