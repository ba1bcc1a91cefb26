import { allocate } from './dtype.js';
import { type NetworkSpec, validateSpec } from './network-spec.js';
import type { Params } from './params.js';

/**
 * A seeded generator of uniform numbers in [0, 1) (mulberry32): the same seed gives the same
 * sequence on every platform, so every backend starts from the same parameters.
 */
export function seededRandom(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * Deterministic Glorot-uniform parameters for `spec`: W_l ~ U(-r, r) with r = sqrt(6 / (n_{l-1} + n_l)),
 * drawn in float64 and rounded once to the spec's dtype; biases are zero. Throws SpecError for a
 * spec {@link validateSpec} refuses (beyond the size limits), before allocating anything.
 */
export function initParams(rawSpec: NetworkSpec, seed = 1): Params {
  const spec = validateSpec(rawSpec);
  const rand = seededRandom(seed);
  const params = [];
  for (let l = 1; l < spec.sizes.length; l++) {
    const nIn = spec.sizes[l - 1] as number;
    const nOut = spec.sizes[l] as number;
    const r = Math.sqrt(6 / (nIn + nOut));
    const W = allocate(spec.dtype, nIn * nOut);
    for (let k = 0; k < W.length; k++) W[k] = (2 * rand() - 1) * r;
    params.push({
      W: { rows: nIn, cols: nOut, data: W },
      b: { rows: 1, cols: nOut, data: allocate(spec.dtype, nOut) },
    });
  }
  return params;
}
