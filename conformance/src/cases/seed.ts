import type { LossName } from '@onegrad/core';
import type { ConformanceCase } from './case.js';
import { netTag } from './networks.js';
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

/**
 * A small fixed network with a tanh hidden layer and a softmax + cce output over three classes,
 * dyadic values (exact in float32), targets one-hot and soft: the trajectory, switch and
 * determinism cases' second network.
 */
export function softmaxProblem(): Problem {
  return {
    sizes: [2, 3, 3],
    activations: ['tanh', 'softmax'],
    loss: 'cce',
    x: plain([
      [1, -0.5],
      [0.25, 1],
      [-1, 0.75],
    ]),
    y: plain([
      [1, 0, 0],
      [0, 0.5, 0.5],
      [0.25, 0.25, 0.5],
    ]),
    params: [
      {
        W: plain([
          [0.5, -0.25, 0.75],
          [0.125, 0.625, -0.5],
        ]),
        b: plain([[0, 0.125, -0.25]]),
      },
      {
        W: plain([
          [0.5, -0.75, 0.25],
          [-0.375, 0.25, 0.5],
          [0.625, 0.125, -0.5],
        ]),
        b: plain([[0, 0.0625, -0.125]]),
      },
    ],
    learningRate: 0.5,
  };
}

/** The problems the multi-step cases run: the seed with both losses, and tanh + softmax + cce. */
export function multiStepProblems(): Problem[] {
  return [seedProblem('bce'), seedProblem('mse'), softmaxProblem()];
}

/** One step of the seed's network, for bce and mse. */
export function seedCases(): ConformanceCase[] {
  return (['bce', 'mse'] as const).map((loss) => {
    const problem = once(() => seedProblem(loss));
    return singleStepCase(
      `seed/${netTag(problem())}`,
      `the seed's 2-2-1 network, one step, ${loss}`,
      problem,
      once(() => expectedOf(problem())),
    );
  });
}
