import { DisposedError, type Params, type TrainingSession } from '@onegrad/core';
import { paramsDifference } from '../bit-difference.js';
import type { CaseContext, ConformanceCase } from '../case.js';
import { problemBatch, problemParams, problemSpec } from '../problem.js';
import { seedProblem } from '../seed.js';
import { rejectionProblem } from './expect-rejection.js';

const p = seedProblem('bce');

/** True when two parameter sets share storage: then neither holds what its call returned (contract/ownership's finding). */
const shared = (a: Params, b: Params) =>
  a.some((p, l) => p.W.data.buffer === b[l]?.W.data.buffer || p.b.data.buffer === b[l]?.b.data.buffer);

/** Every call of a disposed session rejects with DisposedError. */
async function allDisposed(ctx: CaseContext, id: string, s: TrainingSession, after: string): Promise<void> {
  const batch = problemBatch(p, ctx.dtype);
  const params = problemParams(p, ctx.dtype);
  const calls: [string, () => Promise<unknown>][] = [
    ['forward', () => s.forward(batch.x)],
    ['step', () => s.step(batch, { learningRate: p.learningRate })],
    ['getParams', () => s.getParams()],
    ['setParams', () => s.setParams(params)],
  ];
  for (const [name, call] of calls) {
    const problem = await rejectionProblem(`${name} after ${after}`, call, DisposedError);
    if (problem) ctx.tally.problems.push(`${id}: ${problem}`);
  }
}

/** Dispose, and the order in which calls settle. */
export function lifecycleCases(): ConformanceCase[] {
  return [
    {
      id: 'contract/disposed/session',
      description: 'every call of a disposed session rejects with DisposedError; dispose() twice is harmless',
      async run(ctx) {
        const s = await ctx.backend.createSession(problemSpec(p, ctx.dtype), problemParams(p, ctx.dtype));
        s.dispose();
        await allDisposed(ctx, 'contract/disposed/session', s, 'session.dispose()');
        try {
          s.dispose();
        } catch (error) {
          ctx.tally.problems.push(
            `contract/disposed/session: a second dispose() threw ${(error as Error)?.name}`,
          );
        }
      },
    },
    {
      id: 'contract/disposed/backend',
      description:
        'backend.dispose() disposes its sessions; createSession then rejects with DisposedError; dispose() twice is harmless',
      async run(ctx) {
        const backend = await ctx.fresh();
        const s = await backend.createSession(problemSpec(p, ctx.dtype), problemParams(p, ctx.dtype));
        await backend.dispose();
        await allDisposed(ctx, 'contract/disposed/backend', s, 'backend.dispose()');
        const problem = await rejectionProblem(
          'createSession after backend.dispose()',
          () => backend.createSession(problemSpec(p, ctx.dtype), problemParams(p, ctx.dtype)),
          DisposedError,
        );
        if (problem) ctx.tally.problems.push(`contract/disposed/backend: ${problem}`);
        await backend.dispose().catch((error: Error) => {
          ctx.tally.problems.push(
            `contract/disposed/backend: a second dispose() rejected with ${error?.name}`,
          );
        });
      },
    },
    {
      id: 'contract/order',
      description:
        'calls made without awaiting settle in the order made, each seeing the state the calls before it left; a rejected call between them changes nothing',
      async run(ctx) {
        const id = 'contract/order';
        const s = await ctx.backend.createSession(problemSpec(p, ctx.dtype), problemParams(p, ctx.dtype));
        try {
          const batch = problemBatch(p, ctx.dtype);
          const traced = { learningRate: p.learningRate, trace: true };
          const settled: number[] = [];
          const track = <T>(k: number, call: Promise<T>) =>
            call.then(
              (v) => {
                settled.push(k);
                return v;
              },
              (e) => {
                settled.push(k);
                throw e;
              },
            );
          const calls = [
            track(0, s.step(batch, traced)),
            track(1, s.getParams()),
            track(2, s.step(batch, { learningRate: Number.NaN })),
            track(3, s.step(batch, traced)),
            track(4, s.getParams()),
          ];
          const out = await Promise.allSettled(calls);
          // A call refused on its inputs may settle at once (core validates when called); the rest keep their order.
          const accepted = settled.filter((k) => k !== 2);
          if (accepted.join() !== '0,1,3,4')
            ctx.tally.problems.push(
              `${id}: calls made as step (0), getParams (1), a bad step (2), step (3), getParams (4) settled in the order ${settled.join(', ')}; accepted calls must settle in the order made`,
            );
          if (out[2]?.status !== 'rejected')
            ctx.tally.problems.push(`${id}: a step with learningRate NaN resolved`);
          const value = <T>(k: number) =>
            out[k]?.status === 'fulfilled' ? (out[k] as PromiseFulfilledResult<T>).value : undefined;
          const traces = [0, 3].map((k) => value<{ trace?: { params: Params } }>(k)?.trace?.params);
          const gets = [1, 4].map((k) => value<Params>(k));
          const aliased = (pair: (Params | undefined)[]) =>
            pair[0] !== undefined && pair[1] !== undefined && shared(pair[0], pair[1]);
          const comparable = !aliased(traces) && !aliased(gets);
          for (const [step, get] of [
            [0, 1],
            [3, 4],
          ] as const) {
            const trace = value<{ trace?: { params: Params } }>(step)?.trace;
            const params = value<Params>(get);
            if (!comparable) break;
            if (!trace || !params) {
              ctx.tally.problems.push(
                `${id}: call ${step} or ${get} did not resolve with a trace and parameters`,
              );
              continue;
            }
            const d = paramsDifference(trace.params, params);
            if (d)
              ctx.tally.problems.push(
                `${id}: getParams() made right after step ${step} does not see that step's update (${d})`,
              );
          }
        } finally {
          s.dispose();
        }
      },
    },
  ];
}
