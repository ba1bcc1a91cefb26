import type { ChildResult } from './child.js';
import { gflops, stepFlops } from './flops.js';
import type { MeasurePlan } from './plan.js';
import { ratios } from './ratios.js';
import { SkippedRowError, spawnRow } from './spawn-row.js';
import { summarize } from './stats.js';
import { type RowResult, type RowSkip, type RowSpec, rowId } from './types.js';
import { workloadById } from './workloads.js';

/** A row that could not run, and why. */
export interface RowFailure {
  readonly row: RowSpec;
  readonly error: string;
}

/** Rounds to `digits` significant digits, so the report does not pretend to more precision than it has. */
export function round(value: number, digits = 4): number {
  return Number(value.toPrecision(digits));
}

/** A row's summary from its per-step times (and peak RSS when its run had a process of its own). */
export function toResult(row: RowSpec, result: ChildResult): Omit<RowResult, 'vs'> {
  const w = workloadById(row.workload);
  const { median, min, max } = summarize(result.times);
  return {
    ...row,
    medianMs: round(median),
    minMs: round(min),
    maxMs: round(max),
    gflops: round(gflops(stepFlops(w.sizes, w.batch), median), 3),
    ...(result.peakRssMb === undefined ? {} : { peakRssMb: round(result.peakRssMb, 4) }),
  };
}

/** Every measured row with its ratios to the peers measured beside it, rounded. */
export function withRatios(measured: readonly Omit<RowResult, 'vs'>[]): RowResult[] {
  return ratios(measured).map((r) => ({
    ...r,
    vs: Object.fromEntries(Object.entries(r.vs).map(([k, v]) => [k, round(v)])),
  }));
}

/**
 * Runs every row in its own process, `jobs` at a time, in the order given, and reports progress
 * through `log`. Returns the measured rows with their ratios, the rows skipped by design (with the
 * reason) and the rows that failed.
 */
export async function collect(
  rows: readonly RowSpec[],
  plan: MeasurePlan,
  jobs: number,
  log: (line: string) => void,
): Promise<{ results: RowResult[]; skipped: RowSkip[]; failures: RowFailure[] }> {
  const measured: (Omit<RowResult, 'vs'> | undefined)[] = new Array(rows.length);
  const skips: (RowSkip | undefined)[] = new Array(rows.length);
  const failures: RowFailure[] = [];
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < rows.length) {
      const index = next++;
      const row = rows[index] as RowSpec;
      try {
        const result = toResult(row, await spawnRow({ row, plan }));
        measured[index] = result;
        log(`[${++done}/${rows.length}] ${rowId(row)}: ${result.medianMs} ms, ${result.gflops} GFLOP/s`);
      } catch (error) {
        if (error instanceof SkippedRowError) {
          skips[index] = { ...row, reason: error.message };
          log(`[${++done}/${rows.length}] ${rowId(row)}: skipped, ${error.message}`);
          continue;
        }
        const text = error instanceof Error ? error.message : String(error);
        failures.push({ row, error: text });
        log(`[${++done}/${rows.length}] ${rowId(row)}: FAILED ${text.split('\n')[0]}`);
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(jobs, rows.length) }, worker));
  const ok = measured.filter((r): r is Omit<RowResult, 'vs'> => r !== undefined);
  const results = withRatios(ok);
  const skipped = skips.filter((r): r is RowSkip => r !== undefined);
  return { results, skipped, failures };
}
