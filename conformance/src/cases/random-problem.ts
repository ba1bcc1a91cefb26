import { seededRandom } from '@onegrad/core';
import type { PlainMatrix, Problem } from './problem.js';
import type { RandomCaseSpec } from './random-table.js';

/** A float32-exact matrix of `rows x cols` values drawn from `f`, row-major. */
export function drawMatrix(rows: number, cols: number, f: () => number): PlainMatrix {
  return { rows, cols, data: Array.from({ length: rows * cols }, () => Math.fround(f())) };
}

/**
 * Parameters and inputs of a random net, in this order from `rand`: per layer W_l uniform in
 * +-1.5 sqrt(6 / (n_{l-1} + n_l)) (a little wider than Glorot, to reach the curved part of the
 * activations) and b_l uniform in [-0.5, 0.5), then X uniform in [-2, 2).
 */
export function drawNet(
  sizes: readonly number[],
  batch: number,
  rand: () => number,
): Pick<Problem, 'params' | 'x'> {
  const params = sizes.slice(1).map((n, l) => {
    const nIn = sizes[l] as number;
    const r = 1.5 * Math.sqrt(6 / (nIn + n));
    return { W: drawMatrix(nIn, n, () => (2 * rand() - 1) * r), b: drawMatrix(1, n, () => rand() - 0.5) };
  });
  return { params, x: drawMatrix(batch, sizes[0] as number, () => 4 * rand() - 2) };
}

/** The problem of a random case, drawn in float32 from the spec's seed (see drawNet); targets 0/1 or uniform in [0, 1). */
export function randomProblem(spec: RandomCaseSpec): Problem {
  const rand = seededRandom(spec.seed);
  const { params, x } = drawNet(spec.sizes, spec.batch, rand);
  const nL = spec.sizes.at(-1) as number;
  const y = drawMatrix(spec.batch, nL, spec.targets === 'hard' ? () => (rand() < 0.5 ? 0 : 1) : rand);
  return { sizes: spec.sizes, loss: spec.loss, x, y, params, learningRate: spec.learningRate };
}
