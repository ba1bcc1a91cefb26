import { type Matrix, type Params, paramsBitEqual } from '@onegrad/core';

/** Index of the first element whose bits differ between `a` and `b` (-1 when identical; 0 on a shape mismatch). */
export function firstBitDifference(a: Matrix | undefined, b: Matrix | undefined): number {
  if (!a || !b || a.rows !== b.rows || a.cols !== b.cols || a.data.constructor !== b.data.constructor)
    return 0;
  const x = new Uint8Array(a.data.buffer, a.data.byteOffset, a.data.byteLength);
  const y = new Uint8Array(b.data.buffer, b.data.byteOffset, b.data.byteLength);
  const size = a.data.BYTES_PER_ELEMENT;
  for (let i = 0; i < x.length; i++) if (x[i] !== y[i]) return Math.floor(i / size);
  return -1;
}

/** The first element where two parameter sets differ, in words (`W layer 2 element (0, 1): 0.5 vs 0.25`), or undefined. */
export function paramsDifference(a: Params, b: Params): string | undefined {
  if (paramsBitEqual(a, b)) return undefined;
  if (a.length !== b.length) return `${a.length} layers vs ${b.length}`;
  for (let l = 0; l < a.length; l++) {
    for (const key of ['W', 'b'] as const) {
      const d = matrixDifference(a[l]?.[key], b[l]?.[key]);
      if (d) return `${key} layer ${l + 1} ${d}`;
    }
  }
  return 'different';
}

/** The first element where two matrices differ in bits, in words, or undefined. */
export function matrixDifference(a: Matrix | undefined, b: Matrix | undefined): string | undefined {
  const i = firstBitDifference(a, b);
  if (i < 0) return undefined;
  if (!a || !b || a.rows !== b.rows || a.cols !== b.cols)
    return `shape ${a?.rows}x${a?.cols} vs ${b?.rows}x${b?.cols}`;
  if (a.data.constructor !== b.data.constructor)
    return `${a.data.constructor.name} vs ${b.data.constructor.name}`;
  return `element (${Math.floor(i / a.cols)}, ${i % a.cols}): ${a.data[i]} vs ${b.data[i]}`;
}
