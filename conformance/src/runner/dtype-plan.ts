import { DTYPES, type DType } from '@onegrad/core';
import type { ConformanceTarget } from '../target.js';

/** What the suite does in one dtype for one target. */
export type DTypePlan =
  /** Run every selected case. */
  | { readonly dtype: DType; readonly mode: 'run' }
  /** Declared by the backend but left out of `target.dtypes`, with the reason from `skip['<dtype>:*']`. */
  | { readonly dtype: DType; readonly mode: 'skip'; readonly reason: string }
  /** Declared, left out of `target.dtypes`, and no reason given: reported as a failure. */
  | { readonly dtype: DType; readonly mode: 'unexplained' }
  /** Not declared by the backend: only check that `createSession` rejects it. */
  | { readonly dtype: DType; readonly mode: 'unsupported' };

/**
 * The plan for every dtype of core, in core's order: what the backend declares runs (or, narrowed
 * by `target.dtypes`, is skipped with the reason `skip['<dtype>:*']`, required); what it does not
 * declare is checked for rejection, unless `target.dtypes` asks for it explicitly.
 */
export function dtypePlan(target: ConformanceTarget): DTypePlan[] {
  const declared = target.create().info.dtypes;
  const wanted = target.dtypes;
  return DTYPES.map((dtype): DTypePlan => {
    if (wanted?.includes(dtype)) return { dtype, mode: 'run' };
    if (!declared.includes(dtype)) return { dtype, mode: 'unsupported' };
    if (wanted === undefined) return { dtype, mode: 'run' };
    const reason = target.skip?.[`${dtype}:*`];
    return reason === undefined ? { dtype, mode: 'unexplained' } : { dtype, mode: 'skip', reason };
  });
}

/** The problem reported for a declared dtype dropped without a reason. */
export function unexplainedText(target: ConformanceTarget, dtype: DType): string {
  return `${target.name} declares ${dtype} but target.dtypes leaves it out without a reason: add skip { '${dtype}:*': '<why>' }`;
}
