import { BoundedBuilder, type BoundedMatrix, exactBounded, mag } from './bounded.js';
import type { Dec } from './decimal.js';
import { type DMatrix, dat } from './dmatrix.js';
import type { ActivationReference, ActivationRow } from './kinds.js';
import { type BoundedValue, boundedDot } from './product.js';

/** Z, A and, where the activation gives it, 1 - A of one dense layer, with their bounds. */
export interface ReferenceForwardLayer {
  /** Z = A_prev W + b. */
  readonly z: BoundedMatrix;
  /** A = f(Z). */
  readonly a: BoundedMatrix;
  /** 1 - A without cancellation, when the activation computes it (sigmoid, tanh, softmax). */
  readonly aBar?: DMatrix;
  /** The activation's reference. */
  readonly activation: ActivationReference;
}

/** Row `i` of a bounded matrix as bounded values. */
export function rowOf(m: BoundedMatrix, i: number): BoundedValue[] {
  return Array.from({ length: m.cols }, (_, j) => {
    const k = i * m.cols + j;
    return { v: m.v[k] as Dec, m: m.m[k] as number, f: m.f[k] as number };
  });
}

/** Row `i` of a forward layer's activations, as the activation and loss references read it. */
export function activationRowOf(layer: ReferenceForwardLayer, i: number): ActivationRow {
  const { cols } = layer.a;
  const a = rowOf(layer.a, i);
  return layer.aBar ? { a, bar: layer.aBar.v.slice(i * cols, (i + 1) * cols) } : { a };
}

/** Writes bounded values into row `i` of a builder. */
export function setRow(out: BoundedBuilder, cols: number, i: number, row: readonly BoundedValue[]): void {
  row.forEach((x, j) => {
    out.set(i * cols + j, x.v, x.m, x.f);
  });
}

/**
 * One dense layer. Z_ij is a dot product of fan-in n plus the bias: at most n + 1 roundings on each
 * term (gamma_{n+1}) and 2n operations that may underflow, plus the error carried in by A_prev:
 *   M(Z) = (n + 1) (sum_k |a_ik w_kj| + |b_j|) + sum_k |w_kj| M(a_ik),   F(Z) = 2n + sum_k |w_kj| F(a_ik).
 * A = f(Z) row by row, with the activation's own bound (its file under `activations/`).
 */
export function referenceDense(
  aPrev: BoundedMatrix,
  W: DMatrix,
  b: DMatrix,
  activation: ActivationReference,
): ReferenceForwardLayer {
  const batch = aPrev.rows;
  const n = W.rows;
  const units = W.cols;
  const w = { of: exactBounded(W), abs: W.v.map(mag) };
  const aAbs = aPrev.v.map(mag);
  const z = new BoundedBuilder(batch, units);
  const a = new BoundedBuilder(batch, units);
  const aBar: Dec[] = [];
  let hasBar = true;
  for (let i = 0; i < batch; i++) {
    const zRow: BoundedValue[] = [];
    for (let j = 0; j < units; j++) {
      const { sum, absSum, carriedM, carriedF } = boundedDot(
        n,
        { of: aPrev, abs: aAbs, start: i * n, stride: 1 },
        { ...w, start: j, stride: units },
        dat(b, 0, j),
      );
      const value = { v: sum, m: (n + 1) * absSum + carriedM, f: 2 * n + carriedF };
      z.set(i * units + j, value.v, value.m, value.f);
      zRow.push(value);
    }
    const row = activation.forward(zRow);
    setRow(a, units, i, row.a);
    if (row.bar) aBar.push(...row.bar);
    else hasBar = false;
  }
  const layer = { z: z.done(), a: a.done(), activation };
  return hasBar ? { ...layer, aBar: { rows: batch, cols: units, v: aBar } } : layer;
}
