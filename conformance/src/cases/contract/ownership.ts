import {
  cloneMatrix,
  cloneParams,
  type Matrix,
  type Params,
  type StepResult,
  type StepTrace,
} from '@onegrad/core';
import { matrixDifference, paramsDifference } from '../bit-difference.js';
import type { CaseContext, ConformanceCase } from '../case.js';
import { problemBatch, problemParams, problemSpec } from '../problem.js';
import { seedProblem } from '../seed.js';

const p = seedProblem('bce');
const options = { learningRate: p.learningRate, trace: true } as const;

/** Overwrites every element of the matrices a caller holds, as a careless caller might. */
function scribble(...ms: Matrix[]): void {
  for (const m of ms) m.data.fill(0.5);
}
const scribbleParams = (params: Params) => scribble(...params.flatMap((q) => [q.W, q.b]));

/** Every matrix of a trace, named, as deep copies. */
function traceMatrices(t: StepTrace | undefined): [string, Matrix][] {
  if (!t) return [];
  return [
    ...t.layers.flatMap((l, i) =>
      (['z', 'a', 'dA', 'dZ', 'dW', 'db'] as const).map((k): [string, Matrix] => [
        `trace ${k} layer ${i + 1}`,
        l[k],
      ]),
    ),
    ...t.params.flatMap((q, i) => [
      [`trace params W layer ${i + 1}`, q.W] as [string, Matrix],
      [`trace params b layer ${i + 1}`, q.b] as [string, Matrix],
    ]),
  ];
}

