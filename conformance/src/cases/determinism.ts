import { LAYER_QUANTITIES, type Matrix, PARAM_QUANTITIES, type StepResult, TRACE_KEYS } from '@onegrad/core';
import type { Quantity } from '../error-model/quantity.js';
import { firstBitDifference } from './bit-difference.js';
import type { CaseContext, ConformanceCase } from './case.js';
import { loadRandomData } from './data-dir.js';
import { netTag } from './networks.js';
import { type Problem, problemBatch, problemParams, problemSpec } from './problem.js';
import { multiStepProblems } from './seed.js';
import { once } from './single-step-case.js';

/** Forward, then two traced steps, on a fresh session. */
async function run(ctx: CaseContext, p: Problem): Promise<{ forward: Matrix; steps: StepResult[] }> {
  const session = await ctx.backend.createSession(problemSpec(p, ctx.dtype), problemParams(p, ctx.dtype));
  try {
    const batch = problemBatch(p, ctx.dtype);
    const forward = await session.forward(batch.x);
    const steps = [];
    for (let k = 0; k < 2; k++)
      steps.push(await session.step(batch, { learningRate: p.learningRate, trace: true }));
    return { forward, steps };
  } finally {
    session.dispose();
  }
}

/** Records a bit difference between the two runs (ratio Infinity: determinism has no tolerance). */
function same(
  ctx: CaseContext,
  id: string,
  step: number,
  q: Quantity,
  layer: number | undefined,
  a?: Matrix,
  b?: Matrix,
): void {
  const i = firstBitDifference(a, b);
  if (i < 0) return;
  const cols = a?.cols ?? 1;
  ctx.tally.record({
    case: id,
    step,
    quantity: q,
    ...(layer === undefined ? {} : { layer }),
    row: Math.floor(i / cols),
    col: i % cols,
    got: b?.data[i] ?? Number.NaN,
    want: a?.data[i] ?? Number.NaN,
    bound: 0,
    ratio: Number.POSITIVE_INFINITY,
    note: 'two identical runs on fresh sessions differ in bits',
  });
}

/** The same calls twice on fresh sessions give the same bits: forward, every traced quantity, two steps. */
export function determinismCases(): ConformanceCase[] {
  const random = once(() => loadRandomData('d3-b16-bce-soft').problem);
  const problems: [string, () => Problem][] = [
    ...multiStepProblems().map((p): [string, () => Problem] => [
      `${p.sizes.join('-')}/${netTag(p)}`,
      () => p,
    ]),
    // The stored random nets are sigmoid networks.
    ['random/sigmoid+bce/d3-b16-bce-soft', random],
  ];
  return problems.map(([name, problem]) => {
    const id = `determinism/${name}`;
    return {
      id,
      description: `forward and two traced steps, twice on fresh sessions, bit for bit (${name})`,
      async run(ctx) {
        const p = problem();
        const [first, second] = [await run(ctx, p), await run(ctx, p)];
        same(ctx, id, 0, 'A', p.sizes.length - 1, first.forward, second.forward);
        first.steps.forEach((r, step) => {
          const other = second.steps[step] as StepResult;
          if (!Object.is(r.loss, other.loss) || !Object.is(r.trace?.loss, other.trace?.loss)) {
            same(
              ctx,
              id,
              step,
              'loss',
              undefined,
              { rows: 1, cols: 1, data: Float64Array.of(r.loss) },
              { rows: 1, cols: 1, data: Float64Array.of(other.loss) },
            );
          }
          r.trace?.layers.forEach((t, l) => {
            const u = other.trace?.layers[l];
            const pairs: (readonly [Quantity, Matrix, Matrix | undefined])[] = [
              ...LAYER_QUANTITIES.map((q) => [q, t[TRACE_KEYS[q]], u?.[TRACE_KEYS[q]]] as const),
              ...PARAM_QUANTITIES.map(
                (q) => [q, r.trace?.params[l]?.[q] as Matrix, other.trace?.params[l]?.[q]] as const,
              ),
            ];
            for (const [q, a, b] of pairs) same(ctx, id, step, q, l + 1, a, b);
          });
        });
      },
    };
  });
}
