import type { ConformanceReport } from '../runner/report.js';

/** The report as JSON text; non-finite ratios are written as the strings "Infinity" and "NaN". */
export function reportJson(report: ConformanceReport): string {
  return `${JSON.stringify(report, (_, v) => (typeof v === 'number' && !Number.isFinite(v) ? String(v) : v), 2)}\n`;
}
