import type { GraphBuilder } from './graph-builder.js';

/**
 * Emits a boolean scalar that is true when every element of `scalars` and `tensors` is finite. Each
 * value times 0 is 0 when finite and NaN for NaN or +-Infinity, so the sum of all those products
 * (a tensor's summed first, one Sum over them all) equals 0 exactly when everything is finite. It
 * costs a few tiny nodes and spares reading the parameters back.
 */
export function emitAllFinite(
  g: GraphBuilder,
  scalars: readonly string[],
  tensors: readonly string[],
  out: string,
): string {
  const zero = g.scalar(0, 'zero');
  const poisons = [
    ...scalars.map((v) => g.op('Mul', [v, zero])),
    ...tensors.map((v) => g.op('ReduceSum', [g.op('Mul', [v, zero])], undefined, { keepdims: 0 })),
  ];
  const total = poisons.length === 1 ? (poisons[0] as string) : g.op('Sum', poisons);
  return g.op('Equal', [total, zero], out);
}
