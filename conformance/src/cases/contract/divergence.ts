import {
  type Batch,
  cloneParams,
  DivergenceError,
  type DType,
  matrix,
  type NetworkSpec,
  type Params,
} from '@onegrad/core';
import { matrixDifference, paramsDifference } from '../bit-difference.js';
import type { CaseContext, ConformanceCase } from '../case.js';
import { rejectionProblem } from './expect-rejection.js';

/** The largest finite value of each dtype. */
const MAX: Record<DType, number> = { float32: 3.4028234663852886e38, float64: Number.MAX_VALUE };

/** A 1-1 sigmoid + bce step that must be refused: every input is finite, what it computes is not. */
interface Divergent {
  readonly name: string;
  readonly why: string;
  readonly W: number;
  readonly b: number;
  readonly x: number;
  readonly learningRate: (max: number) => number;
}

// The cost overflows: Z = 1.5 MAX (the candidate update, W - MAX / 4, is finite and changes W). The update overflows: Z = 0.4 MAX is finite, so is the cost, but
// dW = 1 and W' = -0.5 MAX - MAX.
const DIVERGENT: readonly Divergent[] = [
  {
    name: 'non-finite-cost',
    why: 'Z = W + b = 1.5 MAX overflows, so does the cost',
    W: 0.75,
    b: 0.75,
    x: 1,
    learningRate: (max) => max / 4,
  },
  {
    name: 'non-finite-update',
    why: 'the cost is finite but W - lr dW = -0.5 MAX - MAX overflows',
    W: -0.5,
    b: 0.9,
    x: 1,
    learningRate: (max) => max,
  },
];

const spec = (dtype: DType): NetworkSpec => ({ sizes: [1, 1], loss: 'bce', dtype });
const one = (v: number, dtype: DType) => matrix(1, 1, [v], dtype);
function setup(d: Divergent, dtype: DType): { params: Params; batch: Batch; learningRate: number } {
  const max = MAX[dtype];
  return {
    params: [{ W: one(d.W * max, dtype), b: one(d.b * max, dtype) }],
    batch: { x: one(d.x, dtype), y: one(0, dtype) },
    learningRate: d.learningRate(max),
  };
}

async function divergent(
  ctx: CaseContext,
  d: Divergent,
  check: (outcome: {
    problem: string | undefined;
    rejected: boolean;
    before: Params;
    forward: () => Promise<void>;
  }) => Promise<void>,
  session: { params: Params; batch: Batch; learningRate: number } = setup(d, ctx.dtype),
): Promise<void> {
  const s = await ctx.backend.createSession(spec(ctx.dtype), session.params);
  try {
    const before = cloneParams(await s.getParams());
    const probe = one(0, ctx.dtype);
    const out = await s.forward(probe);
    let rejected = false;
    const problem = await rejectionProblem(
      `step where ${d.why}`,
      () =>
        s.step(session.batch, { learningRate: session.learningRate }).catch((e) => {
          rejected = true;
          throw e;
        }),
      DivergenceError,
    );
    await check({
      problem,
      rejected,
      before,
      forward: async () => {
        const id = `contract/rejected-step/${d.name}`;
        const changed = paramsDifference(before, await s.getParams());
        if (changed)
          ctx.tally.problems.push(
            `${id}: the refused step changed the parameters (${changed}); discard the candidate update`,
          );
        const again = matrixDifference(out, await s.forward(probe));
        if (again)
          ctx.tally.problems.push(`${id}: forward() after the refused step differs from before (${again})`);
      },
    });
  } finally {
    s.dispose();
  }
}

/** DivergenceError for a step that would not be finite, and the `diverging` flag of a cost that explodes. */
export function divergenceCases(): ConformanceCase[] {
  return [
    ...DIVERGENT.map(
      (d): ConformanceCase => ({
        id: `contract/divergence/${d.name}`,
        description: `a step where ${d.why} rejects with DivergenceError`,
        run: (ctx) =>
          divergent(ctx, d, async ({ problem }) => {
            if (problem) ctx.tally.problems.push(`contract/divergence/${d.name}: ${problem}`);
          }),
      }),
    ),
    {
      id: 'contract/divergence/flag',
      description:
        'diverging is true exactly when the cost exceeds 1000 times the larger of the chance cost and the first cost',
      async run(ctx) {
        const { dtype } = ctx;
        const s = await ctx.backend.createSession(spec(dtype), [{ W: one(1, dtype), b: one(0, dtype) }]);
        try {
          // ln 2 (the chance cost), then 1e4 (beyond 1000 ln 2 = 693), then ln 2 again.
          const steps: [number, number, boolean][] = [
            [0, 0.5, false],
            [1e4, 0, true],
            [0, 0.5, false],
          ];
          for (const [k, [x, y, want]] of steps.entries()) {
            const r = await s.step({ x: one(x, dtype), y: one(y, dtype) }, { learningRate: 1e-9 });
            if (r.diverging !== want)
              ctx.tally.problems.push(
                `contract/divergence/flag: step ${k + 1} (cost ${r.loss}, baseline ln 2) reported diverging ${String(r.diverging)}, expected ${want}`,
              );
          }
        } finally {
          s.dispose();
        }
      },
    },
    ...DIVERGENT.map(
      (d): ConformanceCase => ({
        id: `contract/rejected-step/${d.name}`,
        description: `a step refused because ${d.why} leaves the parameters bit-identical and forward() unchanged`,
        run: (ctx) =>
          divergent(ctx, d, async ({ rejected, forward }) => {
            // A step that was not refused is contract/divergence's finding; this case judges what a refusal leaves.
            if (rejected) await forward();
          }),
      }),
    ),
  ];
}
