import type { Matrix } from '@onegrad/core';

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
