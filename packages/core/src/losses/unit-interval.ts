import { cellOf } from '../finite-matrix.js';

/** The message refusing target `i` of `loss` when it lies outside [0, 1] (NaN included); undefined when inside. */
export function outsideUnitInterval(
  loss: string,
  y: ArrayLike<number>,
  cols: number,
  i: number,
): string | undefined {
  const v = y[i] as number;
  if (v >= 0 && v <= 1) return undefined;
  return `${loss} targets must lie in [0, 1]; element ${cellOf(i, cols)} of the ${y.length / cols}x${cols} matrix is ${v}`;
}
