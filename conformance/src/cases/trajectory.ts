import type { Matrix, Params } from '@onegrad/core';
import { expectedStep } from '../judge/expected-step.js';
import type { Dec } from '../reference/decimal.js';
import type { DMatrix } from '../reference/dmatrix.js';
import { type DLayerParams, referenceStep } from '../reference/step.js';
import type { ConformanceCase } from './case.js';
import { checkStep } from './check-step.js';
import { netTag } from './networks.js';
import { problemParams, problemSpec, referenceInputOf } from './problem.js';
import { multiStepProblems } from './seed.js';
import { once } from './single-step-case.js';

/** Steps of each trajectory. */
export const TRAJECTORY_STEPS = 100;

/** Largest |backend - reference| over a parameter matrix, relative to its largest |reference| element. */
function drift(got: Params, own: readonly DLayerParams[]): number {
  let worst = 0;
  const each = (m: Matrix, d: DMatrix) => {
    const want = d.v.map((x) => (x as Dec).toNumber());
    const scale = Math.max(...want.map(Math.abs), Number.MIN_VALUE);
    m.data.forEach((v, i) => {
      worst = Math.max(worst, Math.abs(v - (want[i] as number)) / scale);
    });
  };
  got.forEach((p, l) => {
    each(p.W, (own[l] as DLayerParams).W);
    each(p.b, (own[l] as DLayerParams).b);
  });
  return worst;
}

/**
 * The seed's network (bce, mse) and a tanh + softmax + cce network trained for 100 steps. Each step is judged by the one-step error model from the
 * backend's own current parameters; the distance to the reference's own trajectory (which compounds
 * rounding over the steps) is reported as information: `drift/<network>`, the largest parameter error relative to the largest
 * parameter of its matrix.
 */
export function trajectoryCases(): ConformanceCase[] {
  return multiStepProblems().map((p) => {
    const tag = netTag(p);
    const id = `trajectory/${p.sizes.join('-')}/${tag}`;
    // The reference's own trajectory depends on the problem alone: computed once per case, shared by its dtypes.
    const ownParams = once(() => {
      const params: (readonly DLayerParams[])[] = [];
      let own = referenceInputOf(p).params;
      for (let step = 0; step < TRAJECTORY_STEPS; step++) {
        own = referenceStep(referenceInputOf(p, own)).params;
        params.push(own);
      }
      return params;
    });
    return {
      id,
      description: `${TRAJECTORY_STEPS} steps of a ${p.sizes.join('-')} ${tag} network, compared step by step`,
      async run(ctx) {
        const session = await ctx.backend.createSession(
          problemSpec(p, ctx.dtype),
          problemParams(p, ctx.dtype),
        );
        let worst = 0;
        try {
          for (let step = 0; step < TRAJECTORY_STEPS && ctx.tally.problems.length === 0; step++) {
            const current = await session.getParams();
            const expected = expectedStep(referenceStep(referenceInputOf(p, current)), p.y.data);
            await checkStep(ctx, session, p, expected, { case: id, step });
            worst = Math.max(
              worst,
              drift(await session.getParams(), ownParams()[step] as readonly DLayerParams[]),
            );
          }
        } finally {
          session.dispose();
        }
        ctx.info[`drift/${tag}`] = worst;
      },
    };
  });
}
