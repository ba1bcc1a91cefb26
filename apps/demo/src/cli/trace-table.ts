import { type DType, formatMatrix, type LossName, type Matrix, type StepTrace } from '@onegrad/core';
import { seedLines } from '../lib/seed-lines.js';

function cell(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? 'Inf' : '-Inf';
  return v.toPrecision(8);
}

/**
 * The seed's lines for the first samples of a traced step as an aligned text table, with the backend's
 * fused dZ2 last, followed by the output layer's matrices in the seed's column layout.
 */
export function traceTable(trace: StepTrace, y: Matrix, loss: LossName, dtype: DType, samples = 4): string {
  const shown = Array.from({ length: Math.min(samples, y.rows) }, (_, i) => i);
  const lines = seedLines(trace, y, loss, dtype, shown);
  const rows: [string, (l: (typeof lines)[number]) => number][] = [
    ['A2', (l) => l.a],
    ['error = A2 - Y', (l) => l.error],
    ['A2 (1 - A2)', (l) => l.factor],
    [loss === 'bce' ? 'dA2 = error / (A2 (1 - A2))' : 'dA2 = 2 error', (l) => l.dANaive],
    ['dZ2 = dA2 * A2 (1 - A2)', (l) => l.dZNaive],
    [loss === 'bce' ? 'fused dZ2 = A2 - Y (backend)' : 'dZ2 (backend)', (l) => l.dZTrace],
  ];
  const head = ['', ...lines.map((l) => `sample ${l.sample + 1} (Y=${l.y})`)];
  const body = rows.map(([label, get]) => [label, ...lines.map((l) => cell(get(l)))]);
  const widths = head.map((_, c) => Math.max(...[head, ...body].map((r) => (r[c] ?? '').length)));
  const fmt = (r: string[]) =>
    r.map((v, c) => (c === 0 ? v.padEnd(widths[c] ?? 0) : v.padStart(widths[c] ?? 0))).join('  ');
  const out = trace.layers[trace.layers.length - 1];
  const matrices = out
    ? ['Z2', out.z, 'A2', out.a, 'dZ2', out.dZ, 'dW2 (seed layout: W2 is units x inputs)', out.dW]
    : [];
  const blocks: string[] = [];
  for (let i = 0; i < matrices.length; i += 2) {
    const m = matrices[i + 1] as Matrix;
    const cols =
      m.rows > samples && i < 6 ? { ...m, rows: samples, data: m.data.subarray(0, samples * m.cols) } : m;
    blocks.push(`${matrices[i] as string} =\n${formatMatrix(cols, { layout: 'column', digits: 6 })}`);
  }
  return [fmt(head), ...body.map(fmt), '', ...blocks].join('\n');
}
