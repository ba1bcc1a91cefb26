import type { ConformanceCase } from '../cases/case.js';
import { allCases } from '../cases/registry.js';
import { THRESHOLD } from '../error-model/constants.js';
import type { ConformanceTarget } from '../target.js';
import { BackendPool, targetDTypes } from './backend-pool.js';
import type { BackendReport, CaseResult, ConformanceReport } from './report.js';
import { runCaseIn } from './run-case.js';
import { selected, skipReason } from './skip.js';
import { summarize } from './summarize.js';

/** Options of {@link runConformance}. */
export interface ConformanceOptions {
  /** Run only these cases: ids or prefixes ending in `*` (e.g. `seed/*`). */
  readonly only?: readonly string[];
  /** Hand parameters to this target in the switch cases (default: a second instance of the target). */
  readonly partner?: ConformanceTarget;
  /** The cases to draw from; default: every case of the suite. */
  readonly cases?: readonly ConformanceCase[];
  /** Called after each case, e.g. for progress output. */
  readonly onCase?: (target: string, result: CaseResult) => void;
}

/** Runs the suite on one target, in each of its dtypes, and reports the worst ratios. */
export async function runConformance(
  target: ConformanceTarget,
  options: ConformanceOptions = {},
): Promise<ConformanceReport> {
  const cases = (options.cases ?? allCases()).filter((c) => selected(c.id, options.only));
  const backends: BackendReport[] = [];
  for (const dtype of targetDTypes(target)) {
    const pool = new BackendPool(target, dtype, options.partner);
    const results: CaseResult[] = [];
    const skipped: { case: string; reason: string }[] = [];
    try {
      for (const c of cases) {
        const reason = skipReason(target, c.id, dtype);
        if (reason !== undefined) {
          skipped.push({ case: c.id, reason });
          continue;
        }
        const result = await runCaseIn(c, dtype, pool);
        options.onCase?.(target.name, result);
        results.push(result);
      }
    } finally {
      await pool.dispose();
    }
    backends.push(summarize(target.name, dtype, results, skipped));
  }
  return { threshold: THRESHOLD, backends };
}
