import type { DType, LossName, Matrix, StepTrace } from '@onegrad/core';
import type { ComponentChildren } from 'preact';
import { type SeedLine, saturatingShift, seedLines } from '../../lib/seed-lines.js';
import { exact, fmt, shownSamples } from '../format.js';

/** Props of {@link SeedPanel}. */
export interface SeedPanelProps {
  readonly trace: StepTrace;
  readonly y: Matrix;
  readonly loss: LossName;
  readonly dtype: DType;
  readonly saturated: boolean;
  readonly onSaturate: () => void;
  /** The saturation lesson, shown under the button. */
  readonly children?: ComponentChildren;
}

type Row = { label: string; key: keyof SeedLine; id: string; strong?: boolean };

const BCE_ROWS: Row[] = [
  { label: 'error = A2 − Y', key: 'error', id: 'error' },
  { label: 'A2 (1 − A2)', key: 'factor', id: 'factor' },
  { label: 'dA2 = error / (A2 (1 − A2))', key: 'dANaive', id: 'naive-da' },
  { label: 'dZ2 = dA2 · A2 (1 − A2)', key: 'dZNaive', id: 'naive-dz' },
  { label: 'fused dZ2 = A2 − Y (backend)', key: 'dZTrace', id: 'fused-dz', strong: true },
];

const MSE_ROWS: Row[] = [
  { label: 'error = A2 − Y', key: 'error', id: 'error' },
  { label: 'A2 (1 − A2)', key: 'factor', id: 'factor' },
  { label: 'dA2 = 2 · error', key: 'dANaive', id: 'naive-da' },
  { label: 'dZ2 = dA2 · A2 (1 − A2)', key: 'dZNaive', id: 'naive-dz' },
  { label: 'dZ2 (backend)', key: 'dZTrace', id: 'fused-dz', strong: true },
];

const WHY: Readonly<Record<string, string>> = {
  bce: 'The loss node contributes dA2 = (A2 − Y) / (A2 (1 − A2)) and the sigmoid node multiplies by its own A2 (1 − A2): two nodes, two local derivatives, which cancel to A2 − Y. The seed writes both nodes out, so it divides and then multiplies.',
  mse: 'With squared error the loss node contributes 2 (A2 − Y): nothing cancels, and dZ2 keeps the sigmoid’s factor A2 (1 − A2), which shrinks the gradient as the output saturates.',
};

/** The seed's three lines on the real numbers of this step, beside the backend's fused dZ2. */
export function SeedPanel({ trace, y, loss, dtype, saturated, onSaturate, children }: SeedPanelProps) {
  const lines = seedLines(trace, y, loss, dtype, shownSamples(y.rows));
  const rows = loss === 'bce' ? BCE_ROWS : MSE_ROWS;
  const shift = saturatingShift(dtype);
  return (
    <section class="panel seed" aria-labelledby="seed-h">
      <h2 id="seed-h">Why divide, then multiply?</h2>
      <p class="help">{WHY[loss] ?? ''}</p>
      <div class="lines-wrap">
        <table class="lines" data-testid="seed-lines" style={`--samples: ${lines.length}`}>
          <thead>
            <tr>
              <th scope="col">{dtype} arithmetic</th>
              {lines.map((s) => (
                <th scope="col" key={s.sample}>
                  sample {s.sample + 1} <span class="dim">(Y = {s.y})</span>
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            <tr>
              <th scope="row">A2</th>
              {lines.map((s) => (
                <td key={s.sample} data-testid="a2" data-value={exact(s.a)}>
                  {fmt(s.a, 8)}
                </td>
              ))}
            </tr>
            {rows.map((r) => (
              <tr key={r.id} class={r.strong ? 'strong' : ''}>
                <th scope="row">
                  <code>{r.label}</code>
                </th>
                {lines.map((s) => {
                  const v = s[r.key] as number;
                  return (
                    <td
                      key={s.sample}
                      data-testid={r.id}
                      data-value={exact(v)}
                      class={Number.isFinite(v) ? '' : 'bad'}
                    >
                      {fmt(v, 8)}
                    </td>
                  );
                })}
              </tr>
            ))}
            {loss === 'mse' && (
              <tr class="dim">
                <th scope="row">
                  <code>A2 − Y (≠ dZ2 now)</code>
                </th>
                {lines.map((s) => (
                  <td key={s.sample}>{fmt(s.error, 8)}</td>
                ))}
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <div class="row">
        <button type="button" onClick={onSaturate} data-testid="saturate">
          Saturate A2
        </button>
        <span class="help" data-testid="saturate-help">
          Raises the output bias until every Z2 ≥ {shift}, so A2 rounds to exactly 1 in {dtype}.{' '}
          {loss === 'bce'
            ? 'The seed’s division becomes 0/0 or 1/0; the fused dZ2 = A2 − Y stays exact, so training recovers.'
            : 'With squared error nothing divides: dA2 = 2 (A2 − Y) stays finite, but dZ2 = dA2 · A2 (1 − A2) is exactly 0, so the gradient vanishes and training stalls.'}
        </span>
      </div>
      {saturated && (
        <p class="warn" role="status" data-testid="saturation-status">
          A2 is saturated: the seed’s dA2 is{' '}
          {lines.some((s) => !Number.isFinite(s.dANaive)) ? 'not finite' : 'finite'}
          {loss === 'bce'
            ? '; the fused dZ2 = A2 − Y is exact. Press ▶ Play and watch the cost fall, or compare both losses below.'
            : '; dZ2 is 0: the gradient vanishes. Press ▶ Play and watch the cost stay put, or compare both losses below.'}
        </p>
      )}
      {children}
    </section>
  );
}
