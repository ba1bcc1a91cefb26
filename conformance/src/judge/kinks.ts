import { boundOf, type ExpectedMatrix } from './expected.js';

/**
 * True when the gate of a kinked activation (relu at 0) is not determined by the error model at
 * element `i` of Z: the reference lies within its bound of the kink. A reference exactly on the kink
 * whose magnitude coefficient is 0 (every term of its dot product an exact zero, as for a unit with
 * W = 0 and b = 0) is determined: no rounding can move it, only the floor of operations that cannot
 * underflow here.
 */
export function gateUndetermined(
  z: ExpectedMatrix,
  i: number,
  kink: number,
  u: number,
  floor: number,
): boolean {
  const gap = Math.abs((z.hi[i] as number) - kink + (z.lo[i] as number));
  if (gap === 0) return (z.m[i] as number) > 0;
  return gap <= boundOf(z, i, u, floor);
}
