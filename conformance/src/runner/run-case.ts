import type { DType } from '@onegrad/core';
import type { CaseContext, ConformanceCase } from '../cases/case.js';
import { Tally } from '../judge/tally.js';
import type { BackendPool } from './backend-pool.js';
import { hintsFor } from './hints.js';
import type { CaseResult } from './report.js';

/** Runs one case; an error thrown by the backend is recorded as a problem, never rethrown. */
export async function runCase(
  c: ConformanceCase,
  context: Omit<CaseContext, 'tally' | 'info' | 'notes'>,
): Promise<CaseResult> {
  const tally = new Tally();
  const info: Record<string, number> = {};
  const notes: string[] = [];
  const start = performance.now();
  try {
    await c.run({ ...context, tally, info, notes });
  } catch (error) {
    const e = error as Error;
    tally.problems.push(`${c.id}: threw ${e?.name ?? 'error'}: ${e?.message ?? String(error)}`);
  }
  return {
    id: c.id,
    description: c.description,
    dtype: context.dtype,
    worst: { ...tally.worst },
    at: { ...tally.at },
    offenders: tally.offenders,
    illConditioned: tally.illConditioned,
    problems: tally.problems,
    notes,
    hints: hintsFor(tally, context.dtype),
    info,
    pass: tally.pass,
    ms: performance.now() - start,
  };
}

/** Runs one case on the pool's backend; a backend that fails to initialise fails the case. */
export async function runCaseIn(c: ConformanceCase, dtype: DType, pool: BackendPool): Promise<CaseResult> {
  try {
    const backend = await pool.backend();
    return await runCase(c, {
      targetName: pool.targetName,
      dtype,
      flushesSubnormals: pool.flushesSubnormals,
      backend,
      partner: () => pool.partner(),
      fresh: () => pool.fresh(),
    });
  } catch (error) {
    const failing: ConformanceCase = { ...c, run: () => Promise.reject(error) };
    return runCase(failing, {
      targetName: pool.targetName,
      dtype,
      backend: undefined as never,
      partner: () => pool.partner(),
      fresh: () => pool.fresh(),
    });
  }
}
