import { type ActivationName, findActivation, findLoss, type LossName } from '@onegrad/core';
import { referencedActivations, referencedLosses } from '../reference/registry.js';
import type { ConformanceCase } from './case.js';
import { type DrawnNet, drawProblem, netTag } from './networks.js';
import { type Problem, plain } from './problem.js';
import { expectedOf, once, singleStepCase } from './single-step-case.js';

/**
 * Every valid output pair among the activations and losses that have a reference (built-ins first,
 * then any registered): bce after sigmoid, cce after softmax, mse after any activation.
 */
export function outputPairs(): [ActivationName, LossName][] {
  return referencedActivations().flatMap((act) =>
    referencedLosses()
      .filter((loss) => {
        const follows = findLoss(loss)?.follows;
        return findActivation(act) !== undefined && (follows === undefined || follows.includes(act));
      })
      .map((loss): [ActivationName, LossName] => [act, loss]),
  );
}

/** Activations with a reference that may stand on a hidden layer (not row-wise). */
export function hiddenActivations(): ActivationName[] {
  return referencedActivations().filter((act) => findActivation(act)?.rowwise === false);
}

/** Seeded random nets that mix activations (computed in the reference when first run, not stored). */
export const MIXED_NETS: readonly DrawnNet[] = [
  {
    sizes: [4, 8, 6, 3],
    activations: ['relu', 'tanh', 'softmax'],
    loss: 'cce',
    batch: 8,
    learningRate: 0.5,
    seed: 201,
  },
  {
    sizes: [3, 6, 5, 2],
    activations: ['tanh', 'relu', 'identity'],
    loss: 'mse',
    batch: 6,
    learningRate: 0.1,
    seed: 202,
  },
  {
    sizes: [5, 7, 4, 2],
    activations: ['identity', 'relu', 'tanh'],
    loss: 'mse',
    batch: 5,
    learningRate: 0.3,
    seed: 203,
  },
  {
    sizes: [2, 4, 4, 4, 3],
    activations: ['sigmoid', 'relu', 'tanh', 'softmax'],
    loss: 'mse',
    batch: 7,
    learningRate: 1,
    seed: 204,
  },
];

/** A case of one drawn net, its id naming the network. */
function drawnCase(family: string, what: string, net: DrawnNet): ConformanceCase {
  const problem = once(() => drawProblem(net));
  return singleStepCase(
    `${family}/${netTag(net)}`,
    `${what}: sizes [${net.sizes.join(', ')}], batch ${net.batch}`,
    problem,
    once(() => expectedOf(problem())),
  );
}

/**
 * A net with the hidden layers exactly at 0 and dead: relu Z = 0 exactly for one unit (W and b 0,
 * so its bound is 0 and the derivative there is 0), below 0 on every sample for another, alive for
 * the third; identity output, squared error against targets outside [0, 1].
 */
export function reluZerosProblem(): Problem {
  return {
    sizes: [2, 3, 1],
    activations: ['relu', 'identity'],
    loss: 'mse',
    x: plain([
      [1, 2],
      [2, 1],
      [0.5, 0.5],
    ]),
    y: plain([[2], [-1], [0.5]]),
    params: [
      {
        W: plain([
          [0, -1, 0.5],
          [0, -1, 0.25],
        ]),
        b: plain([[0, -0.5, 0.125]]),
      },
      { W: plain([[0.5], [0.75], [-1]]), b: plain([[0.25]]) },
    ],
    learningRate: 0.1,
  };
}

/**
 * Each activation on the hidden layer (before a sigmoid + bce output), each valid output pair (after
 * a tanh hidden layer), identity regression, relu's exact zeros and dead units, and mixed nets.
 */
export function activationCases(): ConformanceCase[] {
  const hidden = hiddenActivations().map((act, k) =>
    drawnCase('hidden', `${act} hidden layer`, {
      sizes: [3, 5, 2],
      activations: [act, 'sigmoid'],
      loss: 'bce',
      batch: 6,
      learningRate: 0.5,
      seed: 301 + k,
    }),
  );
  const output = outputPairs().map(([act, loss], k) =>
    drawnCase('output', `${act} + ${loss} output`, {
      sizes: [3, 4, Math.max(2, findActivation(act)?.minUnits ?? 1, findActivation(act)?.rowwise ? 3 : 2)],
      activations: ['tanh', act],
      loss,
      batch: 5,
      learningRate: 0.5,
      seed: 311 + k,
    }),
  );
  const regression = drawnCase('regression', 'identity regression, targets in [-3, 3]', {
    sizes: [2, 6, 1],
    activations: ['tanh', 'identity'],
    loss: 'mse',
    batch: 8,
    learningRate: 0.05,
    seed: 321,
  });
  const zeros = once(reluZerosProblem);
  const relu = singleStepCase(
    `relu/zeros-and-dead/${netTag(zeros())}`,
    'relu units exactly at 0 (derivative 0) and dead on every sample, identity regression',
    zeros,
    once(() => expectedOf(zeros())),
  );
  const mixed = MIXED_NETS.map((net) => drawnCase('mixed', 'a random net mixing activations', net));
  return [...hidden, ...output, regression, relu, ...mixed];
}
