import { cloneParams, type TrainingSession } from '@onegrad/core';
import { paramsDifference } from '../bit-difference.js';
import type { CaseContext, ConformanceCase } from '../case.js';
import { problemBatch, problemParams, problemSpec } from '../problem.js';
import { seedProblem } from '../seed.js';
import { type BadInput, badInputs, badParams, badSessions, badSteps } from './bad-inputs.js';
import { rejectionProblem } from './expect-rejection.js';

const p = seedProblem('bce');

/**
 * Each bad input is rejected with its core error class naming the parameter, the parameters stay
 * bit-identical, and the session still computes what a fresh one does.
 */
async function rejectsEach<A>(
  ctx: CaseContext,
  id: string,
  call: string,
  inputs: readonly BadInput<A>[],
  invoke: (s: TrainingSession, args: A) => Promise<unknown>,
): Promise<void> {
  const spec = problemSpec(p, ctx.dtype);
  const session = await ctx.backend.createSession(spec, problemParams(p, ctx.dtype));
  try {
    const before = cloneParams(await session.getParams());
    for (const bad of inputs) {
      const problem = await rejectionProblem(
        `${call} with ${bad.what}`,
        () => invoke(session, bad.args),
        bad.error,
        bad.parameter,
      );
      if (problem) ctx.tally.problems.push(`${id}: ${problem}`);
      const changed = paramsDifference(before, await session.getParams());
      if (changed) {
        ctx.tally.problems.push(
          `${id}: ${call} with ${bad.what} changed the parameters (${changed}); a rejected call must leave them bit-identical`,
        );
        await session.setParams(before);
      }
    }
    // Nothing of the rejected calls may linger: the next valid step matches a fresh session's.
    const options = { learningRate: p.learningRate, trace: true };
    const after = await session.step(problemBatch(p, ctx.dtype), options);
    const clean = await ctx.backend.createSession(spec, problemParams(p, ctx.dtype));
    try {
      const want = await clean.step(problemBatch(p, ctx.dtype), options);
      const d =
        after.trace && want.trace ? paramsDifference(want.trace.params, after.trace.params) : undefined;
      if (d || !Object.is(want.loss, after.loss))
        ctx.tally.problems.push(
          `${id}: after the rejected calls, a valid step differs from a fresh session's (${d ?? `cost ${after.loss} vs ${want.loss}`})`,
        );
    } finally {
      clean.dispose();
    }
  } finally {
    session.dispose();
  }
}

/** The error contract: every class of bad input to each call, rejected with core's error naming the parameter. */
export function errorCases(): ConformanceCase[] {
  const n0 = p.sizes[0] as number;
  return [
    {
      id: 'contract/errors/create-session',
      description:
        'createSession rejects a bad spec (SpecError) and bad params (ShapeError, NonFiniteError), naming the parameter',
      async run(ctx) {
        const spec = problemSpec(p, ctx.dtype);
        for (const bad of badSessions(spec, problemParams(p, ctx.dtype))) {
          const problem = await rejectionProblem(
            `createSession with ${bad.what}`,
            () => ctx.backend.createSession(...bad.args).then((s) => s.dispose()),
            bad.error,
            bad.parameter,
          );
          if (problem) ctx.tally.problems.push(`contract/errors/create-session: ${problem}`);
        }
      },
    },
    {
      id: 'contract/errors/forward',
      description: 'forward rejects x of the wrong shape, empty, non-finite or not a typed array, naming x',
      run: (ctx) =>
        rejectsEach(ctx, 'contract/errors/forward', 'forward', badInputs(n0, ctx.dtype), (s, x) =>
          s.forward(x),
        ),
    },
    {
      id: 'contract/errors/step',
      description:
        'step rejects bad shapes, an empty batch, non-finite values, targets outside the loss and bad learning rates, naming the parameter; the parameters stay bit-identical',
      run: (ctx) =>
        rejectsEach(
          ctx,
          'contract/errors/step',
          'step',
          badSteps(n0, ctx.dtype, p.learningRate),
          (s, [batch, options]) => s.step(batch, options),
        ),
    },
    {
      id: 'contract/errors/set-params',
      description:
        'setParams rejects the wrong layer count, shapes and non-finite values, naming params; the parameters stay bit-identical',
      run: (ctx) =>
        rejectsEach(
          ctx,
          'contract/errors/set-params',
          'setParams',
          badParams(problemParams(p, ctx.dtype), ctx.dtype),
          (s, params) => s.setParams(params),
        ),
    },
  ];
}
