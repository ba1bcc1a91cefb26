import { seededRandom } from '@onegrad/core';
import type { PlainMatrix, Problem } from './problem.js';
import type { RandomCaseSpec } from './random-table.js';

/**
 * The problem of a random case, drawn in float32 from the spec's seed: X uniform in [-2, 2), W_l
 * uniform in +-1.5 sqrt(6 / (n_{l-1} + n_l)) (a little wider than Glorot, to reach the sigmoid's
 * curved part), b_l uniform in [-0.5, 0.5), targets 0/1 or uniform in [0, 1).
 */
export function randomProblem(spec: RandomCaseSpec): Problem {
  const rand = seededRandom(spec.seed);
  const draw = (rows: number, cols: number, f: () => number): PlainMatrix => ({
    rows,
    cols,
    data: Array.from({ length: rows * cols }, () => Math.fround(f())),
  });
  const params = spec.sizes.slice(1).map((n, l) => {
    const nIn = spec.sizes[l] as number;
    const r = 1.5 * Math.sqrt(6 / (nIn + n));
    return { W: draw(nIn, n, () => (2 * rand() - 1) * r), b: draw(1, n, () => rand() - 0.5) };
  });
  const x = draw(spec.batch, spec.sizes[0] as number, () => 4 * rand() - 2);
  const nL = spec.sizes.at(-1) as number;
  const y = draw(spec.batch, nL, spec.targets === 'hard' ? () => (rand() < 0.5 ? 0 : 1) : rand);
  return { sizes: spec.sizes, loss: spec.loss, x, y, params, learningRate: spec.learningRate };
}
