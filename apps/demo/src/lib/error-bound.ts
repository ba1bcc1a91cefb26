import { type DType, type StepTrace, UNIT_ROUNDOFF } from '@onegrad/core';

/**
 * The demo's error indicator: the worst `|x - ref| / (u * (|ref| + s))` over the elements, with `u` the
 * unit roundoff of `dtype` and `s` the largest |ref| of the quantity (its typical magnitude). It reads as
 * "how many roundings apart"; @onegrad/conformance holds the real, per-operation error model.
 */
export function worstRatio(x: ArrayLike<number>, ref: ArrayLike<number>, dtype: DType): number {
  let scale = 0;
  for (let i = 0; i < ref.length; i++) scale = Math.max(scale, Math.abs(ref[i] as number));
  const u = UNIT_ROUNDOFF[dtype];
  let worst = 0;
  for (let i = 0; i < ref.length; i++) {
    const r = ref[i] as number;
    const v = x[i] as number;
    if (!Number.isFinite(r) || !Number.isFinite(v)) {
      if (!Object.is(r, v) && !(Number.isNaN(r) && Number.isNaN(v))) return Number.POSITIVE_INFINITY;
      continue;
    }
    const diff = Math.abs(v - r);
    if (diff === 0) continue;
    worst = Math.max(worst, diff / (u * (Math.abs(r) + scale) || Number.MIN_VALUE));
  }
  return worst;
}

/**
 * The worst ratio over every quantity of a step (z, a, dZ, dW, db of each layer, the loss and the
 * updated parameters) between `trace` and the reference trace `ref`.
 */
export function worstTraceRatio(trace: StepTrace, ref: StepTrace, dtype: DType): number {
  let worst = worstRatio([trace.loss], [ref.loss], dtype);
  trace.layers.forEach((layer, l) => {
    const other = ref.layers[l];
    if (!other) return;
    for (const key of ['z', 'a', 'dZ', 'dW', 'db'] as const) {
      worst = Math.max(worst, worstRatio(layer[key].data, other[key].data, dtype));
    }
    const p = trace.params[l];
    const q = ref.params[l];
    if (p && q)
      worst = Math.max(worst, worstRatio(p.W.data, q.W.data, dtype), worstRatio(p.b.data, q.b.data, dtype));
  });
  return worst;
}
