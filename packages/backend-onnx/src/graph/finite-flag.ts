import type { GraphBuilder } from './graph-builder.js';

/**
 * Emits a boolean scalar that is true when every element of `values` is finite. Each value times 0
 * is 0 when finite and NaN for NaN or +-Infinity, so the sum of all those products equals 0 exactly
 * when everything is finite. It costs a few tiny nodes and spares reading the parameters back.
 */
export function emitAllFinite(g: GraphBuilder, values: readonly string[], out: string): string {
  const zero = g.scalar(0, 'zero');
  const poisons = values.map((v) => g.op('ReduceSum', [g.op('Mul', [v, zero])], undefined, { keepdims: 0 }));
  const total = poisons.reduce((acc, p) => g.op('Add', [acc, p]));
  return g.op('Equal', [total, zero], out);
}
