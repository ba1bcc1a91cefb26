import { afterAll, describe, test } from 'vitest';
import type { ConformanceCase } from '../cases/case.js';
import { allCases } from '../cases/registry.js';
import { THRESHOLD } from '../error-model/constants.js';
import { BackendPool, targetDTypes } from '../runner/backend-pool.js';
import { formatCaseFailure } from '../runner/format-failure.js';
import { formatReport } from '../runner/format-report.js';
import type { CaseResult } from '../runner/report.js';
import { runCaseIn } from '../runner/run-case.js';
import { selected, skipReason } from '../runner/skip.js';
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
 * from `target.skip` appear as skipped tests carrying their reason.
 */
export function describeConformance(
  target: ConformanceTarget,
  options: DescribeConformanceOptions = {},
): void {
  const cases = (options.cases ?? allCases()).filter((c) => selected(c.id, options.only));
  describe(`conformance: ${target.name}`, () => {
    for (const dtype of targetDTypes(target)) {
      describe(dtype, () => {
        const pool = new BackendPool(target, dtype, options.partner);
        const results: CaseResult[] = [];
        const skipped: { case: string; reason: string }[] = [];
        afterAll(async () => {
          await pool.dispose();
          if (options.summary !== false && results.length > 0) {
            console.log(
              formatReport({
                threshold: THRESHOLD,
                backends: [summarize(target.name, dtype, results, skipped)],
              }),
            );
          }
        });
        for (const c of cases) {
          const reason = skipReason(target, c.id, dtype);
          if (reason !== undefined) {
            skipped.push({ case: c.id, reason });
            test.skip(`${c.id} (skipped: ${reason})`, () => {});
            continue;
          }
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
