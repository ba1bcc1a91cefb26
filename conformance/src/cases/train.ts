import {
  DivergenceError,
  type Matrix,
  PARAM_QUANTITIES,
  type Params,
  type TrainingSession,
} from '@onegrad/core';
import { firstBitDifference } from './bit-difference.js';
import type { CaseContext, ConformanceCase } from './case.js';
import { netTag } from './networks.js';
import { type Problem, plain, problemBatch, problemParams, problemSpec } from './problem.js';
import { multiStepProblems, softmaxProblem } from './seed.js';

/** Steps of one `train` call in the agreeing cases. */
const STEPS = 25;

/**
 * A 1-1 identity network under mse at learning rate 100: each step multiplies the weights by about
 * -400, so the cost overflows after a few steps in float32 and about a hundred in float64, well
 * inside one run of {@link DIVERGING_STEPS}.
 */
function explodingProblem(): Problem {
  return {
    sizes: [1, 1],
    loss: 'mse',
    activations: ['identity'],
    x: plain([[1], [0.5]]),
    y: plain([[0], [0.25]]),
    params: [{ W: plain([[0.5]]), b: plain([[0.125]]) }],
    learningRate: 100,
  };
}
const DIVERGING_STEPS = 400;

/** What a run ended with: the costs applied, the parameters, and the refusal if there was one. */
interface Outcome {
  readonly losses: Float64Array;
  readonly params: Params;
  readonly refused?: DivergenceError;
}

async function open(ctx: CaseContext, p: Problem): Promise<TrainingSession> {
  return ctx.backend.createSession(problemSpec(p, ctx.dtype), problemParams(p, ctx.dtype));
}

/** `steps` single `step` calls, stopping at the first refusal. */
async function stepped(ctx: CaseContext, p: Problem, steps: number): Promise<Outcome> {
  const session = await open(ctx, p);
  try {
    const batch = problemBatch(p, ctx.dtype);
    const losses: number[] = [];
    for (let k = 0; k < steps; k++) {
      const refused = await session.step(batch, { learningRate: p.learningRate }).then(
        (r) => {
          losses.push(r.loss);
          return undefined;
        },
        (e: unknown) => {
          if (e instanceof DivergenceError) return e;
          throw e;
        },
      );
      if (refused) return { losses: Float64Array.from(losses), params: await session.getParams(), refused };
    }
    return { losses: Float64Array.from(losses), params: await session.getParams() };
  } finally {
    session.dispose();
  }
}

/** One `train` call of `steps` steps. */
async function trained(ctx: CaseContext, p: Problem, steps: number): Promise<Outcome> {
  const session = await open(ctx, p);
  try {
    const batch = problemBatch(p, ctx.dtype);
    return await session.train(batch, { learningRate: p.learningRate, steps }).then(
      async (r) => ({ losses: r.losses, params: await session.getParams() }),
      async (e: unknown) => {
        if (!(e instanceof DivergenceError)) throw e;
        return { losses: e.losses, params: await session.getParams(), refused: e };
      },
    );
  } finally {
    session.dispose();
  }
}

/** Records every bit the run of `train` differs in from the loop of `step` calls (no tolerance). */
function compare(ctx: CaseContext, id: string, loop: Outcome, run: Outcome): void {
  const note = 'train differs in bits from as many step calls';
  const asMatrix = (data: Float64Array): Matrix => ({ rows: 1, cols: data.length, data });
  const cost = firstBitDifference(asMatrix(loop.losses), asMatrix(run.losses));
  if (cost >= 0) {
    ctx.tally.record({
      case: id,
      step: cost,
      quantity: 'loss',
      row: 0,
      col: 0,
      got: run.losses[cost] ?? Number.NaN,
      want: loop.losses[cost] ?? Number.NaN,
      bound: 0,
      ratio: Number.POSITIVE_INFINITY,
      note: `${note} (${run.losses.length} costs against ${loop.losses.length})`,
    });
  }
  loop.params.forEach((layer, l) => {
    for (const q of PARAM_QUANTITIES) {
      const got = run.params[l]?.[q];
      const i = firstBitDifference(layer[q], got);
      if (i < 0) continue;
      ctx.tally.record({
        case: id,
        step: loop.losses.length,
        quantity: q,
        layer: l + 1,
        row: Math.floor(i / layer[q].cols),
        col: i % layer[q].cols,
        got: got?.data[i] ?? Number.NaN,
        want: layer[q].data[i] ?? Number.NaN,
        bound: 0,
        ratio: Number.POSITIVE_INFINITY,
        note,
      });
    }
  });
  if ((loop.refused === undefined) !== (run.refused === undefined)) {
    ctx.tally.problems.push(
      `${id}: step calls ${loop.refused ? 'were refused' : 'all ran'}, train ${run.refused ? 'was refused' : 'ran'}`,
    );
  } else if (loop.refused && run.refused) {
    const { step, parameter } = run.refused;
    if (step !== loop.losses.length || parameter !== loop.refused.parameter) {
      ctx.tally.problems.push(
        `${id}: train refused step ${step} at ${parameter}; step calls refused step ${loop.losses.length} at ${loop.refused.parameter}`,
      );
    }
  }
}

/**
 * `train` gives the same bits as a loop of `step` calls: the cost before every step and the final
 * parameters, on the seed's networks, tanh and relu under softmax + cce, and a run that overflows
 * midway (refused at the same step, with the parameters of the last good step).
 */
export function trainCases(): ConformanceCase[] {
  const relu: Problem = { ...softmaxProblem(), activations: ['relu', 'softmax'] };
  const agreeing = [...multiStepProblems(), relu].map(
    (p): ConformanceCase => ({
      id: `train/${p.sizes.join('-')}/${netTag(p)}`,
      description: `one train call of ${STEPS} steps against ${STEPS} step calls, bit for bit`,
      async run(ctx) {
        compare(ctx, this.id, await stepped(ctx, p, STEPS), await trained(ctx, p, STEPS));
      },
    }),
  );
  const diverging: ConformanceCase = {
    id: 'train/diverging',
    description: `a train call whose cost overflows midway stops where step calls are refused`,
    async run(ctx) {
      const p = explodingProblem();
      const loop = await stepped(ctx, p, DIVERGING_STEPS);
      if (!loop.refused) ctx.tally.problems.push(`${this.id}: ${DIVERGING_STEPS} steps did not overflow`);
      compare(ctx, this.id, loop, await trained(ctx, p, DIVERGING_STEPS));
    },
  };
  return [...agreeing, diverging];
}
