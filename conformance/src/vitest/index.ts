import { afterAll, describe, test } from 'vitest';
import type { ConformanceCase } from '../cases/case.js';
import { THRESHOLD } from '../error-model/constants.js';
import { BackendPool } from '../runner/backend-pool.js';
import { formatCaseFailure } from '../runner/format-failure.js';
import { formatReport } from '../runner/format-report.js';
import { suitePlan } from '../runner/plan-cases.js';
import type { CaseResult } from '../runner/report.js';
import { runCaseIn } from '../runner/run-case.js';
import { summarize } from '../runner/summarize.js';
import type { ConformanceTarget } from '../target.js';

/** Options of {@link describeConformance}. */
export interface DescribeConformanceOptions {
  /** Run only these cases: ids or prefixes ending in `*`. */
  readonly only?: readonly string[];
  /** Hand parameters to this target in the switch cases (default: a second instance of the target). */
  readonly partner?: ConformanceTarget;
  /** The cases to draw from; default: every case of the suite. */
  readonly cases?: readonly ConformanceCase[];
  /** Per-test timeout in ms; default 60000. */
  readonly timeout?: number;
  /** Print the worst-ratio matrix after each dtype; default true. */
  readonly summary?: boolean;
}

/**
 * Declares the conformance suite for `target` as vitest tests: one test per case per dtype, failing
 * with the case, quantity, layer, element, backend and reference values, bound and ratio. Skips
 * from `target.skip` appear as skipped tests carrying their reason; a dtype the backend does not
 * declare gets the single test `dtype/unsupported` (as in `runConformance`).
 */
export function describeConformance(
  target: ConformanceTarget,
  options: DescribeConformanceOptions = {},
): void {
  describe(`conformance: ${target.name}`, () => {
    for (const { dtype, run, skipped } of suitePlan(target, options)) {
      describe(dtype, () => {
        const pool = new BackendPool(target, dtype, options.partner);
        const results: CaseResult[] = [];
        afterAll(async () => {
          await pool.dispose();
          if (options.summary !== false && results.length + skipped.length > 0) {
            console.log(
              formatReport({
                threshold: THRESHOLD,
                backends: [summarize(target, dtype, results, skipped)],
              }),
            );
          }
        });
        for (const s of skipped) test.skip(`${s.case} (skipped: ${s.reason})`, () => {});
        for (const c of run) {
          test(
            c.id,
            async () => {
              const r = await runCaseIn(c, dtype, pool);
              results.push(r);
              if (!r.pass) throw new Error(formatCaseFailure(target.name, r));
            },
            options.timeout ?? 60_000,
          );
        }
      });
    }
  });
}
