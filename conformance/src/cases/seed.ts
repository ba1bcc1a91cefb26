import type { LossName } from '@onegrad/core';
import type { ConformanceCase } from './case.js';
import { type Problem, plain } from './problem.js';
import { expectedOf, once, singleStepCase } from './single-step-case.js';

/**
 * The seed's network: X = [[1, 1], [0, 0]] (two samples, one per row), Y = [[1], [0]], sizes 2-2-1,
 * learning rate 0.1, and fixed small weights (dyadic, so exact in float32) in place of randn * 0.1.
 */
export function seedProblem(loss: LossName): Problem {
  return {
    sizes: [2, 2, 1],
    loss,
    x: plain([
      [1, 1],
      [0, 0],
    ]),
    y: plain([[1], [0]]),
    params: [
      {
        W: plain([
          [0.125, -0.25],
          [0.375, 0.0625],
        ]),
        b: plain([[0, 0]]),
      },
      { W: plain([[0.5], [-0.75]]), b: plain([[0]]) },
    ],
    learningRate: 0.1,
  };
}

/** One step of the seed's network, for bce and mse. */
export function seedCases(): ConformanceCase[] {
  return (['bce', 'mse'] as const).map((loss) => {
    const problem = once(() => seedProblem(loss));
    return singleStepCase(
      `seed/${loss}`,
      `the seed's 2-2-1 network, one step, ${loss}`,
      problem,
      once(() => expectedOf(problem())),
    );
  });
}
