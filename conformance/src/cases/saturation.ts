import { type LossName, type StepResult, UNIT_ROUNDOFF } from '@onegrad/core';
import type { ExpectedStep } from '../judge/expected-step.js';
import type { CaseContext, ConformanceCase } from './case.js';
import { netTag } from './networks.js';
import { type Problem, plain } from './problem.js';
import { expectedOf, once, singleStepCase } from './single-step-case.js';

/** Output pre-activations of the sigmoid saturation cases. */
export const SATURATION_Z = [17, -17, 40, -40, 90, -90] as const;

/** Output pre-activations of the tanh saturation cases. */
export const TANH_SATURATION_Z = [20, -20, 50, -50] as const;

/** Logits of the bce tail cases, where the cost is the softplus tail log1p(e^z) alone. */
export const BCE_TAIL_Z = [-3.140625, -8, -17, -40, -80] as const;

/** Half the spread of the softmax saturation cases: logits s, 0, -s. */
export const SOFTMAX_SATURATION_S = [50, 100, 500] as const;

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
        expected: 'non-finite (+Infinity or NaN), flagged in dANonFinite',
        note: `exact 1 - a = ${oneMinusA.toExponential(3)} < u/2 rounds a to 1 in ${ctx.dtype}: the unfused dA must be non-finite`,
      });
    }
  });
}

/**
 * One sample on a 1-1 sigmoid network with the logit exactly `z` < 0 (x = 0, W = 0, b = z) and target
 * 0: the cost is log1p(e^z) alone, undiluted by other samples, so an engine whose log1p is
 * log(1 + x) (relative error about u / x) fails it. Found by the robustness property test.
 */
export function bceTailProblem(z: number): Problem {
  return {
    sizes: [1, 1],
    loss: 'bce',
    x: plain([[0]]),
    y: plain([[0]]),
    params: [{ W: plain([[0]]), b: plain([[z]]) }],
    learningRate: 0.03125,
  };
}

/** A 1-1-1 network with a tanh output at exactly `z` (as {@link saturationProblem}), targets -1 and 1, mse. */
export function tanhSaturationProblem(z: number): Problem {
  return {
    ...saturationProblem(z, 'mse'),
    activations: ['sigmoid', 'tanh'],
    y: plain([[-1], [1]]),
  };
}

/**
 * A 1-1-3 network whose softmax logits are exactly s, 0 and -s (x = 1, W1 = 0 give A1 = 1/2, and
 * W2 = [2s, 0, -2s]), with the targets on the largest and on the smallest logit: the smallest
 * probability e^-2s underflows (float32 from s = 52, float64 from s = 373), and the unfused dA = -y / a
 * with it, while the fused dZ = A - Y stays exact.
 */
export function softmaxSaturationProblem(s: number, loss: LossName): Problem {
  return {
    sizes: [1, 1, 3],
    activations: ['sigmoid', 'softmax'],
    loss,
    x: plain([[1], [1]]),
    y: plain([
      [1, 0, 0],
      [0, 0, 1],
    ]),
    params: [
      { W: plain([[0]]), b: plain([[0]]) },
      { W: plain([[2 * s, 0, -2 * s]]), b: plain([[0, 0, 0]]) },
    ],
    learningRate: 0.1,
  };
}

/** A single-step case of a saturation problem. */
function saturationCase(
  id: string,
  what: string,
  problem: () => Problem,
  extra?: typeof expectSaturatedGrad,
) {
  const expected = once(() => expectedOf(problem()));
  return singleStepCase(
    id,
    what,
    problem,
    expected,
    extra && ((ctx: CaseContext, r: StepResult, e: ExpectedStep) => extra(ctx, r, e, id)),
  );
}

/**
 * Saturated outputs: sigmoid at z = +-17, +-40, +-90 (targets 0 and 1, bce and mse), tanh at
 * +-20, +-50 (targets -1 and 1, mse), softmax with logits spread by 100, 200 and 1000 (cce and mse),
 * and the bce cost's tail at z = -3.14 to -80 on one sample.
 */
export function saturationCases(): ConformanceCase[] {
  const sign = (z: number) => `${z > 0 ? '+' : ''}${z}`;
  const sigmoid = (['bce', 'mse'] as const).flatMap((loss) =>
    SATURATION_Z.map((z) => {
      const problem = once(() => saturationProblem(z, loss));
      return saturationCase(
        `saturation/${netTag(problem())}/${sign(z)}`,
        `output pre-activation ${z}, targets 0 and 1, ${loss}`,
        problem,
        loss === 'bce' ? expectSaturatedGrad : undefined,
      );
    }),
  );
  const tanh = TANH_SATURATION_Z.map((z) => {
    const problem = once(() => tanhSaturationProblem(z));
    return saturationCase(
      `saturation/${netTag(problem())}/${sign(z)}`,
      `tanh output at ${z}, targets -1 and 1, mse`,
      problem,
    );
  });
  const softmax = (['cce', 'mse'] as const).flatMap((loss) =>
    SOFTMAX_SATURATION_S.map((s) => {
      const problem = once(() => softmaxSaturationProblem(s, loss));
      return saturationCase(
        `saturation/${netTag(problem())}/spread-${2 * s}`,
        `softmax logits ${s}, 0, ${-s}, targets on the largest and the smallest, ${loss}`,
        problem,
      );
    }),
  );
  const tail = BCE_TAIL_Z.map((z) => {
    const problem = once(() => bceTailProblem(z));
    return saturationCase(
      `tail/${netTag(problem())}/${z}`,
      `the bce cost's tail log1p(e^${z}), target 0`,
      problem,
    );
  });
  return [...sigmoid, ...tanh, ...softmax, ...tail];
}
