import { SUBNORMALS_CASE } from '../cases/deviations.js';
import type { ConformanceTarget } from '../target.js';
import type { CaseResult } from './report.js';

/** A deviation from IEEE arithmetic a target declares, and whether the suite confirmed it. */
export interface DeclaredDeviation {
  /** The target's field, e.g. `flushesSubnormals`. */
  readonly name: string;
  /** The case that checks the declaration against the engine. */
  readonly checkedBy: string;
  /** `confirmed` when that case passed, `refuted` when it failed, `not run` when it was not selected or skipped. */
  readonly status: 'confirmed' | 'refuted' | 'not run';
}

/** The deviations `target` declares, each with the verdict of the case that checks it in `results`. */
export function declaredDeviations(
  target: ConformanceTarget,
  results: readonly CaseResult[],
): DeclaredDeviation[] {
  const declared: [string, string][] = target.flushesSubnormals
    ? [['flushesSubnormals', SUBNORMALS_CASE]]
    : [];
  return declared.map(([name, checkedBy]) => {
    const r = results.find((x) => x.id === checkedBy);
    return { name, checkedBy, status: r === undefined ? 'not run' : r.pass ? 'confirmed' : 'refuted' };
  });
}

/** A deviation in a report cell: `flushesSubnormals`, with `?` when unchecked and `!` when refuted. */
export function deviationText(d: DeclaredDeviation): string {
  return `${d.name}${d.status === 'confirmed' ? '' : d.status === 'refuted' ? '!' : '?'}`;
}
