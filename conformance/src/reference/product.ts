import type { Dec } from './decimal.js';

/** A reference value with its coefficients. */
export interface BoundedValue {
  /** The value. */
  readonly v: Dec;
  /** Magnitude coefficient (units of u). */
  readonly m: number;
  /** Floor coefficient (units of one underflowing operation's error). */
  readonly f: number;
}

/**
 * dZ = dA * a (1 - a), as a backend computes it from its own dA and A. s = a (1 - a) costs two
 * roundings and carries |1 - a| M(a) + |a| M(a) = M(a); the product of two computed factors
 * carries |s| M(dA) + |dA| M(s) plus its own rounding:
 *   M(dZ) = s M(dA) + |dA| (M(a) + 2 s) + |dA| s,   F(dZ) = s F(dA) + |dA| (F(a) + 2) + 1.
 */
export function sigmoidProduct(
  dA: Dec,
  dAM: number,
  dAF: number,
  a: Dec,
  aBar: Dec,
  aM: number,
  aF: number,
): BoundedValue {
  const s = a.times(aBar);
  const sn = s.toNumber();
  const g = Math.abs(dA.toNumber());
  return {
    v: dA.times(s),
    m: sn * dAM + g * (aM + 2 * sn) + g * sn,
    f: sn * dAF + g * (aF + 2) + 1,
  };
}
