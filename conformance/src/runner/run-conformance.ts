import type { ConformanceCase } from '../cases/case.js';
import { THRESHOLD } from '../error-model/constants.js';
import type { ConformanceTarget } from '../target.js';
import { BackendPool } from './backend-pool.js';
import { suitePlan } from './plan-cases.js';
import type { BackendReport, CaseResult, ConformanceReport } from './report.js';
import { runCaseIn } from './run-case.js';
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

/**
 * Runs the suite on one target in every dtype of core and reports the worst ratios: the declared
 * dtypes run (or are reported as skipped, with the reason); an undeclared one gets the single case
 * `dtype/unsupported` (createSession must reject it).
 */
export async function runConformance(
  target: ConformanceTarget,
  options: ConformanceOptions = {},
): Promise<ConformanceReport> {
  const backends: BackendReport[] = [];
  for (const { dtype, run, skipped } of suitePlan(target, options)) {
    const pool = new BackendPool(target, dtype, options.partner);
    const results: CaseResult[] = [];
    try {
      for (const c of run) {
        const result = await runCaseIn(c, dtype, pool);
        options.onCase?.(target.name, result);
        results.push(result);
      }
    } finally {
      await pool.dispose();
    }
    backends.push(summarize(target, dtype, results, skipped));
  }
  return { threshold: THRESHOLD, backends };
}
