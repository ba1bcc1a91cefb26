import {
  type DType,
  findActivation,
  findLoss,
  formatMatrix,
  type LayerTrace,
  type LossName,
  type Matrix,
  type NetworkSpec,
  outputActivation,
  type StepTrace,
} from '@onegrad/core';
import { rounder, seedLines } from '../lib/seed-lines.js';

function cell(v: number): string {
  if (Number.isNaN(v)) return 'NaN';
  if (!Number.isFinite(v)) return v > 0 ? 'Inf' : '-Inf';
  return v.toPrecision(8);
}

/** Rows of aligned text: the first column (all with `left`) left-aligned, the others right-aligned. */
function aligned(head: string[], body: string[][], left = false): string[] {
  const widths = head.map((_, c) => Math.max(...[head, ...body].map((r) => (r[c] ?? '').length)));
  const fmt = (r: string[]) =>
    r
      .map((v, c) => (c === 0 || left ? v.padEnd(widths[c] ?? 0) : v.padStart(widths[c] ?? 0)))
      .join('  ')
      .trimEnd();
  return [head, ...body].map(fmt);
}

/** The output layer's Z, A, dZ (first `samples` rows) and dW in the seed's column layout. */
function matrixBlocks(out: LayerTrace | undefined, l: number | string, samples: number): string[] {
  const matrices = out
    ? [
        `Z${l}`,
        out.z,
        `A${l}`,
        out.a,
        `dZ${l}`,
        out.dZ,
        `dW${l} (seed layout: W${l} is units x inputs)`,
        out.dW,
      ]
    : [];
  const blocks: string[] = [];
  for (let i = 0; i < matrices.length; i += 2) {
    const m = matrices[i + 1] as Matrix;
    const cols =
      m.rows > samples && i < 6 ? { ...m, rows: samples, data: m.data.subarray(0, samples * m.cols) } : m;
    blocks.push(`${matrices[i] as string} =\n${formatMatrix(cols, { layout: 'column', digits: 6 })}`);
  }
  return blocks;
}

/**
 * The seed's lines for the first samples of a traced step as an aligned text table, with the backend's
 * fused dZ2 last, followed by the output layer's matrices in the seed's column layout. For a sigmoid output.
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
  const out = trace.layers[trace.layers.length - 1];
  return [...aligned(head, body), '', ...matrixBlocks(out, 2, samples)].join('\n');
}

/** dA/dZ of the built-in element-wise activations from A and Z, rounded to the dtype. */
const SLOPES: Readonly<Record<string, (a: number, z: number, r: (v: number) => number) => number>> = {
  sigmoid: (a, _z, r) => r(a * r(1 - a)),
  tanh: (a, _z, r) => r(1 - r(a * a)),
  relu: (_a, z) => (z > 0 ? 1 : 0),
  identity: () => 1,
};

/**
 * The chain rule through the output activation, computed here in the dtype from the backend's dA: row by
 * row for softmax (`dZ_i = A_i (dA_i - sum_j dA_j A_j)`), element by element with dA/dZ otherwise. Undefined
 * for an activation this table does not know.
 */
function chainRule(out: LayerTrace, activation: string, dtype: DType): Float64Array | undefined {
  const r = rounder(dtype);
  const { rows, cols } = out.a;
  const [a, z, dA] = [out.a.data, out.z.data, out.dA.data];
  const dZ = new Float64Array(rows * cols);
  if (activation === 'softmax') {
    for (let i = 0; i < rows; i++) {
      let dot = 0;
      for (let j = 0; j < cols; j++)
        dot = r(dot + r((dA[i * cols + j] as number) * (a[i * cols + j] as number)));
      for (let j = 0; j < cols; j++) {
        const k = i * cols + j;
        dZ[k] = r((a[k] as number) * r((dA[k] as number) - dot));
      }
    }
    return dZ;
  }
  const slope = SLOPES[activation];
  if (!slope) return undefined;
  for (let k = 0; k < dZ.length; k++) dZ[k] = r((dA[k] as number) * slope(a[k] as number, z[k] as number, r));
  return dZ;
}

