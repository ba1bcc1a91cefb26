import { QUANTITIES } from '../error-model/quantity.js';
import type { Offender } from '../judge/tally.js';
import type { CaseResult } from './report.js';

const num = (x: number) => (Number.isFinite(x) ? x.toPrecision(10) : String(x));

/** A ratio for people: 3 significant digits, `inf` for Infinity. */
export function formatRatio(r: number): string {
  if (!Number.isFinite(r)) return 'inf';
  return r === 0 ? '0' : r.toPrecision(3);
}

/** One element in words: case, step, quantity, layer, element, backend and reference values, bound, ratio. */
export function formatOffender(o: Offender): string {
  const step = o.step === undefined ? '' : ` step ${o.step}`;
  const layer = o.layer === undefined ? '' : ` layer ${o.layer}`;
  const note = o.note ? ` (${o.note})` : '';
  const source = o.source ? `${o.source} ` : '';
  const want = o.expected
    ? `expected ${o.expected}`
    : `reference ${num(o.want)}, bound ${o.bound.toExponential(3)}`;
  return (
    `${o.case}${step}: ${source}${o.quantity}${layer} element (${o.row}, ${o.col}): backend ${num(o.got)}, ` +
    `${want}, ratio ${formatRatio(o.ratio)}${note}`
  );
}

/** The failure message of a case: what went wrong, element by element, then the worst ratios. */
export function formatCaseFailure(target: string, r: CaseResult): string {
  const lines = [`${target} ${r.dtype} ${r.id} failed`];
  for (const p of r.problems) lines.push(`  ${p}`);
  for (const o of [...r.offenders].sort((p, q) => q.ratio - p.ratio)) lines.push(`  ${formatOffender(o)}`);
  for (const h of r.hints) lines.push(`  hint: ${h}`);
  for (const n of r.notes) lines.push(`  note: ${n}`);
  lines.push(`  worst ratios: ${QUANTITIES.map((q) => `${q} ${formatRatio(r.worst[q])}`).join(', ')}`);
  return lines.join('\n');
}
