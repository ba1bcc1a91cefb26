import { DTYPES, type DType } from '@onegrad/core';
import type { ConformanceCase } from '../cases/case.js';
import { allCases } from '../cases/registry.js';
import { unsupportedDTypeCase } from '../cases/unsupported-dtype.js';
import type { ConformanceTarget } from '../target.js';
import { type DTypePlan, dtypePlan, unexplainedText } from './dtype-plan.js';
import { SelectionError } from './selection-error.js';
import { matchesAny, selected, skipReason } from './skip.js';

/** Id of the failing entry for a declared dtype dropped without a reason. */
export const DROPPED_DTYPE_CASE = 'dtype/dropped';

/** The cases to run and to report as skipped in one dtype of the plan. */
export interface PlannedCases {
  readonly run: readonly ConformanceCase[];
  readonly skipped: readonly { readonly case: string; readonly reason: string }[];
}

/** Splits `cases` (already filtered by `only`) into run and skipped for one planned dtype. */
export function planCases(
  target: ConformanceTarget,
  plan: DTypePlan,
  cases: readonly ConformanceCase[],
  only: readonly string[] | undefined,
): PlannedCases {
  const { dtype } = plan;
  switch (plan.mode) {
    case 'skip':
      return { run: [], skipped: cases.map((c) => ({ case: c.id, reason: plan.reason })) };
    case 'unexplained': {
      const text = unexplainedText(target, dtype);
      const dropped: ConformanceCase = {
        id: DROPPED_DTYPE_CASE,
        description: `${dtype} is declared but not run, without a reason`,
        async run(ctx) {
          ctx.tally.problems.push(text);
        },
      };
      return { run: [dropped], skipped: [] };
    }
    case 'unsupported':
      return split(
        target,
        dtype,
        [unsupportedDTypeCase()].filter((c) => selected(c.id, only)),
      );
    default:
      return split(target, dtype, cases);
  }
}

function split(
  target: ConformanceTarget,
  dtype: DTypePlan['dtype'],
  cases: readonly ConformanceCase[],
): PlannedCases {
  const run: ConformanceCase[] = [];
  const skipped: { case: string; reason: string }[] = [];
  for (const c of cases) {
    const reason = skipReason(target, c.id, dtype);
    if (reason === undefined) run.push(c);
    else skipped.push({ case: c.id, reason });
  }
  return { run, skipped };
}

/**
 * What the suite runs on a target: per dtype of core, the cases to run and to report as skipped.
 * Throws {@link SelectionError} when a pattern of `only` or a key of `target.skip` matches no case.
 */
export function suitePlan(
  target: ConformanceTarget,
  options: { readonly only?: readonly string[]; readonly cases?: readonly ConformanceCase[] },
): (PlannedCases & { readonly dtype: DTypePlan['dtype'] })[] {
  const every = [...(options.cases ?? allCases()), unsupportedDTypeCase()];
  const ids = every.map((c) => c.id);
  const families = [...new Set(ids.map((id) => id.split('/')[0]))].join(', ');
  for (const pattern of options.only ?? []) {
    if (!matchesAny(pattern, ids))
      throw new SelectionError(
        'options.only',
        `"${pattern}" matches no case; case ids start with one of: ${families}`,
      );
  }
  for (const key of Object.keys(target.skip ?? {})) {
    const colon = key.indexOf(':');
    const [dtype, pattern] = colon >= 0 ? [key.slice(0, colon), key.slice(colon + 1)] : [undefined, key];
    if (dtype !== undefined && !DTYPES.includes(dtype as DType))
      throw new SelectionError(
        `target.skip`,
        `key "${key}" names the dtype ${dtype}; dtypes are ${DTYPES.join(', ')}`,
      );
    if (!matchesAny(pattern, ids))
      throw new SelectionError(
        'target.skip',
        `${target.name}: key "${key}" matches no case; case ids start with one of: ${families}`,
      );
  }
  const cases = every.slice(0, -1).filter((c) => selected(c.id, options.only));
  return dtypePlan(target)
    .map((plan) => ({ dtype: plan.dtype, ...planCases(target, plan, cases, options.only) }))
    .filter((p) => p.run.length > 0 || p.skipped.length > 0);
}
