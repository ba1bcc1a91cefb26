import {
  type Backend,
  type Batch,
  cast,
  initParams,
  type NetworkSpec,
  type Params,
  SpecError,
  type TrainingSession,
} from '@onegrad/core';
import type { RowSpec } from '../types.js';
import { DATA_SEED, type Workload, workloadData, workloadSpec } from '../workloads.js';
import { RowSkipped, type Runner } from './runner.js';

function isSpecError(e: unknown): e is Error {
  // By name too: a backend built against another copy of core throws another SpecError class.
  return e instanceof SpecError || (e instanceof Error && e.name === 'SpecError');
}

/** The largest |a - b| over every parameter, and the largest |b - start| (the reference's update). */
function updateGap(start: Params, got: Params, want: Params): { gap: number; update: number } {
  let gap = 0;
  let update = 0;
  start.forEach((layer, l) => {
    for (const key of ['W', 'b'] as const) {
      const s = layer[key].data;
      const g = got[l]?.[key].data;
      const w = want[l]?.[key].data;
      for (let k = 0; k < s.length; k++) {
        gap = Math.max(gap, Math.abs((g?.[k] ?? Number.NaN) - (w?.[k] ?? Number.NaN)));
        update = Math.max(update, Math.abs((w?.[k] as number) - (s[k] as number)));
      }
    }
  });
  return { gap, update };
}

/**
 * One step of `session` against backend-ts in float64 from `params` (the row's starting parameters,
 * set again: after hundreds of steps the update is so small that float32 rounding alone is a percent
 * of it), for a workload with activations other than the default: a backend that accepts the spec but
 * computes another network must not be reported. The cost must agree to 1e-3 relative and the update
 * to 1e-2 of its size, far looser than float32 rounding and far tighter than a wrong activation or loss.
 */
async function assertSameStep(
  session: TrainingSession,
  w: Workload,
  row: RowSpec,
  params: Params,
  batch: Batch,
): Promise<void> {
  await session.setParams(params);
  const { createTsBackend } = await import('@onegrad/backend-ts');
  const reference = createTsBackend();
  const wide = params.map((p) => ({ W: cast(p.W, 'float64'), b: cast(p.b, 'float64') }));
  const refSession = await reference.createSession(workloadSpec(w, 'float64'), wide);
  const options = { learningRate: w.learningRate };
  const want = await refSession.step({ x: cast(batch.x, 'float64'), y: cast(batch.y, 'float64') }, options);
  const wantParams = await refSession.getParams();
  await reference.dispose();
  const got = await session.step(batch, options);
  const { gap, update } = updateGap(wide, await session.getParams(), wantParams);
  await session.setParams(params);
  const costOff = Math.abs(got.loss - want.loss) / Math.max(1, Math.abs(want.loss));
  if (!(costOff <= 1e-3 && gap <= 1e-2 * update)) {
    throw new Error(
      `${row.impl} ${row.engine} ${row.dtype} computes another step of ${w.id} than backend-ts float64 ` +
        `(cost ${got.loss} vs ${want.loss}; update off by ${gap.toPrecision(3)} of ${update.toPrecision(3)}): not reported`,
    );
  }
}

/**
 * `backend.createSession(spec, params)`; when it refuses the spec with a SpecError, disposes the backend
 * and throws RowSkipped with the backend's reason. Any other error is rethrown as it is.
 */
export async function createSessionOrSkip(
  backend: Backend,
  spec: NetworkSpec,
  params: Params,
): Promise<TrainingSession> {
  try {
    return await backend.createSession(spec, params);
  } catch (e) {
    await backend.dispose();
    if (isSpecError(e)) throw new RowSkipped(`${backend.info.name} refuses the spec: ${e.message}`);
    throw e;
  }
}

/**
 * A onegrad session on `backend` (a backend's public entry point, in Node or in a page), stepped without a trace (its fastest path):
 * `step` per call, or `train` of `stepsPerCall` steps for a many-steps row.
 * A backend that refuses the workload's spec with a SpecError skips the row (RowSkipped) with its reason.
 */
export async function sessionRunner(backend: Backend, row: RowSpec, w: Workload): Promise<Runner> {
  await backend.init();
  const spec = workloadSpec(w, row.dtype);
  const params = initParams(spec, DATA_SEED);
  const batch = workloadData(w, row.dtype);
  const session = await createSessionOrSkip(backend, spec, params);
  const options = { learningRate: w.learningRate };
  const run = { ...options, steps: row.stepsPerCall };
  return {
    step: row.stepsPerCall > 1 ? () => session.train(batch, run) : () => session.step(batch, options),
    ...(w.activations === undefined ? {} : { verify: () => assertSameStep(session, w, row, params, batch) }),
    dispose: async () => {
      session.dispose();
      await backend.dispose();
    },
  };
}
