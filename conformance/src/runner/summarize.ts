import type { DType } from '@onegrad/core';
import { emptyWorst, QUANTITIES } from '../error-model/quantity.js';
import type { ConformanceTarget } from '../target.js';
import { declaredDeviations } from './deviations.js';
import type { BackendReport, CaseResult } from './report.js';

/** Folds the case results of one backend and dtype into its report entry. */
export function summarize(
  target: ConformanceTarget,
  dtype: DType,
  results: readonly CaseResult[],
  skipped: readonly { case: string; reason: string }[],
): BackendReport {
  const { name } = target;
  const worst = emptyWorst();
  const info: Record<string, number> = {};
  for (const r of results) {
    for (const q of QUANTITIES) worst[q] = Math.max(worst[q], r.worst[q]);
    for (const [k, v] of Object.entries(r.info)) info[k] = Math.max(info[k] ?? Number.NEGATIVE_INFINITY, v);
  }
  const failed = results.filter((r) => !r.pass).map((r) => r.id);
  return {
    name,
    runtime: target.runtime ?? 'node',
    dtype,
    cases: results.length,
    skipped,
    deviations: declaredDeviations(target, results),
    worst,
    illConditioned: results.reduce((s, r) => s + r.illConditioned, 0),
    failed,
    info,
    // A case passes only with every ratio within the threshold, so neither can their maximum exceed it.
    pass: failed.length === 0,
    results,
  };
}

/** The row of an engine that could not start: no case ran; the reason is what starting it measured. */
export function unavailableReport(
  name: string,
  runtime: string,
  dtype: DType,
  unavailable: { reason: string; tried: boolean },
): BackendReport {
  return {
    name,
    runtime,
    unavailable,
    dtype,
    cases: 0,
    skipped: [],
    deviations: [],
    worst: emptyWorst(),
    illConditioned: 0,
    failed: [],
    info: {},
    pass: false,
    results: [],
  };
}