/** The formula's right-hand side, e.g. `1 - A^2` of `dA/dZ = 1 - A^2`. */
function rhs(formula: string): string {
  const at = formula.indexOf(' = ');
  return at < 0 ? formula : formula.slice(at + 3);
}

/**
 * The output layer of a traced step for any activation and loss: the pair's formulas from core's
 * descriptors, whether the pair is canonical (dZ fused) or not, then per sample and unit Y, A, the
 * backend's unfused dA, the chain rule through the activation computed here from that dA, and the
 * backend's dZ; then the output layer's matrices in the seed's column layout.
 */
export function outputTable(trace: StepTrace, y: Matrix, spec: NetworkSpec, samples = 4): string {
  const L = trace.layers.length;
  const out = trace.layers[L - 1];
  if (!out) return '';
  const name = outputActivation(spec);
  const activation = findActivation(name);
  const loss = findLoss(spec.loss);
  const canonical = loss?.canonical?.activation === name;
  const intro = canonical
    ? [
        `Output layer ${L}: ${name} + ${spec.loss}, a canonical pair: dZ${L} is fused.`,
        `The loss's dl/dA and the activation's local derivative cancel, so the backend computes dZ${L} directly, never through dA${L}.`,
      ]
    : [
        `Output layer ${L}: ${name} + ${spec.loss}, not a canonical pair${
          loss?.canonical ? ` (${spec.loss}'s is ${loss.canonical.activation} + ${spec.loss})` : ''
        }: dZ${L} is not fused.`,
        `Nothing cancels, so the backend computes dZ${L} by the chain rule from dA${L}.`,
      ];
  const slope = rhs(activation?.derivative ?? '?');
  const through = `dZ = dA * dA/dZ = dA * ${slope.includes(' ') ? `(${slope})` : slope}`;
  const legend = [
    ['', 'formula (from @onegrad/core)'],
    [`loss ${spec.loss}`, loss?.gradA ?? '?'],
    [`activation ${name}`, activation?.derivative ?? '?'],
    // A row-wise activation's derivative is already written as the chain rule for dZ.
    ...(activation?.rowwise ? [] : [['chain rule', through]]),
    ...(canonical && loss?.canonical ? [['fused (canonical)', loss.canonical.dZ]] : []),
  ];
  const notes: string[] = [];
  if (trace.fusedOutput !== canonical)
    notes.push(
      `The backend's trace says fusedOutput = ${trace.fusedOutput}, where the pair says ${canonical}.`,
    );
  if (out.dANonFinite.length > 0) {
    notes.push(
      `dA${L} is not finite at ${out.dANonFinite.length} of ${out.dA.data.length} elements (flagged by the backend)${
        canonical ? `; the fused dZ${L} stays exact there, the chain rule does not.` : '.'
      }`,
    );
  }
  const r = rounder(spec.dtype);
  const chain = chainRule(out, name, spec.dtype);
  const head = [
    'sample',
    'unit',
    'Y',
    `A${L}`,
    `dA${L} (backend)`,
    ...(chain ? [`chain rule dZ${L} (here)`] : []),
    canonical ? `fused dZ${L} (backend)` : `dZ${L} (backend)`,
  ];
  const body: string[][] = [];
  const cols = out.a.cols;
  for (let i = 0; i < Math.min(samples, out.a.rows); i++) {
    for (let j = 0; j < cols; j++) {
      const k = i * cols + j;
      body.push([
        j === 0 ? String(i + 1) : '',
        String(j + 1),
        String(r(y.data[k] as number)),
        cell(out.a.data[k] as number),
        cell(out.dA.data[k] as number),
        ...(chain ? [cell(chain[k] as number)] : []),
        cell(out.dZ.data[k] as number),
      ]);
    }
  }
  return [
    ...intro,
    '',
    ...aligned(legend[0] as string[], legend.slice(1), true).map((line) => `  ${line}`),
    '',
    ...aligned(head, body),
    ...(notes.length > 0 ? ['', ...notes] : []),
    '',
    ...matrixBlocks(out, L, samples),
  ].join('\n');
}
