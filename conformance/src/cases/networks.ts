import { type ActivationName, type LossName, seededRandom } from '@onegrad/core';
import { arithmeticOf } from '../error-model/arithmetic.js';
import { expectedMatrix } from '../judge/expected.js';
import { gateUndetermined } from '../judge/kinks.js';
import { activationReference } from '../reference/registry.js';
import { referenceStep } from '../reference/step.js';
import { type Problem, referenceInputOf } from './problem.js';
import { drawNet } from './random-problem.js';

/**
 * The network of a problem as case ids name it: the output pair `<activation>+<loss>`, after the
 * hidden activations when they are not all the output's (`tanh-softmax+cce`, `sigmoid+bce`).
 */
export function netTag(p: Pick<Problem, 'sizes' | 'loss' | 'activations'>): string {
  const names = p.activations ?? p.sizes.slice(1).map(() => 'sigmoid');
  const same = names.every((n) => n === names[0]);
  return `${same ? names[0] : names.join('-')}+${p.loss}`;
}

/** A seeded random network with named activations, drawn exactly in float32. */
export interface DrawnNet {
  readonly sizes: readonly number[];
  readonly activations: readonly ActivationName[];
  readonly loss: LossName;
  readonly batch: number;
  readonly learningRate: number;
  readonly seed: number;
}

/** Targets the output pair can reach: 0/1 for bce, distributions in eighths for cce, the activation's range for mse. */
function targetOf(net: DrawnNet, rand: () => number, cols: number): () => number[] {
  const output = net.activations.at(-1);
  if (net.loss === 'bce') return () => Array.from({ length: cols }, () => (rand() < 0.5 ? 0 : 1));
  if (net.loss === 'cce') {
    // Eight eighths dealt among the classes: exact in float32, each row sums to exactly 1.
    return () => {
      const counts = new Array<number>(cols).fill(0);
      for (let k = 0; k < 8; k++) {
        const j = Math.floor(rand() * cols);
        counts[j] = (counts[j] as number) + 1;
      }
      return counts.map((c) => c / 8);
    };
  }
  const [lo, hi] =
    output === 'tanh' ? [-1, 1] : output === 'relu' ? [0, 2] : output === 'identity' ? [-3, 3] : [0, 1];
  return () => Array.from({ length: cols }, () => lo + (hi - lo) * rand());
}

/** True when no Z of a kinked activation (relu) lies within its float32 bound of the kink. */
function clearOfKinks(p: Problem): boolean {
  const step = referenceStep(referenceInputOf(p));
  const { u, floor } = arithmeticOf('float32');
  return step.layers.every((layer, l) => {
    const kinks = activationReference(step.activations[l] ?? 'sigmoid').kinks ?? [];
    const z = expectedMatrix(layer.z);
    return kinks.every((k) => z.hi.every((_, i) => !gateUndetermined(z, i, k, u, floor)));
  });
}

/**
 * The problem of a drawn net: parameters and X as the stored random cases draw them (drawNet),
 * targets as {@link targetOf}. A draw whose relu Z would sit within its
 * error bound of 0 is redrawn (seed + 1000), so every gradient is determined by the error model.
 */
export function drawProblem(net: DrawnNet): Problem {
  for (let attempt = 0; ; attempt++) {
    const rand = seededRandom(net.seed + 1000 * attempt);
    const { params, x } = drawNet(net.sizes, net.batch, rand);
    const nL = net.sizes.at(-1) as number;
    const row = targetOf(net, rand, nL);
    const y = {
      rows: net.batch,
      cols: nL,
      data: Array.from({ length: net.batch }, row).flat().map(Math.fround),
    };
    const p: Problem = {
      sizes: net.sizes,
      activations: net.activations,
      loss: net.loss,
      x,
      y,
      params,
      learningRate: net.learningRate,
    };
    if (clearOfKinks(p) || attempt >= 20) return p;
  }
}
