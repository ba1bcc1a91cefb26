import { type Matrix, PARAM_QUANTITIES, type StepResult, TRACE_KEYS } from '@onegrad/core';
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
        const L = p.sizes.length - 1;
        const scalar = (v: number | undefined): Matrix => ({
          rows: 1,
          cols: 1,
          data: Float64Array.of(v ?? Number.NaN),
        });
        // Every compared pair in dataflow order: the forward pass, then per step the forward layers,
        // the cost, the backward layers from the output down, and the updated parameters.
        const pairs: [number, Quantity, number | undefined, Matrix | undefined, Matrix | undefined][] = [
          [0, 'A', L, first.forward, second.forward],
        ];
        first.steps.forEach((r, step) => {
          const other = second.steps[step] as StepResult;
          const t = r.trace?.layers ?? [];
          const u = other.trace?.layers ?? [];
          for (let l = 0; l < L; l++)
            for (const q of ['Z', 'A'] as const)
              pairs.push([step, q, l + 1, t[l]?.[TRACE_KEYS[q]], u[l]?.[TRACE_KEYS[q]]]);
          pairs.push([step, 'loss', undefined, scalar(r.loss), scalar(other.loss)]);
          pairs.push([step, 'loss', undefined, scalar(r.trace?.loss), scalar(other.trace?.loss)]);
          for (let l = L - 1; l >= 0; l--)
            for (const q of ['dA', 'dZ', 'dW', 'db'] as const)
              pairs.push([step, q, l + 1, t[l]?.[TRACE_KEYS[q]], u[l]?.[TRACE_KEYS[q]]]);
          for (let l = 0; l < L; l++)
            for (const q of PARAM_QUANTITIES)
              pairs.push([step, q, l + 1, r.trace?.params[l]?.[q], other.trace?.params[l]?.[q]]);
        });
        let firstFound = false;
        for (const [step, q, layer, a, b] of pairs) {
          const differs = firstBitDifference(a, b) >= 0;
          if (differs && !firstFound) {
            firstFound = true;
            ctx.tally.problems.push(
              `${id}: the first difference in dataflow order is ${step === 0 && q === 'A' && a === first.forward ? 'forward() ' : ''}${q}${layer === undefined ? '' : ` layer ${layer}`} at step ${step}; the differences after it may follow from it`,
            );
          }
          same(ctx, id, step, q, layer, a, b);
        }
      },
    };
  });
}
