import { dtypeOf } from './dtype.js';
import { type Matrix, zeros } from './matrix.js';

/**
 * The transpose of `m`: turns onegrad's row-major `batch x features` into the seed's column layout
 * `features x batch` (and back: the function is its own inverse).
 */
export function transpose(m: Matrix): Matrix {
  const out = zeros(m.cols, m.rows, dtypeOf(m.data));
  for (let i = 0; i < m.rows; i++) {
    for (let j = 0; j < m.cols; j++) out.data[j * m.rows + i] = m.data[i * m.cols + j] as number;
  }
  return out;
}

/** `m` in the seed's column layout (features x batch), as nested rows of plain numbers. */
export function toColumnLayout(m: Matrix): number[][] {
  const t = transpose(m);
  return Array.from({ length: t.rows }, (_, i) => Array.from(t.data.subarray(i * t.cols, (i + 1) * t.cols)));
}

/** Options of {@link formatMatrix}. */
export interface FormatOptions {
  /** `'row'` prints as stored (batch x features); `'column'` prints the seed's layout (features x batch). */
  layout?: 'row' | 'column';
  /** Significant digits per element; default 6. */
  digits?: number;
}

/** `m` as an aligned text block, e.g. for a terminal table; non-finite values print as `NaN`, `Inf`, `-Inf`. */
export function formatMatrix(m: Matrix, options: FormatOptions = {}): string {
  const shown = options.layout === 'column' ? transpose(m) : m;
  const digits = options.digits ?? 6;
  const cells = Array.from(shown.data, (v) =>
    Number.isFinite(v) ? v.toPrecision(digits) : Number.isNaN(v) ? 'NaN' : v > 0 ? 'Inf' : '-Inf',
  );
  // A reduce, not Math.max(...cells): spreading 250,000 arguments overflows the call stack.
  const width = cells.reduce((w, c) => Math.max(w, c.length), 1);
  const lines: string[] = [];
  for (let i = 0; i < shown.rows; i++) {
    lines.push(
      `[ ${cells
        .slice(i * shown.cols, (i + 1) * shown.cols)
        .map((c) => c.padStart(width))
        .join('  ')} ]`,
    );
  }
  return lines.join('\n');
}
