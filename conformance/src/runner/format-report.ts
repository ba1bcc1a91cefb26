import { QUANTITIES } from '../error-model/quantity.js';
import { deviationText } from './deviations.js';
import { formatRatio } from './format-failure.js';
import type { ConformanceReport } from './report.js';

/** The report as a text matrix: backend x dtype x quantity -> worst ratio, with cases run and skipped. */
export function formatReport(report: ConformanceReport): string {
  // The runtime column appears once a row ran somewhere other than Node (the browser engines).
  const showRuntime = report.backends.some((b) => b.runtime !== 'node');
  const head = [
    'backend',
    'dtype',
    ...(showRuntime ? ['runtime'] : []),
    ...QUANTITIES,
    'cases',
    'skipped',
    'ill-cond',
    'deviations',
    'result',
  ];
  const rows = report.backends.map((b) => [
    b.name,
    b.dtype,
    ...(showRuntime ? [b.runtime] : []),
    // A quantity no case measured (e.g. only `dtype/unsupported` ran) shows as '-', not as a perfect 0.
    ...QUANTITIES.map((q) => (b.results.some((r) => r.at[q]) ? formatRatio(b.worst[q]) : '-')),
    String(b.cases),
    String(b.skipped.length),
    String(b.illConditioned),
    b.deviations.length === 0 ? 'none' : b.deviations.map(deviationText).join(','),
    b.unavailable ? 'not run' : b.pass ? 'pass' : `FAIL (${b.failed.length})`,
  ]);
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] as string).length)));
  const fmt = (r: string[]) =>
    r
      .map((c, i) =>
        i < (showRuntime ? 3 : 2) ? c.padEnd(widths[i] as number) : c.padStart(widths[i] as number),
      )
      .join('  ');
  const lines = [
    `worst ratio |backend - reference| / bound per quantity (threshold ${report.threshold})`,
    fmt(head),
    ...rows.map(fmt),
  ];
  for (const b of report.backends) {
    if (b.unavailable)
      lines.push(
        `not run ${b.name} ${b.runtime}${b.unavailable.tried ? ' (tried)' : ''}: ${b.unavailable.reason}`,
      );
    for (const d of b.deviations)
      lines.push(`deviation ${b.name} ${b.dtype} ${d.name}: ${d.status} by ${d.checkedBy}`);
    for (const s of b.skipped) lines.push(`skipped ${b.name} ${b.dtype} ${s.case}: ${s.reason}`);
    for (const [k, v] of Object.entries(b.info))
      lines.push(`info ${b.name} ${b.dtype} ${k}: ${v.toExponential(3)}`);
    for (const r of b.results) for (const n of r.notes) lines.push(`note ${b.name} ${b.dtype} ${n}`);
    if (b.failed.length > 0) lines.push(`failed ${b.name} ${b.dtype}: ${b.failed.join(', ')}`);
  }
  return lines.join('\n');
}
