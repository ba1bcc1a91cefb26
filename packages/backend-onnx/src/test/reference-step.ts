import type { LossName, Matrix, Params } from '@onegrad/core';

/** A plain float64 step in nested arrays: the derivation written out, independent of any graph. */
export interface ReferenceStep {
  z: number[][][];
  a: number[][][];
  dA: number[][][];
  dZ: number[][][];
  dW: number[][][];
  db: number[][];
  loss: number;
  W: number[][][];
  b: number[][];
}

const rowsOf = (m: Matrix): number[][] =>
  Array.from({ length: m.rows }, (_, i) => Array.from(m.data.subarray(i * m.cols, (i + 1) * m.cols)));
const sigmoid = (v: number): number => 1 / (1 + Math.exp(-v));
const matmul = (p: number[][], q: number[][]): number[][] =>
  p.map((row) =>
    (q[0] as number[]).map((_, j) => row.reduce((s, v, k) => s + v * (q[k] as number[])[j]!, 0)),
  );
const transpose = (p: number[][]): number[][] => (p[0] as number[]).map((_, j) => p.map((row) => row[j]!));
const zip = (p: number[][], q: number[][], f: (u: number, v: number) => number): number[][] =>
  p.map((row, i) => row.map((v, j) => f(v, (q[i] as number[])[j]!)));

/** One SGD step of a sigmoid MLP in float64, following core's conventions term by term. */
export function referenceStep(
  params: Params,
  x: Matrix,
  y: Matrix,
  loss: LossName,
  lr: number,
): ReferenceStep {
  const W = params.map((p) => rowsOf(p.W));
  const b = params.map((p) => Array.from(p.b.data));
  const Y = rowsOf(y);
  const m = x.rows;
  const z: number[][][] = [];
  const a: number[][][] = [rowsOf(x)];
  W.forEach((w, l) => {
    const zl = matmul(a[l] as number[][], w).map((row) => row.map((v, j) => v + (b[l] as number[])[j]!));
    z.push(zl);
    a.push(zl.map((row) => row.map(sigmoid)));
  });
  const L = W.length;
  const aL = a[L] as number[][];
  const zL = z[L - 1] as number[][];
  const perElement = zip(zL, Y, (zv, yv) =>
    loss === 'bce'
      ? Math.max(zv, 0) - zv * yv + Math.log1p(Math.exp(-Math.abs(zv)))
      : (sigmoid(zv) - yv) ** 2,
  );
  const J = perElement.flat().reduce((s, v) => s + v, 0) / m;
  const slope = (p: number[][]): number[][] => p.map((row) => row.map((v) => v * (1 - v)));
  const dA: number[][][] = new Array(L);
  const dZ: number[][][] = new Array(L);
  dA[L - 1] = zip(aL, Y, (av, yv) => (loss === 'bce' ? (av - yv) / (av * (1 - av)) : 2 * (av - yv)));
  dZ[L - 1] = loss === 'bce' ? zip(aL, Y, (av, yv) => av - yv) : zip(dA[L - 1]!, slope(aL), (u, v) => u * v);
  for (let l = L - 1; l >= 1; l--) {
    dA[l - 1] = matmul(dZ[l]!, transpose(W[l]!));
    dZ[l - 1] = zip(dA[l - 1]!, slope(a[l]!), (u, v) => u * v);
  }
  const dW = dZ.map((d, l) => matmul(transpose(a[l]!), d).map((row) => row.map((v) => v / m)));
  const db = dZ.map((d) => transpose(d).map((col) => col.reduce((s, v) => s + v, 0) / m));
  return {
    z,
    a: a.slice(1),
    dA,
    dZ,
    dW,
    db,
    loss: J,
    W: W.map((w, l) => zip(w, dW[l]!, (u, v) => u - lr * v)),
    b: b.map((row, l) => row.map((v, j) => v - lr * db[l]![j]!)),
  };
}