/** Ownership and aliasing: what a session returns is the caller's, what it is given is read once. */
export function ownershipCases(): ConformanceCase[] {
  const spec = (ctx: CaseContext) => problemSpec(p, ctx.dtype);
  const fresh = (ctx: CaseContext) => ctx.backend.createSession(spec(ctx), problemParams(p, ctx.dtype));
  const cases: [string, string, (ctx: CaseContext, say: (s: string) => void) => Promise<void>][] = [
    [
      'get-params',
      'getParams() returns a copy: a later step does not change it, and writing into it does not reach the session',
      async (ctx, say) => {
        const s = await fresh(ctx);
        try {
          const batch = problemBatch(p, ctx.dtype);
          const before = await s.getParams();
          const kept = cloneParams(before);
          const r = await s.step(batch, options);
          const moved = paramsDifference(kept, before);
          if (moved)
            say(
              `getParams() before a step changed after the step (${moved}): return a copy, not the live arrays`,
            );
          const after = await s.getParams();
          const want = cloneParams(after);
          scribbleParams(after);
          const reached = paramsDifference(want, await s.getParams());
          if (reached)
            say(`writing into getParams()'s result changed the session (${reached}): return a copy`);
          if (r.trace) {
            const d = paramsDifference(r.trace.params, want);
            if (d) say(`getParams() after the step differs from the trace's updated parameters (${d})`);
          }
        } finally {
          s.dispose();
        }
      },
    ],
    [
      'forward',
      'forward() returns a new matrix: a later step or forward does not change it, and writing into it does not reach the session',
      async (ctx, say) => {
        const s = await fresh(ctx);
        try {
          const batch = problemBatch(p, ctx.dtype);
          const first = await s.forward(batch.x);
          const kept = cloneMatrix(first);
          await s.step(batch, options);
          await s.forward(batch.x);
          const moved = matrixDifference(kept, first);
          if (moved)
            say(
              `forward() output changed after a later step and forward (${moved}): return a new matrix each call`,
            );
          const second = await s.forward(batch.x);
          const want = cloneMatrix(second);
          scribble(second);
          const reached = matrixDifference(want, await s.forward(batch.x));
          if (reached) say(`writing into forward()'s output changed the next forward() (${reached})`);
        } finally {
          s.dispose();
        }
      },
    ],
    [
      'trace',
      "a step's trace is new: the next step does not change it, and writing into it does not reach the session",
      async (ctx, say) => {
        const s = await fresh(ctx);
        try {
          const batch = problemBatch(p, ctx.dtype);
          const first: StepResult = await s.step(batch, options);
          if (!first.trace) return say('step(batch, { trace: true }) returned no trace');
          const kept = traceMatrices(first.trace).map(([n, m]): [string, Matrix] => [n, cloneMatrix(m)]);
          const loss = first.trace.loss;
          const second = await s.step(batch, options);
          const now = traceMatrices(first.trace);
          for (const [i, [name, m]] of kept.entries()) {
            const moved = matrixDifference(m, now[i]?.[1]);
            if (moved) {
              say(
                `the trace of step 1 changed after step 2: ${name} ${moved} (allocate new trace arrays per step)`,
              );
              break;
            }
          }
          if (!Object.is(loss, first.trace.loss)) say('the trace cost of step 1 changed after step 2');
          if (!second.trace) return say('step(batch, { trace: true }) returned no trace');
          const want = cloneParams(second.trace.params);
          scribbleParams(second.trace.params);
          for (const l of second.trace.layers) scribble(l.z, l.a, l.dA, l.dZ, l.dW, l.db);
          const reached = paramsDifference(want, await s.getParams());
          if (reached) say(`writing into the trace's parameters changed the session (${reached})`);
        } finally {
          s.dispose();
        }
      },
    ],
    [
      'create-session',
      'createSession copies the params it is given: the caller changing them later, or a step, does not reach the other side',
      async (ctx, say) => {
        const params = problemParams(p, ctx.dtype);
        const given = cloneParams(params);
        const pending = ctx.backend.createSession(spec(ctx), params);
        scribbleParams(params);
        const s = await pending;
        try {
          const reached = paramsDifference(given, await s.getParams());
          if (reached)
            say(
              `changing the params after createSession(spec, params) changed the session (${reached}): copy them when called`,
            );
          const mine = cloneParams(given);
          const copy = cloneParams(mine);
          await s.setParams(mine);
          await s.step(problemBatch(p, ctx.dtype), options);
          const wrote = paramsDifference(copy, mine);
          if (wrote) say(`a step wrote into the caller's params given to setParams (${wrote})`);
          const s2 = await ctx.backend.createSession(spec(ctx), mine);
          try {
            await s2.step(problemBatch(p, ctx.dtype), options);
            const wrote2 = paramsDifference(copy, mine);
            if (wrote2) say(`a step wrote into the caller's params given to createSession (${wrote2})`);
          } finally {
            s2.dispose();
          }
        } finally {
          s.dispose();
        }
      },
    ],
    [
      'set-params',
      'setParams copies the params it is given: changing them after the call does not reach the session',
      async (ctx, say) => {
        const s = await fresh(ctx);
        try {
          const next = problemParams(p, ctx.dtype).map((q) => ({
            W: { ...q.W, data: q.W.data.map((v) => v / 2) as Matrix['data'] },
            b: { ...q.b, data: q.b.data.map((v) => v + 0.25) as Matrix['data'] },
          }));
          const given = cloneParams(next);
          const pending = s.setParams(next);
          scribbleParams(next);
          await pending;
          const reached = paramsDifference(given, await s.getParams());
          if (reached)
            say(
              `changing the params after setParams(params) changed the session (${reached}): copy them when called`,
            );
        } finally {
          s.dispose();
        }
      },
    ],
    [
      'inputs',
      'forward and step read x and y when called: changing them before the call settles does not change its result',
      async (ctx, say) => {
        const run = async (mutate: boolean) => {
          const s = await fresh(ctx);
          try {
            const batch = problemBatch(p, ctx.dtype);
            const out = s.forward(batch.x);
            const step = s.step(batch, options);
            if (mutate) scribble(batch.x, batch.y);
            return { out: await out, step: await step };
          } finally {
            s.dispose();
          }
        };
        const [clean, changed] = [await run(false), await run(true)];
        const d = matrixDifference(clean.out, changed.out);
        if (d) say(`forward(x): changing x after the call changed its output (${d}): read x when called`);
        const q =
          clean.step.trace &&
          changed.step.trace &&
          paramsDifference(clean.step.trace.params, changed.step.trace.params);
        if (q || !Object.is(clean.step.loss, changed.step.loss))
          say(
            `step(batch): changing batch.x and batch.y after the call changed its result (${q ?? 'cost'}): read the batch when called`,
          );
      },
    ],
  ];
  return cases.map(([name, description, check]) => {
    const id = `contract/ownership/${name}`;
    return {
      id,
      description,
      async run(ctx) {
        await check(ctx, (s) => ctx.tally.problems.push(`${id}: ${s}`));
      },
    };
  });
}
