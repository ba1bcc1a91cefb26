import { type Matrix, transpose } from '@onegrad/core';
import { exact, fmt } from '../format.js';

/** Props of {@link MatrixView}. */
export interface MatrixViewProps {
  /** The matrix, in onegrad's row layout (batch x features, or n_{l-1} x n_l for weights). */
  readonly m: Matrix;
  /** Show the seed's column layout (the transpose); on by default. */
  readonly column?: boolean;
  /** Show at most this many columns (samples in column layout). */
  readonly maxCols?: number;
  /** Show at most this many rows (units in column layout). */
  readonly maxRows?: number;
  /** Extra class, e.g. `grad` for gradients. */
  readonly kind?: string;
  /** Test id of the table. */
  readonly testId?: string;
}

/** A small matrix as a table, in the seed's column layout; every cell carries its exact value. */
export function MatrixView({
  m,
  column = true,
  maxCols = 4,
  maxRows = 4,
  kind = '',
  testId,
}: MatrixViewProps) {
  const shown = column ? transpose(m) : m;
  const cols = Math.min(shown.cols, maxCols);
  const rows = Array.from({ length: Math.min(shown.rows, maxRows) }, (_, i) => i);
  return (
    <table class={`matrix ${kind}`} data-testid={testId}>
      <tbody>
        {rows.map((i) => (
          <tr key={i}>
            {Array.from({ length: cols }, (_, j) => {
              const v = shown.data[i * shown.cols + j] as number;
              return (
                <td key={j} data-value={exact(v)} class={Number.isFinite(v) ? 'cell' : 'cell bad'}>
                  {fmt(v, 4)}
                </td>
              );
            })}
            {cols < shown.cols && <td class="cell more">…</td>}
          </tr>
        ))}
        {rows.length < shown.rows && (
          <tr>
            <td class="cell more" colSpan={cols + 1}>
              ⋮ {shown.rows - rows.length} more
            </td>
          </tr>
        )}
      </tbody>
    </table>
  );
}
