/** A number for a table cell: 5 significant digits, `NaN`, `Inf` or `-Inf`. */
export function fmt(v: number, digits = 5): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? 'Inf' : '-Inf';
  if (v === 0) return Object.is(v, -0) ? '-0' : '0';
  const abs = Math.abs(v);
  return abs >= 1e-3 && abs < 1e5 ? String(Number(v.toPrecision(digits))) : v.toExponential(digits - 1);
}

/** A ratio for the status line: `0`, `0.37` or `12`. */
export function fmtRatio(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  return v === 0 ? '0' : v < 10 ? v.toFixed(2) : v.toFixed(0);
}

/** The shortest text that reads back as exactly `v`, for `data-value` attributes the tests read. */
export function exact(v: number): string {
  return Object.is(v, -0) ? '-0' : String(v);
}

/** Up to `count` sample rows to show, from the first rows of the batch. */
export function shownSamples(rows: number, count = 4): number[] {
  return Array.from({ length: Math.min(rows, count) }, (_, i) => i);
}
